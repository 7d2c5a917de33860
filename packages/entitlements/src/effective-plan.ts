import { assertValidDate } from './assert';
import { graceEndsAt, subscriptionInForce, type TenantBilling } from './billing-status';
import { normalizePlanCode, type PlanCode } from './plans';

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
  if (subscriptionInForce(billing.subscription_status)) return 'subscription';
  const graceEnd = graceEndsAt(billing);
  return graceEnd !== null && now < graceEnd.getTime() ? 'grace' : null;
}
