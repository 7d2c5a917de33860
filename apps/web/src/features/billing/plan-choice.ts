import type { BillingCycle, BillingStatus, PaidPlanCode } from '@stockscan/contracts';
import { normalizePlanCode, subscriptionInForce, subscriptionRunning } from '@stockscan/entitlements';

export interface PlanChoice {
  /** A paid plan named in the URL (codes or aliases, any case); null for none, Solo or garbage. */
  plan: PaidPlanCode | null;
  /** null when the URL names none: the page then shows the tenant's own cycle. */
  cycle: BillingCycle | null;
}

/** `?plan=PRO&cycle=YEARLY` from the pricing page, the banners or an error's upgrade link. */
export function parsePlanChoice(params: URLSearchParams): PlanChoice {
  const plan = normalizePlanCode(params.get('plan'));
  const cycle = params.get('cycle')?.trim().toUpperCase();
  return {
    plan: plan === 'BOUTIQUE' || plan === 'PRO' ? plan : null,
    cycle: cycle === 'YEARLY' || cycle === 'MONTHLY' ? cycle : null,
  };
}

/** The plan paid for is in force (what the success page waits for after Checkout). */
export function paymentConfirmed(
  status: Pick<BillingStatus, 'plan_source' | 'subscription_status'>,
): boolean {
  return status.plan_source === 'PAID' && subscriptionInForce(status.subscription_status);
}

/** How checkout buttons behave: pay, go through the portal, or explain why not. */
export type CheckoutMode = 'checkout' | 'portal' | 'soon' | 'unavailable';

export function checkoutMode(
  status: Pick<BillingStatus, 'subscription_status' | 'checkout_enabled'>,
  stripeEnabledInBuild: boolean,
): CheckoutMode {
  if (!stripeEnabledInBuild) return 'soon';
  // A running subscription changes plan in the portal: a second checkout would bill twice.
  if (subscriptionRunning(status.subscription_status)) return 'portal';
  return status.checkout_enabled ? 'checkout' : 'unavailable';
}
