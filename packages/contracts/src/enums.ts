import { z } from 'zod';

/** Enumerations of the data model (SPEC §3); the db schema types derive from these. */
export const TenantDomain = z.enum(['food', 'general']);
export const BusinessType = z.enum([
  'restaurant',
  'bar',
  'grocery',
  'retail',
  'camping_multi',
  'pharmacy',
  'bakery',
  'other',
]);
export const PlanSource = z.enum(['FREE', 'TRIAL', 'PAID', 'MANUAL', 'LIFETIME']);
export const BillingCycle = z.enum(['MONTHLY', 'YEARLY']);
export const SubscriptionStatus = z.enum(['NONE', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED']);
export const ServiceType = z.enum([
  'grocery_food',
  'bulk_food',
  'bar',
  'kitchen',
  'bakery',
  'restaurant_dining',
  'retail_general',
  'pharmacy_parapharmacy',
  'other',
]);
export const CountingMode = z.enum(['unit', 'weight', 'volume', 'mixed']);
export const MembershipStatus = z.enum(['ACTIVE', 'INVITED', 'DISABLED']);
export const InvitationStatus = z.enum(['SENT', 'ACCEPTED', 'EXPIRED', 'CANCELED']);
export const ProductUnit = z.enum(['pcs', 'kg', 'g', 'l', 'ml']);
export const ProductRole = z.enum(['raw_material', 'finished_product', 'homemade_prep']);
export const ContainerStatus = z.enum(['SEALED', 'OPENED']);
export const LossReason = z.enum(['breakage', 'expired', 'theft', 'free', 'mistake', 'other']);
/** `order_email`: an order mailed to a supplier (not a quota of the plan: it shares the emailed exports' daily cap). */
export const UsageKind = z.enum(['export_xlsx', 'export_csv', 'ai_request', 'ai_support', 'order_email']);
/** What a one-time link e-mailed to a user is for (stored with its hash in user_tokens). */
export const UserTokenPurpose = z.enum(['password_reset', 'email_verification']);
/** Where a delivery (receipt) came from (SPEC §11). */
export const ReceiptSource = z.enum(['manual', 'import', 'order']);
/** A service's month: absent row = OPEN; CLOSED refuses writes with MONTH_CLOSED (SPEC §11). */
export const PeriodStatus = z.enum(['OPEN', 'CLOSED']);
/** A manager's decision on a suspicious product while reviewing the month (SPEC §11). */
export const ReviewDecision = z.enum(['OK', 'RECOUNT']);
/** An order to a supplier (SPEC §11): a DRAFT is edited, SENT is read-only, RECEIVED made its delivery. */
export const PurchaseOrderStatus = z.enum(['DRAFT', 'SENT', 'RECEIVED', 'CANCELED']);

export type TenantDomain = z.infer<typeof TenantDomain>;
export type UserTokenPurpose = z.infer<typeof UserTokenPurpose>;
export type BusinessType = z.infer<typeof BusinessType>;
export type PlanSource = z.infer<typeof PlanSource>;
export type BillingCycle = z.infer<typeof BillingCycle>;
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;
export type ServiceType = z.infer<typeof ServiceType>;
export type CountingMode = z.infer<typeof CountingMode>;
export type MembershipStatus = z.infer<typeof MembershipStatus>;
export type InvitationStatus = z.infer<typeof InvitationStatus>;
export type ProductUnit = z.infer<typeof ProductUnit>;
export type ProductRole = z.infer<typeof ProductRole>;
export type ContainerStatus = z.infer<typeof ContainerStatus>;
export type LossReason = z.infer<typeof LossReason>;
export type UsageKind = z.infer<typeof UsageKind>;
export type ReceiptSource = z.infer<typeof ReceiptSource>;
export type PeriodStatus = z.infer<typeof PeriodStatus>;
export type ReviewDecision = z.infer<typeof ReviewDecision>;
export type PurchaseOrderStatus = z.infer<typeof PurchaseOrderStatus>;
