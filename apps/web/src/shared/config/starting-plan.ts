import type { Locale, PublicConfig } from '@stockscan/contracts';
// The plan tables alone: the landing shows this sentence and must not load the whole rules package (#21).
import { PLAN_LIMITS } from '@stockscan/entitlements/limits';
import { PLAN_CODES, PLAN_NAMES, type PlanCode } from '@stockscan/entitlements/plans';

/** What a new account starts with, as the server is configured (TRIAL_PLAN, TRIAL_DAYS) — never assumed here. */
export interface StartingPlan {
  /** The trial's plan, or the free plan when sign-up grants no trial. */
  plan: PlanCode;
  /** Length of the trial; null without a trial. */
  trialDays: number | null;
  /** Services the new account may create. */
  maxServices: number;
  /** Message variables: {plan} its name, {days} "7 jours" / "7 days", {free} the free plan's name, {counts}. */
  vars: { plan: string; days: string; free: string; counts: string };
}

export function daysText(days: number, locale: Locale): string {
  if (locale === 'en') return days === 1 ? '1 day' : `${days} days`;
  return days === 1 ? '1 jour' : `${days} jours`;
}

const servicesOf = (plan: PlanCode) => PLAN_LIMITS[plan].max_services ?? Number.POSITIVE_INFINITY;

/** "Solo 1 service, Duo 2, Multi 5", from the plan registry. */
function serviceCounts(): string {
  return PLAN_CODES.map((code, index) => {
    const n = servicesOf(code);
    return index === 0 ? `${PLAN_NAMES[code]} ${n} service${n > 1 ? 's' : ''}` : `${PLAN_NAMES[code]} ${n}`;
  }).join(', ');
}

export function startingPlan(config: Pick<PublicConfig, 'trial'>, locale: Locale): StartingPlan {
  const plan = config.trial?.plan ?? 'ESSENTIEL';
  const trialDays = config.trial?.days ?? null;
  return {
    plan,
    trialDays,
    maxServices: servicesOf(plan),
    vars: {
      plan: PLAN_NAMES[plan],
      days: trialDays === null ? '' : daysText(trialDays, locale),
      free: PLAN_NAMES.ESSENTIEL,
      counts: serviceCounts(),
    },
  };
}
