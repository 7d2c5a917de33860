import type { PlanSource, SubscriptionStatus } from '@stockscan/contracts';
import { assertValidDate } from './assert';
import { DAY_MS } from './period';
import { normalizePlanCode, type PlanCode } from './plans';

/** How long a PAST_DUE subscription keeps its plan, counted from grace_started_at. */
export const GRACE_DAYS = 7;

/** The billing columns of a tenant (SPEC §3). */
export type TenantBilling = {
  plan_code: string | null;
  plan_source: PlanSource;
  subscription_status: SubscriptionStatus;
  license_expires_at: Date | null;
  grace_started_at: Date | null;
};

/**
 * Why the effective plan is what it is. The declared plan holds by the first matching rule, in this order:
 * lifetime, manual, license, subscription, grace. `fallback`: a paid plan is declared but no rule holds.
 * `free`: ESSENTIEL is declared, or no known plan is.
 */
export type EffectivePlanReason =
  | 'lifetime'
  | 'manual'
  | 'license'
  | 'subscription'
  | 'grace'
  | 'fallback'
  | 'free';
export type EffectivePlan = { plan: PlanCode; reason: EffectivePlanReason };

/** SPEC §4: the plan a tenant is entitled to at `now`. */
export function effectivePlan(billing: TenantBilling, now: Date): EffectivePlan {
  assertValidDate(now, 'now');
  const declared = normalizePlanCode(billing.plan_code);
  if (declared === null || declared === 'ESSENTIEL') return { plan: 'ESSENTIEL', reason: 'free' };
  const reason = holdingRule(billing, now.getTime());
  return reason === null ? { plan: 'ESSENTIEL', reason: 'fallback' } : { plan: declared, reason };
}

function holdingRule(billing: TenantBilling, now: number): EffectivePlanReason | null {
  if (billing.plan_source === 'LIFETIME') return 'lifetime';
  if (billing.plan_source === 'MANUAL') return 'manual';
  // An Invalid Date compares false everywhere below: unreadable billing data never grants a plan.
  if (billing.license_expires_at !== null && billing.license_expires_at.getTime() > now) return 'license';
  if (billing.subscription_status === 'ACTIVE' || billing.subscription_status === 'TRIALING')
    return 'subscription';
  if (
    billing.subscription_status === 'PAST_DUE' &&
    billing.grace_started_at !== null &&
    now < billing.grace_started_at.getTime() + GRACE_DAYS * DAY_MS
  ) {
    return 'grace';
  }
  return null;
}
