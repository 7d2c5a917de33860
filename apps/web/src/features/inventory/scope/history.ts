import type { EntitlementsResponse, Month } from '@stockscan/contracts';
import { historyCutoff } from '@stockscan/entitlements';
import { toEntitlements } from '../../entitlements/entitlements-model';

/**
 * Whether the plan may read `month` (SPEC §4 history_days: a month is readable while any part of it is in
 * the window, as the server decides); true before the plan is known.
 */
export function monthReadable(
  ent: EntitlementsResponse | undefined,
  month: Month,
  now = new Date(),
): boolean {
  if (!ent) return true;
  const cutoff = historyCutoff(toEntitlements(ent), now);
  return cutoff === null || month >= cutoff.toISOString().slice(0, 7);
}
