import type { Month } from '@stockscan/contracts';
import { type Entitlements, historyCutoff, monthKey } from '@stockscan/entitlements';

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
