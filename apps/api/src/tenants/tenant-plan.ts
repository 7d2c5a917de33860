import type { TenantBilling } from '@stockscan/entitlements';
import {
  checkCount,
  DAY_MS,
  effectivePlan,
  entitlementsFor,
  normalizePlanCode,
} from '@stockscan/entitlements';
import type { Config } from '../config';
import { denialError } from '../entitlements/enforce';

/** Billing columns of a new tenant: the configured trial, or the free plan when TRIAL_DAYS=0. */
export function trialBilling(trial: Config['trial'], now: Date): TenantBilling {
  if (trial.days <= 0)
    return {
      plan_code: null,
      plan_source: 'FREE',
      subscription_status: 'NONE',
      license_expires_at: null,
      grace_started_at: null,
    };
  return {
    plan_code: normalizePlanCode(trial.plan),
    plan_source: 'TRIAL',
    subscription_status: 'NONE',
    license_expires_at: new Date(now.getTime() + trial.days * DAY_MS),
    grace_started_at: null,
  };
}

/** Before a tenant exists: LIMIT_MAX_SERVICES unless the plan it will have allows `services` services. */
export function assertNewTenantServicesFit(billing: TenantBilling, services: number, now: Date): void {
  const verdict = checkCount(entitlementsFor(effectivePlan(billing, now).plan), 'max_services', 0, services);
  if (!verdict.ok) throw denialError(verdict);
}
