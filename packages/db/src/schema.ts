import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps come back as Date; we write Date or ISO strings. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A timestamp with a database default, writable later (updated_at, counted_at). */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as a JSON string or value, read as parsed JSON. */
export type Json<T> = ColumnType<T, T | string, T | string>;

import type {
  BillingCycle,
  BusinessType,
  ContainerStatus,
  CountingMode,
  InvitationStatus,
  LossReason,
  Role as MemberRole,
  MembershipStatus,
  PeriodStatus,
  PlanSource,
  ProductRole,
  ProductUnit,
  PurchaseOrderStatus,
  ReceiptSource,
  ReviewDecision,
  ServiceFeatures,
  ServiceType,
  SubscriptionStatus,
  TenantDomain,
  UsageKind,
  UserTokenPurpose,
} from '@stockscan/contracts';

export type {
  BillingCycle,
  BusinessType,
  ContainerStatus,
  CountingMode,
  InvitationStatus,
  LossReason,
  MemberRole,
  MembershipStatus,
  PeriodStatus,
  PlanSource,
  ProductRole,
  ProductUnit,
  PurchaseOrderStatus,
  ReceiptSource,
  ReviewDecision,
  ServiceFeatures,
  ServiceType,
  SubscriptionStatus,
  TenantDomain,
  UsageKind,
  UserTokenPurpose,
};

export interface UsersTable {
  id: Generated<string>;
  username: string;
  email: string | null;
  password_hash: string;
  is_active: Generated<boolean>;
  email_verified_at: Timestamp | null;
  locale: Generated<string>;
  created_at: CreatedAt;
}

export interface TenantsTable {
  id: Generated<string>;
  name: string;
  slug: string;
  domain: TenantDomain;
  business_type: BusinessType;
  currency_code: Generated<string>;
  terms_accepted_at: Timestamp | null;
  plan_code: string | null;
  plan_source: Generated<PlanSource>;
  billing_cycle: BillingCycle | null;
  subscription_status: Generated<SubscriptionStatus>;
  license_expires_at: Timestamp | null;
  grace_started_at: Timestamp | null;
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  /** Stripe's own timestamp of the subscription state we hold, to ignore older events. */
  stripe_state_at: Timestamp | null;
  /** When a live subscription is scheduled to end (cancel at period end); null when it renews. */
  stripe_cancel_at: Timestamp | null;
  entitlement_overrides: Json<Record<string, unknown>> | null;
  created_at: CreatedAt;
}

export interface ServicesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  service_type: ServiceType;
  counting_mode: CountingMode;
  features: Json<ServiceFeatures>;
  /** Last auto-numbered SKU of the service (SKU-000001…), bumped atomically. */
  sku_seq: Generated<number>;
  /** Operators see neither last month's quantities nor "copy from last month". */
  blind_counting: Generated<boolean>;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  id: Generated<string>;
  user_id: string;
  tenant_id: string;
  role: MemberRole;
  service_id: string | null;
  status: MembershipStatus;
  invited_at: Timestamp | null;
  activated_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  tenant_id: string;
  email: string;
  role: MemberRole;
  service_id: string | null;
  token_hash: string;
  status: Generated<InvitationStatus>;
  expires_at: Timestamp;
  email_sent: Generated<boolean>;
  locale: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  accepted_at: Timestamp | null;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  user_id: string;
  tenant_id: string | null;
  family_id: string;
  token_hash: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  replaced_by: string | null;
  /** The family's first login: the session ends 30 days after it whatever the rotations. */
  family_started_at: CreatedAt;
  created_at: CreatedAt;
}

