import type { LimitCode, Localized, UsageKind } from '@stockscan/contracts';
import { assertCount } from './assert';
import {
  type Entitlements,
  type FeatureKey,
  type HeldKey,
  type Limit,
  PLAN_FEATURES,
  PLAN_LIMITS,
  type QuotaKey,
  withinLimit,
} from './entitlements';
import { countMessage, featureMessage, quotaMessage } from './messages';
import { type PlanCode, plansAbove } from './plans';

export type VerdictCode = LimitCode | 'FEATURE_NOT_INCLUDED';

/**
 * A refusal carries everything a toast or a 403 body needs. For a feature, `limit` is null and `current` 0.
 * `upgrade_to` is the smallest plan above the current one that would allow the action, null when none would.
 */
export type Denial = {
  ok: false;
  code: VerdictCode;
  limit: number | null;
  current: number;
  message: Localized;
  upgrade_to: PlanCode | null;
};
export type Verdict = { ok: true } | Denial;

export const COUNT_CODES: Readonly<Record<HeldKey, LimitCode>> = Object.freeze({
  max_products: 'LIMIT_MAX_PRODUCTS',
  max_services: 'LIMIT_MAX_SERVICES',
  max_users: 'LIMIT_MAX_USERS',
  max_locations: 'LIMIT_MAX_LOCATIONS',
});

/** usage_events kinds that consume a monthly quota, and the limit each consumes. */
export type QuotaKind = Exclude<UsageKind, 'ai_support' | 'order_email'>;
export const QUOTA_LIMIT_KEYS: Readonly<Record<QuotaKind, QuotaKey>> = Object.freeze({
  export_xlsx: 'exports_xlsx_month',
  export_csv: 'exports_csv_month',
  ai_request: 'ai_requests_month',
});
export const QUOTA_CODES: Readonly<Record<QuotaKind, LimitCode>> = Object.freeze({
  export_xlsx: 'LIMIT_EXPORT_XLSX_MONTH',
  export_csv: 'LIMIT_EXPORT_CSV_MONTH',
  ai_request: 'LIMIT_AI_REQUESTS_MONTH',
});

function smallestPlanAbove(plan: PlanCode, allows: (candidate: PlanCode) => boolean): PlanCode | null {
  return plansAbove(plan).find(allows) ?? null;
}

export function checkFeature(ent: Entitlements, feature: FeatureKey): Verdict {
  if (ent.features[feature]) return { ok: true };
  const upgrade_to = smallestPlanAbove(ent.plan, (p) => PLAN_FEATURES[p][feature]);
  const message = featureMessage(feature, ent.plan, upgrade_to);
  return { ok: false, code: 'FEATURE_NOT_INCLUDED', limit: null, current: 0, message, upgrade_to };
}

/** May the tenant go from `current` to `current + increment` items? */
export function checkCount(ent: Entitlements, key: HeldKey, current: number, increment = 1): Verdict {
  const limit = refusedLimit(ent.limits[key], current, increment);
  if (limit === null) return { ok: true };
  const upgrade_to = smallestPlanAbove(ent.plan, (p) =>
    withinLimit(PLAN_LIMITS[p][key], current + increment),
  );
  const message = countMessage(key, ent.plan, limit, upgrade_to);
  return { ok: false, code: COUNT_CODES[key], limit, current, message, upgrade_to };
}

/** May the tenant use `increment` more of a monthly quota it has used `usedThisPeriod` times? */
export function checkQuota(
  ent: Entitlements,
  kind: QuotaKind,
  usedThisPeriod: number,
  increment = 1,
): Verdict {
  const key = QUOTA_LIMIT_KEYS[kind];
  const limit = refusedLimit(ent.limits[key], usedThisPeriod, increment);
  if (limit === null) return { ok: true };
  const upgrade_to = smallestPlanAbove(ent.plan, (p) =>
    withinLimit(PLAN_LIMITS[p][key], usedThisPeriod + increment),
  );
  const message = quotaMessage(key, ent.plan, limit, upgrade_to);
  return { ok: false, code: QUOTA_CODES[kind], limit, current: usedThisPeriod, message, upgrade_to };
}

/** The limit that refuses the step, or null when it fits. */
function refusedLimit(limit: Limit, current: number, increment: number): number | null {
  assertCount(current, 'current');
  assertCount(increment, 'increment');
  return withinLimit(limit, current + increment) ? null : limit;
}
