import type { EntitlementsResponse, Month } from '@stockscan/contracts';
import {
  COUNT_USAGE_KEYS,
  type CountKey,
  checkCount,
  checkFeature,
  type Entitlements,
  FEATURE_KEYS,
  type FeatureKey,
  type HeldKey,
  isMonthReadable,
  LIMIT_KEYS,
  PLAN_LIMITS,
  QUOTA_LIMIT_KEYS,
  type QuotaKind,
  type QuotaLeft,
  quotaLeft,
  type Verdict,
} from '@stockscan/entitlements';

/** The server's answer as the pure package's `Entitlements` (plan, features, limits). */
export function toEntitlements(data: EntitlementsResponse): Entitlements {
  const plan = data.plan_effective;
  const features = Object.fromEntries(
    FEATURE_KEYS.map((key) => [key, data.entitlements[key] === true]),
  ) as Entitlements['features'];
  // A key the server left out falls back to the plan's table; null stays "unlimited".
  const limits = Object.fromEntries(
    LIMIT_KEYS.map((key) => [key, key in data.limits ? (data.limits[key] ?? null) : PLAN_LIMITS[plan][key]]),
  ) as Entitlements['limits'];
  return { plan, features, limits };
}

export interface EntitlementChecks {
  can(feature: FeatureKey): Verdict;
  canAdd(key: CountKey, n?: number): Verdict;
  /** A limit on what is held per service (max_locations): `held` is the service's count, which the caller knows. */
  canHold(key: HeldKey, held: number, n?: number): Verdict;
  quotaLeft(kind: QuotaKind): QuotaLeft;
  /** Whether the plan may read `month` (SPEC §4 history_days), as the server decides. */
  canRead(month: Month, now?: Date): boolean;
}

const ALLOWED: Verdict = { ok: true };

/** Verdicts from what the server last said; before it answered, everything is allowed (the server decides). */
export function checksFor(data: EntitlementsResponse | undefined): EntitlementChecks {
  if (!data) {
    return {
      can: () => ALLOWED,
      canAdd: () => ALLOWED,
      canHold: () => ALLOWED,
      quotaLeft: () => ({ left: null, used: 0, limit: null, verdict: ALLOWED }),
      canRead: () => true,
    };
  }
  const ent = toEntitlements(data);
  return {
    can: (feature) => checkFeature(ent, feature),
    canAdd: (key, n = 1) => checkCount(ent, key, data.usage[COUNT_USAGE_KEYS[key]], n),
    canHold: (key, held, n = 1) => checkCount(ent, key, held, n),
    quotaLeft: (kind) => quotaLeft(ent, kind, data.usage[QUOTA_LIMIT_KEYS[kind]]),
    canRead: (month, now = new Date()) => isMonthReadable(ent, now, month),
  };
}