export interface UserTokensTable {
  id: Generated<string>;
  user_id: string;
  purpose: UserTokenPurpose;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface ProductsTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  name: string;
  category: string | null;
  brand: string | null;
  supplier: string | null;
  supplier_id: Generated<string | null>;
  /** Order-up-to quantity (SPEC §11). */
  par_level: Generated<number | null>;
  /** A full and an empty container, spout included, for weighing opened bottles. */
  full_weight_g: Generated<number | null>;
  empty_weight_g: Generated<number | null>;
  barcode: string | null;
  internal_sku: string | null;
  unit: ProductUnit;
  purchase_price: number | null;
  selling_price: number | null;
  vat_rate: number | null;
  min_qty: number | null;
  pack_size: number | null;
  pack_uom: string | null;
  conversion_unit: string | null;
  conversion_factor: number | null;
  variant_name: string | null;
  variant_value: string | null;
  product_role: ProductRole | null;
  notes: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface CountsTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  product_id: string;
  inventory_month: string;
  quantity: number;
  container_status: Generated<ContainerStatus>;
  remaining_fraction: number | null;
  /** 'YYYY-MM-DD' */
  expiry_date: string | null;
  lot_number: string | null;
  counted_by: string | null;
  counted_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** null = the service as a whole; a product's month quantity is the sum of its lines. */
  location_id: Generated<string | null>;
  /** An opened container weighed on a scale (grams); remaining_fraction was computed from it. */
  weight_g: Generated<number | null>;
}

/** The trace of a count line cleared (counts.clear): what counts.changes tells the other phones to drop. */
export interface CountClearsTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  inventory_month: string;
  product_id: string;
  /** null = the service-as-a-whole line. */
  location_id: string | null;
  cleared_by: string | null;
  cleared_at: GeneratedTimestamp;
}

/** A storage place inside a service ("Bar", "Réserve"). */
export interface LocationsTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  name: string;
  position: Generated<number>;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
}

/** The products usually stored in a location, in shelf order. */
export interface LocationProductsTable {
  location_id: string;
  product_id: string;
  tenant_id: string;
  position: Generated<number>;
}

/** One product counted now, compared with the expected on-hand; never changes the month's counts. */
export interface SpotChecksTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  product_id: string;
  location_id: string | null;
  inventory_month: string;
  quantity: number;
  expected: number | null;
  difference: number | null;
  checked_by: string | null;
  checked_at: GeneratedTimestamp;
}

export interface CategoriesTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  name: string;
  slug: string;
  created_at: CreatedAt;
}

export interface LossEventsTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  product_id: string;
  occurred_at: Timestamp;
  inventory_month: string;
  quantity: number;
  unit: ProductUnit;
  reason: LossReason;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface UsageEventsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string | null;
  kind: UsageKind;
  created_at: GeneratedTimestamp;
  params: Json<Record<string, unknown>> | null;
}

export interface StripeEventsTable {
  event_id: string;
  type: string;
  received_at: GeneratedTimestamp;
  processed_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  tenant_id: string | null;
  user_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  meta: Json<Record<string, unknown>> | null;
  created_at: GeneratedTimestamp;
}

export interface SuppliersTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  notes: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

/** One service's month; no row = OPEN. */
export interface InventoryPeriodsTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  month: string;
  status: Generated<PeriodStatus>;
  closed_by: string | null;
  closed_at: Timestamp | null;
  reopened_by: string | null;
  reopened_at: Timestamp | null;
  reopen_reason: string | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

/** A manager's decision on a product of a month under review (SPEC §11): OK, or RECOUNT until counted again. */
export interface CountReviewsTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  product_id: string;
  month: string;
  decision: ReviewDecision;
  decided_by: string | null;
  decided_at: GeneratedTimestamp;
}

/** A delivery; `month` is received_on's month. */
export interface ReceiptsTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  supplier_id: string | null;
  /** 'YYYY-MM-DD' */
  received_on: string;
  month: string;
  reference: string | null;
  note: string | null;
  source: Generated<ReceiptSource>;
  import_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ReceiptLinesTable {
  id: Generated<string>;
  tenant_id: string;
  receipt_id: string;
  product_id: string;
  position: Generated<number>;
  /** In the product's unit. */
  quantity: number;
  unit_cost: number | null;
  lot_number: string | null;
  /** 'YYYY-MM-DD' */
  expiry_date: string | null;
}

