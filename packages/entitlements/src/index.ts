export {
  type BillingFacts,
  billingStatus,
  checkoutTrialEnd,
  daysLeft,
  GRACE_DAYS,
  graceEndsAt,
  inTrial,
  MIN_CHECKOUT_TRIAL_MS,
  onSignupTrial,
  subscriptionInForce,
  subscriptionRunning,
  type TenantBilling,
  type TrialInfo,
  type TrialStatus,
  trialInfo,
} from './billing-status';
export { seesPreviousCounts } from './blind-counting';
export { type EffectivePlan, type EffectivePlanReason, effectivePlan } from './effective-plan';
export {
  type CountKey,
  type EntitlementOverrides,
  type Entitlements,
  entitlementsFor,
  FEATURE_KEYS,
  type FeatureKey,
  type Features,
  type HeldKey,
  LIMIT_KEYS,
  type Limit,
  type LimitKey,
  type Limits,
  PLAN_FEATURES,
  PLAN_LIMITS,
  type QuotaKey,
  withinLimit,
} from './entitlements';
export { countOf, describeLimit, FEATURE_LABELS } from './labels';
export {
  type BottleSize,
  bottleFor,
  COMMON_BOTTLES,
  canWeigh,
  fractionFromWeight,
  splitIntoPacks,
  unitsFromPacks,
} from './measures';
export {
  missingFromDelivery,
  type OrderQuantity,
  type ProductQuantity,
  roundUpToPacks,
  type SuggestionInput,
  suggestedOrder,
} from './ordering';
export { overLimit } from './over-limit';
export { DAY_MS, type MonthRange, monthKey, monthRange, monthRangeOf } from './period';
export {
  normalizePlanCode,
  PLAN_ALIASES,
  PLAN_CODES,
  PLAN_NAMES,
  PLAN_ORDER,
  PLAN_PRICES_EUR,
  type PlanCode,
  plansAbove,
} from './plans';
export { PLANS, type PlanInfo } from './pricing';
export { historyCutoff, isMonthReadable, isWithinHistory, readableFromMonth } from './retention';
export {
  median,
  REVIEW_RULES,
  type ReviewDecisionFacts,
  type ReviewFacts,
  reviewReasons,
  reviewState,
} from './review';
export {
  ACTION_ROLES,
  type Action,
  can,
  canActTenantWide,
  canDeleteLoss,
  isActiveOwner,
  ROLE_RANK,
  ROLES_BY_RANK,
  removesLastOwner,
  roleAtLeast,
  roleTakesServiceScope,
  type TeamMember,
} from './roles';
export {
  defaultUnit,
  featureOn,
  normaliseUnit,
  type ProductField,
  priceOn,
  productFieldAllowed,
  type ServiceFeatureFlags,
  UNITS_BY_MODE,
  unitsFor,
} from './service-features';
export {
  COUNT_KEYS,
  COUNT_USAGE_KEYS,
  type CountUsage,
  OVER_LIMIT_FLAGS,
  type OverLimit,
  type QuotaLeft,
  type QuotaUsage,
  quotaLeft,
  type Usage,
} from './usage';
export {
  COUNT_CODES,
  checkCount,
  checkFeature,
  checkQuota,
  type Denial,
  QUOTA_CODES,
  QUOTA_LIMIT_KEYS,
  type QuotaKind,
  type Verdict,
  type VerdictCode,
} from './verdicts';
