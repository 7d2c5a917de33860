import type { EntitlementsResponse, Month } from '@stockscan/contracts';
import {
  type CountKey,
  checkCount,
  checkFeature,
  checkQuota,
  type Entitlements,
  FEATURE_KEYS,
  type FeatureKey,
  isMonthReadable,
  LIMIT_KEYS,
  PLAN_LIMITS,
  QUOTA_LIMIT_KEYS,
  type QuotaKind,
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

const COUNT_USAGE: Record<CountKey, keyof EntitlementsResponse['usage']> = {
  max_products: 'products_count',
  max_services: 'services_count',
  max_users: 'users_count',
};

export interface QuotaLeft {
  /** Uses left this month; null = unlimited. */
  left: number | null;
  used: number;
  limit: number | null;
  verdict: Verdict;
}

export interface EntitlementChecks {
  can(feature: FeatureKey): Verdict;
  canAdd(key: CountKey, n?: number): Verdict;
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
      quotaLeft: () => ({ left: null, used: 0, limit: null, verdict: ALLOWED }),
      canRead: () => true,
    };
  }
  const ent = toEntitlements(data);
  return {
    can: (feature) => checkFeature(ent, feature),
    canAdd: (key, n = 1) => checkCount(ent, key, data.usage[COUNT_USAGE[key]], n),
    quotaLeft: (kind) => {
      const limit = ent.limits[QUOTA_LIMIT_KEYS[kind]];
      const used = data.usage[QUOTA_LIMIT_KEYS[kind]];
      return {
        left: limit === null ? null : Math.max(0, limit - used),
        used,
        limit,
        verdict: checkQuota(ent, kind, used),
      };
    },
    canRead: (month, now = new Date()) => isMonthReadable(ent, now, month),
  };
}
