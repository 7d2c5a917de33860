import type { Month } from '@stockscan/contracts';
import { assertValidDate } from './assert';
import type { Entitlements } from './entitlements';
import { DAY_MS, monthKey } from './period';

/** Oldest instant the plan may read (inclusive), or null when history is unlimited. */
export function historyCutoff(ent: Entitlements, now: Date): Date | null {
  assertValidDate(now, 'now');
  const days = ent.limits.history_days;
  return days === null ? null : new Date(now.getTime() - days * DAY_MS);
}

/** Whether data dated `date` is readable; history limits filter, they never raise an error. */
export function isWithinHistory(ent: Entitlements, date: Date, now: Date): boolean {
  assertValidDate(date, 'date');
  const cutoff = historyCutoff(ent, now);
  return cutoff === null || date.getTime() >= cutoff.getTime();
}

/**
 * Oldest month the plan may read, or null when history is unlimited. A month is readable while any part
 * of it is within the history window; months entirely before the cutoff are not (ESSENTIEL: 14 days).
 */
export function readableFromMonth(ent: Entitlements, now: Date): Month | null {
  const cutoff = historyCutoff(ent, now);
  return cutoff === null ? null : monthKey(cutoff);
}

/** Whether `month` ('YYYY-MM') is readable under the plan's history limit. */
export function isMonthReadable(ent: Entitlements, now: Date, month: Month): boolean {
  const from = readableFromMonth(ent, now);
  return from === null || month >= from;
}
