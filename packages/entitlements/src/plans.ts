import type { BillingCycle } from '@stockscan/contracts';

/** Plan codes, ordered from the free plan up; unchanged from the original app (SPEC §4). */
export const PLAN_CODES = ['ESSENTIEL', 'BOUTIQUE', 'PRO'] as const;
export type PlanCode = (typeof PLAN_CODES)[number];

/** Rank of each plan: a higher rank never allows less. */
export const PLAN_ORDER: Readonly<Record<PlanCode, number>> = Object.freeze({
  ESSENTIEL: 0,
  BOUTIQUE: 1,
  PRO: 2,
});

/** Names accepted on input besides the codes themselves. */
export const PLAN_ALIASES: Readonly<Record<string, PlanCode>> = Object.freeze({
  SOLO: 'ESSENTIEL',
  DUO: 'BOUTIQUE',
  MULTI: 'PRO',
});

/** What customers see: the codes are internal. */
export const PLAN_NAMES: Readonly<Record<PlanCode, string>> = Object.freeze({
  ESSENTIEL: 'Solo',
  BOUTIQUE: 'Duo',
  PRO: 'Multi',
});

/** Prices in EUR, tax included as displayed on the pricing page. */
export const PLAN_PRICES_EUR: Readonly<Record<PlanCode, Readonly<Record<BillingCycle, number>>>> =
  Object.freeze({
    ESSENTIEL: Object.freeze({ MONTHLY: 0, YEARLY: 0 }),
    BOUTIQUE: Object.freeze({ MONTHLY: 9, YEARLY: 90 }),
    PRO: Object.freeze({ MONTHLY: 19, YEARLY: 190 }),
  });

// ASCII only: toUpperCase() would turn 'ſolo' or 'multı' into valid codes.
const PLAN_INPUT = /^[A-Za-z]+$/;

/** A plan code or alias, any case, surrounding spaces ignored; null when it names no plan (or is no string). */
export function normalizePlanCode(input: unknown): PlanCode | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (!PLAN_INPUT.test(trimmed)) return null;
  const upper = trimmed.toUpperCase();
  if ((PLAN_CODES as readonly string[]).includes(upper)) return upper as PlanCode;
  return Object.hasOwn(PLAN_ALIASES, upper) ? (PLAN_ALIASES[upper] as PlanCode) : null;
}

/** Plans ranked strictly above `plan`, lowest first. */
export function plansAbove(plan: PlanCode): PlanCode[] {
  return PLAN_CODES.filter((code) => PLAN_ORDER[code] > PLAN_ORDER[plan]);
}