export interface TransfersTable {
  id: Generated<string>;
  tenant_id: string;
  from_service_id: string;
  to_service_id: string;
  /** 'YYYY-MM-DD' */
  moved_on: string;
  month: string;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface TransferLinesTable {
  id: Generated<string>;
  tenant_id: string;
  transfer_id: string;
  from_product_id: string;
  to_product_id: string;
  position: Generated<number>;
  quantity: number;
  unit_cost: number | null;
}

/** A till's sales of one product in one month (imported). */
export interface SalesLinesTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  month: string;
  product_id: string;
  quantity_sold: number;
  revenue: number | null;
  import_id: string | null;
  created_at: CreatedAt;
}

/** An order to a supplier (SPEC §11): DRAFT → SENT → RECEIVED (its delivery), or CANCELED. */
export interface PurchaseOrdersTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  supplier_id: string | null;
  /** 1, 2, 3… per tenant (what the supplier reads). */
  number: number;
  status: Generated<PurchaseOrderStatus>;
  note: string | null;
  sent_at: Timestamp | null;
  /** The address it was mailed to; null when sent by hand (download, copied text). */
  sent_to: string | null;
  sent_by: string | null;
  received_at: Timestamp | null;
  receipt_id: string | null;
  canceled_at: Timestamp | null;
  /** The order whose missing quantities this one carries (a backorder, created when receiving that one). */
  backorder_of: Generated<string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface PurchaseOrderLinesTable {
  id: Generated<string>;
  tenant_id: string;
  order_id: string;
  product_id: string;
  position: Generated<number>;
  /** In the product's unit. */
  quantity: number;
  unit_cost: number | null;
}

/** First answer of an additive mutation, replayed for the same key (7 days). */
export interface IdempotencyKeysTable {
  tenant_id: string;
  key: string;
  /** The procedure the key was first used for. */
  operation: string;
  request_hash: string;
  response: Json<unknown> | null;
  created_at: GeneratedTimestamp;
}

export interface Database {
  users: UsersTable;
  tenants: TenantsTable;
  services: ServicesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  refresh_tokens: RefreshTokensTable;
  user_tokens: UserTokensTable;
  rate_limits: RateLimitsTable;
  products: ProductsTable;
  counts: CountsTable;
  count_clears: CountClearsTable;
  categories: CategoriesTable;
  loss_events: LossEventsTable;
  usage_events: UsageEventsTable;
  stripe_events: StripeEventsTable;
  audit_log: AuditLogTable;
  locations: LocationsTable;
  location_products: LocationProductsTable;
  spot_checks: SpotChecksTable;
  suppliers: SuppliersTable;
  inventory_periods: InventoryPeriodsTable;
  count_reviews: CountReviewsTable;
  receipts: ReceiptsTable;
  receipt_lines: ReceiptLinesTable;
  transfers: TransfersTable;
  transfer_lines: TransferLinesTable;
  sales_lines: SalesLinesTable;
  idempotency_keys: IdempotencyKeysTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
}

export type User = Selectable<UsersTable>;
export type Tenant = Selectable<TenantsTable>;
export type Service = Selectable<ServicesTable>;
export type Membership = Selectable<MembershipsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type Product = Selectable<ProductsTable>;
export type NewProduct = Insertable<ProductsTable>;
export type ProductUpdate = Updateable<ProductsTable>;
export type Count = Selectable<CountsTable>;
export type Category = Selectable<CategoriesTable>;
export type LossEvent = Selectable<LossEventsTable>;
export type Location = Selectable<LocationsTable>;
export type SpotCheck = Selectable<SpotChecksTable>;
export type Supplier = Selectable<SuppliersTable>;
export type InventoryPeriod = Selectable<InventoryPeriodsTable>;
export type Receipt = Selectable<ReceiptsTable>;
export type ReceiptLine = Selectable<ReceiptLinesTable>;
export type Transfer = Selectable<TransfersTable>;
export type TransferLine = Selectable<TransferLinesTable>;
export type SalesLine = Selectable<SalesLinesTable>;
