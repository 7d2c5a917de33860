import { assertCount } from './assert';
import type { PlanCode } from './plans';

export const FEATURE_KEYS = [
  'inventory_basic',
  'exports_basic',
  'exports_xlsx',
  'reports_basic',
  'loss_management',
  'alerts_stock',
  'ai_assistant_basic',
  'roles_per_service',
  'reports_standard',
  'exports_email',
  'reports_advanced',
  'alerts_expiry',
  'multi_service_analytics',
  'stock_control',
  'stock_variance',
  'purchase_orders',
] as const;
export type FeatureKey = (typeof FEATURE_KEYS)[number];

export const LIMIT_KEYS = [
  'max_products',
  'max_services',
  'max_users',
  'max_locations',
  'exports_xlsx_month',
  'exports_csv_month',
  'ai_requests_month',
  'history_days',
] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];

/** Limits on what a tenant holds (checkCount). */
export type CountKey = 'max_products' | 'max_services' | 'max_users';
/** Limits on what is held: the tenant's (CountKey) and max_locations, per service (the caller counts them). */
export type HeldKey = CountKey | 'max_locations';
/** Limits on what a tenant uses per calendar month (checkQuota). */
export type QuotaKey = 'exports_xlsx_month' | 'exports_csv_month' | 'ai_requests_month';

/** null = unlimited. */
export type Limit = number | null;
export type Features = Record<FeatureKey, boolean>;
export type Limits = Record<LimitKey, Limit>;

export type Entitlements = { plan: PlanCode; features: Features; limits: Limits };
export type EntitlementOverrides = { features?: Partial<Features>; limits?: Partial<Limits> };

const ESSENTIEL_FEATURES: readonly FeatureKey[] = [
  'inventory_basic',
  'exports_basic',
  'exports_xlsx',
  'reports_basic',
];
const BOUTIQUE_FEATURES: readonly FeatureKey[] = [
  ...ESSENTIEL_FEATURES,
  'loss_management',
  'alerts_stock',
  'ai_assistant_basic',
  'roles_per_service',
  'reports_standard',
  'stock_control',
];
const PRO_FEATURES: readonly FeatureKey[] = [
  ...BOUTIQUE_FEATURES,
  'exports_email',
  'reports_advanced',
  'alerts_expiry',
  'multi_service_analytics',
  'stock_variance',
  'purchase_orders',
];

function featureSet(included: readonly FeatureKey[]): Readonly<Features> {
  return Object.freeze(
    Object.fromEntries(FEATURE_KEYS.map((key) => [key, included.includes(key)])) as Features,
  );
}

/** SPEC §4 feature matrix. */
export const PLAN_FEATURES: Readonly<Record<PlanCode, Readonly<Features>>> = Object.freeze({
  ESSENTIEL: featureSet(ESSENTIEL_FEATURES),
  BOUTIQUE: featureSet(BOUTIQUE_FEATURES),
  PRO: featureSet(PRO_FEATURES),
});

/** SPEC §4 limit table; monthly quotas reset on the 1st (UTC). */
export const PLAN_LIMITS: Readonly<Record<PlanCode, Readonly<Limits>>> = Object.freeze({
  ESSENTIEL: Object.freeze({
    max_products: 100,
    max_services: 1,
    max_users: 1,
    max_locations: 2,
    exports_xlsx_month: 1,
    exports_csv_month: 1,
    ai_requests_month: 0,
    history_days: 14,
  }),
  BOUTIQUE: Object.freeze({
    max_products: 1000,
    max_services: 2,
    max_users: 3,
    max_locations: null,
    exports_xlsx_month: 30,
    exports_csv_month: null,
    ai_requests_month: 15,
    history_days: null,
  }),
  PRO: Object.freeze({
    max_products: null,
    max_services: 5,
    max_users: 10,
    max_locations: null,
    exports_xlsx_month: null,
    exports_csv_month: null,
    ai_requests_month: 200,
    history_days: null,
  }),
});

/** Whether `value` fits under `limit` (null = unlimited). */
export function withinLimit(limit: Limit, value: number): boolean {
  return limit === null || value <= limit;
}

/** A fresh, mutable copy of a plan's entitlements, with per-tenant overrides applied key by key. */
export function entitlementsFor(plan: PlanCode, overrides?: EntitlementOverrides): Entitlements {
  // Callers outside TypeScript (JSON, jsonb) could pass an alias or junk: never hand out an empty grant.
  if (!Object.hasOwn(PLAN_LIMITS, plan)) throw new RangeError(`Unknown plan code ${String(plan)}`);
  const features = { ...PLAN_FEATURES[plan] };
  const limits = { ...PLAN_LIMITS[plan] };
  for (const key of FEATURE_KEYS) {
    const value = overrides?.features?.[key];
    if (value !== undefined) features[key] = value;
  }
  for (const key of LIMIT_KEYS) {
    const value = overrides?.limits?.[key];
    if (value === undefined) continue;
    if (value !== null) assertCount(value, `limit override ${key}`);
    limits[key] = value;
  }
  return { plan, features, limits };
}
