import type { BillingCycle, PaidPlanCode } from '@stockscan/contracts';
import type { Config, PlanPrice } from '../config';
import { AppError } from '../errors';

const PRICE_KEYS: readonly PlanPrice[] = ['BOUTIQUE_MONTHLY', 'BOUTIQUE_YEARLY', 'PRO_MONTHLY', 'PRO_YEARLY'];

/** The configured Stripe price id of a plan and cycle; 503 STRIPE_PRICE_NOT_CONFIGURED names the variable. */
export function priceIdFor(config: Config, plan: PaidPlanCode, cycle: BillingCycle): string {
  const key: PlanPrice = `${plan}_${cycle}`;
  const priceId = config.stripe.prices[key];
  if (!priceId) {
    throw new AppError('STRIPE_PRICE_NOT_CONFIGURED', {
      fr: `Ce tarif n’est pas configuré (STRIPE_PRICE_${key} manquant).`,
      en: `This price is not configured (STRIPE_PRICE_${key} is missing).`,
    });
  }
  return priceId;
}

/** A Stripe price id back to our plan and cycle; null for a price we do not sell. */
export function planForPriceId(
  config: Config,
  priceId: string,
): { plan: PaidPlanCode; cycle: BillingCycle } | null {
  const key = PRICE_KEYS.find((k) => config.stripe.prices[k] === priceId);
  if (!key) return null;
  const [plan, cycle] = key.split('_') as [PaidPlanCode, BillingCycle];
  return { plan, cycle };
}
