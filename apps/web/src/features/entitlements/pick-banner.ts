import type { EntitlementsResponse } from '@stockscan/contracts';
import {
  COUNT_KEYS,
  COUNT_USAGE_KEYS,
  type CountKey,
  daysLeft as daysUntil,
  OVER_LIMIT_FLAGS,
  PLAN_LIMITS,
  type PlanCode,
  plansAbove,
  withinLimit,
} from '@stockscan/entitlements';

/** Trial reminders start this many days before the end. */
export const TRIAL_WARNING_DAYS = 14;

export type Banner =
  | { kind: 'past_due'; plan: PlanCode }
  | {
      kind: 'over_limit';
      key: CountKey;
      count: number;
      limit: number;
      plan: PlanCode;
      upgradeTo: PlanCode | null;
    }
  | { kind: 'trial'; plan: PlanCode; daysLeft: number };

/** The one banner to show, most urgent first: payment failed > over a limit > trial ending; null for none. */
export function pickBanner(data: EntitlementsResponse, now: Date): Banner | null {
  const plan = data.plan_effective;
  if (data.subscription_status === 'PAST_DUE') return { kind: 'past_due', plan };
  for (const key of COUNT_KEYS) {
    const limit = data.limits[key] ?? PLAN_LIMITS[plan][key];
    if (!data.over_limit[OVER_LIMIT_FLAGS[key]] || limit === null) continue;
    const count = data.usage[COUNT_USAGE_KEYS[key]];
    const upgradeTo = plansAbove(plan).find((p) => withinLimit(PLAN_LIMITS[p][key], count)) ?? null;
    return { kind: 'over_limit', key, count, limit, plan, upgradeTo };
  }
  if (data.trial?.active) {
    const daysLeft = daysUntil(new Date(data.trial.ends_at), now);
    if (daysLeft <= TRIAL_WARNING_DAYS) return { kind: 'trial', plan, daysLeft };
  }
  return null;
}
