import type { BillingCycle } from '@stockscan/contracts';
import { type Features, type Limits, PLAN_FEATURES, PLAN_LIMITS } from './entitlements';
import { PLAN_CODES, PLAN_NAMES, PLAN_PRICES_EUR, type PlanCode } from './plans';

/** One column of the pricing table; render labels with FEATURE_LABELS and describeLimit. */
export type PlanInfo = {
  code: PlanCode;
  name: string;
  currency: 'EUR';
  prices: Readonly<Record<BillingCycle, number>>;
  limits: Readonly<Limits>;
  features: Readonly<Features>;
};

/** Every plan, cheapest first. */
export const PLANS: readonly PlanInfo[] = Object.freeze(
  PLAN_CODES.map((code) =>
    Object.freeze({
      code,
      name: PLAN_NAMES[code],
      currency: 'EUR' as const,
      prices: PLAN_PRICES_EUR[code],
      limits: PLAN_LIMITS[code],
      features: PLAN_FEATURES[code],
    }),
  ),
);
