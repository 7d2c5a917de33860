import type { PlanSource, SubscriptionStatus } from '@stockscan/contracts';
import { assertValidDate } from './assert';
import { DAY_MS } from './period';

/** How long a PAST_DUE subscription keeps its plan, counted from grace_started_at. */
export const GRACE_DAYS = 7;

/** Stripe refuses a Checkout trial_end less than 48 h ahead; the margin covers the request's own delay. */
export const MIN_CHECKOUT_TRIAL_MS = 48 * 3_600_000 + 10 * 60_000;

/** The billing columns of a tenant (SPEC §3). */
export type TenantBilling = {
  plan_code: string | null;
  plan_source: PlanSource;
  subscription_status: SubscriptionStatus;
  license_expires_at: Date | null;
  grace_started_at: Date | null;
};

type Trialled = Pick<TenantBilling, 'plan_source' | 'subscription_status'>;

/** The trial given at signup, before any payment method (what the trial banner counts down). */
export function onSignupTrial(billing: Pick<TenantBilling, 'plan_source'>): boolean {
  return billing.plan_source === 'TRIAL';
}

/** Any trial: the signup trial, or a Stripe subscription still in its trial period. */
export function inTrial(billing: Trialled): boolean {
  return onSignupTrial(billing) || billing.subscription_status === 'TRIALING';
}

/** The subscription is paid up (or in its Stripe trial): its plan holds and it renews. */
export function subscriptionInForce(status: SubscriptionStatus): boolean {
  return status === 'ACTIVE' || status === 'TRIALING';
}

/** A Stripe subscription still runs, even unpaid: a second checkout would bill twice. */
export function subscriptionRunning(status: SubscriptionStatus): boolean {
  return subscriptionInForce(status) || status === 'PAST_DUE';
}

/** PAST_DUE: the instant the plan falls back to ESSENTIEL; null when not past due or grace never started. */
export function graceEndsAt(
  billing: Pick<TenantBilling, 'subscription_status' | 'grace_started_at'>,
): Date | null {
  if (billing.subscription_status !== 'PAST_DUE' || billing.grace_started_at === null) return null;
  return new Date(billing.grace_started_at.getTime() + GRACE_DAYS * DAY_MS);
}

/** Whole days until `ends`, a started day counting as one; 0 once it has passed. */
export function daysLeft(ends: Date, now: Date): number {
  assertValidDate(now, 'now');
  return Math.max(0, Math.ceil((ends.getTime() - now.getTime()) / DAY_MS));
}

export type TrialInfo = { active: boolean; ends_at: Date };
export type TrialStatus = TrialInfo & { days_left: number };

function trialStatus(ends: Date, now: Date): TrialStatus {
  return {
    active: ends.getTime() > now.getTime(),
    ends_at: new Date(ends.getTime()),
    days_left: daysLeft(ends, now),
  };
}

/** The `trial` field of the entitlements response: only for a signup trial with a known end. */
export function trialInfo(billing: TenantBilling, now: Date): TrialInfo | null {
  assertValidDate(now, 'now');
  const ends = billing.license_expires_at;
  if (!onSignupTrial(billing) || ends === null) return null;
  const { active, ends_at } = trialStatus(ends, now);
  return { active, ends_at };
}

/** Where a tenant stands with its billing at `now` (what the billing settings page shows). */
export type BillingFacts = {
  /** Signup or Stripe trial with a known end; null otherwise. */
  trial: TrialStatus | null;
  /** Next charge of a subscription in force; null when none is scheduled. */
  renews_at: Date | null;
  /** When the current plan stops unless renewed (scheduled cancellation first). */
  expires_at: Date | null;
  /** A scheduled cancellation of a subscription in force. */
  cancel_at: Date | null;
  past_due: boolean;
  grace_ends_at: Date | null;
};

/** SPEC §4 billing status from the tenant's billing columns and `now`. */
export function billingStatus(
  billing: TenantBilling & { stripe_cancel_at: Date | null },
  now: Date,
): BillingFacts {
  assertValidDate(now, 'now');
  const ends = billing.license_expires_at;
  const inForce = subscriptionInForce(billing.subscription_status);
  const cancelAt = inForce ? billing.stripe_cancel_at : null;
  return {
    trial: inTrial(billing) && ends ? trialStatus(ends, now) : null,
    renews_at: inForce && billing.plan_source === 'PAID' && !cancelAt ? ends : null,
    expires_at: cancelAt ?? ends,
    cancel_at: cancelAt,
    past_due: billing.subscription_status === 'PAST_DUE',
    grace_ends_at: graceEndsAt(billing),
  };
}

/** The trial end to hand to Stripe Checkout: the signup trial's remaining time, when Stripe would take it. */
export function checkoutTrialEnd(
  billing: Pick<TenantBilling, 'plan_source' | 'license_expires_at'>,
  now: Date,
): Date | null {
  assertValidDate(now, 'now');
  const ends = billing.license_expires_at;
  if (!onSignupTrial(billing) || ends === null) return null;
  return ends.getTime() - now.getTime() >= MIN_CHECKOUT_TRIAL_MS ? new Date(ends.getTime()) : null;
}
