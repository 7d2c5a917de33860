import type { EntitlementsResponse, Month } from '@stockscan/contracts';
import { historyCutoff, monthKey } from '@stockscan/entitlements';
import { toEntitlements } from '../entitlements/entitlements-model';
import { currentLocalMonth, shiftMonth } from '../inventory/scope/format';

/** How far back the pickers go when the plan keeps every month. */
const MONTHS_BACK = 24;

/** Oldest month the plan still lets us read (Solo: 14 days), or null when history is unlimited. */
export function oldestReadableMonth(data: EntitlementsResponse | undefined, now = new Date()): Month | null {
  if (!data) return null;
  const cutoff = historyCutoff(toEntitlements(data), now);
  return cutoff ? monthKey(cutoff) : null;
}

/** The months to offer, newest first: the current one back to the oldest readable, at most MONTHS_BACK. */
export function monthChoices(oldest: Month | null, now = new Date()): Month[] {
  const current = currentLocalMonth(now);
  const months: Month[] = [];
  for (let i = 0; i < MONTHS_BACK; i += 1) {
    const month = shiftMonth(current, -i);
    if (oldest && month < oldest) break;
    months.push(month);
  }
  return months;
}
