import { assertValidDate } from './assert';
import type { Entitlements } from './entitlements';
import { DAY_MS } from './period';

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
