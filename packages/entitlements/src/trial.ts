import { assertValidDate } from './assert';
import type { TenantBilling } from './effective-plan';

export type TrialInfo = { active: boolean; ends_at: Date };

/** The `trial` field of the entitlements response: only for a TRIAL tenant with a known end. */
export function trialInfo(billing: TenantBilling, now: Date): TrialInfo | null {
  assertValidDate(now, 'now');
  const ends = billing.license_expires_at;
  if (billing.plan_source !== 'TRIAL' || ends === null) return null;
  return { active: ends.getTime() > now.getTime(), ends_at: new Date(ends.getTime()) };
}
