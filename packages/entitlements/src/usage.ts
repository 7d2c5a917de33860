import type { CountKey, Entitlements, Limit, QuotaKey } from './entitlements';
import { checkQuota, QUOTA_LIMIT_KEYS, type QuotaKind, type Verdict } from './verdicts';

/** What a tenant holds, as the entitlements response's `usage` counts it. */
export type CountUsage = { products_count: number; services_count: number; users_count: number };
/** What a tenant used this calendar month, under the limit key it counts against. */
export type QuotaUsage = Record<QuotaKey, number>;
export type Usage = CountUsage & QuotaUsage;
export type OverLimit = { products: boolean; services: boolean; users: boolean };

/** The held counts, in the order screens list them. */
export const COUNT_KEYS: readonly CountKey[] = Object.freeze(['max_products', 'max_services', 'max_users']);

/** Which usage figure each count limit caps. */
export const COUNT_USAGE_KEYS: Readonly<Record<CountKey, keyof CountUsage>> = Object.freeze({
  max_products: 'products_count',
  max_services: 'services_count',
  max_users: 'users_count',
});

/** Which `over_limit` flag each count limit raises. */
export const OVER_LIMIT_FLAGS: Readonly<Record<CountKey, keyof OverLimit>> = Object.freeze({
  max_products: 'products',
  max_services: 'services',
  max_users: 'users',
});

/** What is left of a monthly quota, and whether one more use fits. */
export type QuotaLeft = { used: number; limit: Limit; left: number | null; verdict: Verdict };

/** `used` of a monthly quota against the plan: what is left (null = unlimited) and the verdict on one more. */
export function quotaLeft(ent: Entitlements, kind: QuotaKind, used: number): QuotaLeft {
  const verdict = checkQuota(ent, kind, used);
  const limit = ent.limits[QUOTA_LIMIT_KEYS[kind]];
  return { used, limit, left: limit === null ? null : Math.max(0, limit - used), verdict };
}
