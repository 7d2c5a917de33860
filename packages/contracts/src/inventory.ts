import { z } from 'zod';
import { ContainerStatus, LossReason, ProductRole, ProductUnit } from './enums';
import {
  Grams,
  IdempotencyKey,
  IsoDate,
  IsoDateTime,
  Money,
  Month,
  RequiredName as Name,
  PageLimit,
  Quantity,
  optionalText as text,
  Uuid,
} from './primitives';

/** Inventory domain (SPEC §3 products, counts, categories, loss_events; §9 first bullet). */

const Fraction = z
  .number()
  .min(0, { message: 'Entre 0 et 1.' })
  .max(1, { message: 'Entre 0 et 1.' })
  .refine((n) => Math.round(n * 1000) === Number((n * 1000).toFixed(6)), {
    message: 'Trois décimales au maximum.',
  });

const VatRate = z
  .number()
  .min(0, { message: 'Entre 0 et 100.' })
  .max(100, { message: 'Entre 0 et 100.' })
  .refine((n) => Math.round(n * 100) === Number((n * 100).toFixed(6)), {
    message: 'Deux décimales au maximum.',
  });

const Factor = z
  .number()
  .positive({ message: 'Doit être positif.' })
  .max(1_000_000)
  .refine((n) => Math.round(n * 1e6) === Number((n * 1e6).toFixed(4)), {
    message: 'Six décimales au maximum.',
  });

const Cursor = z.string().min(1).max(1000);

/** A service id, or every service of the tenant (PRO `multi_service_analytics`). */
export const ServiceScope = z.union([Uuid, z.literal('all')]);

// Warnings ----------------------------------------------------------------------------------------------------

export const WarningCode = z.enum([
  'NO_IDENTIFIER',
  'MISSING_PURCHASE_PRICE',
  'FIELD_IGNORED',
  'UNIT_NORMALISED',
  'OPENED_WITHOUT_FRACTION',
  'EXPIRY_MISSING',
]);
export type WarningCode = z.infer<typeof WarningCode>;

/** Non-blocking advice returned with a successful write (the request was applied). */
export const InventoryWarning = z.object({
  code: WarningCode,
  message: z.object({ fr: z.string(), en: z.string() }),
  field: z.string().optional(),
  product_id: Uuid.optional(),
});
export type InventoryWarning = z.infer<typeof InventoryWarning>;

// Products ----------------------------------------------------------------------------------------------------

const productFields = {
  category: text(100),
  brand: text(200),
  supplier: text(200),
  /** A supplier of the tenant (settings → fournisseurs); sets `supplier` to its name. */
  supplier_id: Uuid.nullable(),
  barcode: text(64),
  internal_sku: text(64),
  unit: ProductUnit.nullable(),
  purchase_price: Money.nullable(),
  selling_price: Money.nullable(),
  vat_rate: VatRate.nullable(),
  min_qty: Quantity.nullable(),
  pack_size: Quantity.nullable(),
  pack_uom: text(20),
  /** Order-up-to quantity (suggested orders). */
  par_level: Quantity.nullable(),
  /** A full and an empty container, pour spout included, to weigh opened ones (services tracking them). */
  full_weight_g: Grams.nullable(),
  empty_weight_g: Grams.nullable(),
  conversion_unit: text(20),
  conversion_factor: Factor.nullable(),
  variant_name: text(100),
  variant_value: text(100),
  product_role: ProductRole.nullable(),
  notes: text(2000),
};
const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };

export const ProductCreateInput = z.object({ service_id: Uuid, name: Name, ...optional(productFields) });
export type ProductCreateInput = z.infer<typeof ProductCreateInput>;

/** Omitted fields keep their value; null clears one. */
export const ProductUpdateInput = z.object({ id: Uuid, name: Name.optional(), ...optional(productFields) });
export type ProductUpdateInput = z.infer<typeof ProductUpdateInput>;

/** The id of one product, category or loss. */
export const IdInput = z.object({ id: Uuid });
export const ProductIdInput = IdInput;

export const Product = z.object({
  id: Uuid,
  service_id: Uuid,
  name: z.string(),
  category: z.string().nullable(),
  brand: z.string().nullable(),
  supplier: z.string().nullable(),
  supplier_id: Uuid.nullable(),
  barcode: z.string().nullable(),
  internal_sku: z.string().nullable(),
  unit: ProductUnit,
  purchase_price: z.number().nullable(),
  selling_price: z.number().nullable(),
  vat_rate: z.number().nullable(),
  min_qty: z.number().nullable(),
  pack_size: z.number().nullable(),
  pack_uom: z.string().nullable(),
  par_level: z.number().nullable(),
  full_weight_g: z.number().nullable(),
  empty_weight_g: z.number().nullable(),
  conversion_unit: z.string().nullable(),
  conversion_factor: z.number().nullable(),
  variant_name: z.string().nullable(),
  variant_value: z.string().nullable(),
  product_role: ProductRole.nullable(),
  notes: z.string().nullable(),
  archived_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Product = z.infer<typeof Product>;

export const ProductResult = z.object({ product: Product, warnings: z.array(InventoryWarning) });
export type ProductResult = z.infer<typeof ProductResult>;

export const ProductListInput = z.object({
  service_id: Uuid,
  search: z.string().trim().max(100).optional(),
  category: z.string().trim().max(100).optional(),
  /** true → only archived products; default only live ones. */
  archived: z.boolean().optional(),
  cursor: Cursor.optional(),
  limit: PageLimit.optional(),
});
export type ProductListInput = z.infer<typeof ProductListInput>;

export const ProductListResult = z.object({ items: z.array(Product), next_cursor: z.string().nullable() });
export type ProductListResult = z.infer<typeof ProductListResult>;

// Counts ------------------------------------------------------------------------------------------------------

/**
 * One product counted in one month. `quantity` is the whole (sealed) units; for an OPENED container,
 * `remaining_fraction` is what is left in the one opened container, so the stock is quantity + fraction.
 */
export const CountLineInput = z
  .object({
    product_id: Uuid,
    quantity: Quantity,
    container_status: ContainerStatus.optional(),
    remaining_fraction: Fraction.nullable().optional(),
    expiry_date: IsoDate.nullable().optional(),
    lot_number: text(100).optional(),
    /** When the phone took the count (offline queue): an older count never overwrites a newer one. */
    counted_at: IsoDateTime.optional(),
    /** Where it was counted; absent or null = the service as a whole. */
    location_id: Uuid.nullable().optional(),
    /** Whole packs (a product with a pack size): the stored quantity is packs × pack size + `quantity`. */
    packs: z.number().int({ message: 'Un nombre entier de colis.' }).min(0).max(1_000_000).optional(),
    /** An opened container weighed (grams): the remaining fraction is computed from the product's weights. */
    weight_g: Grams.optional(),
  })
  .superRefine((line, ctx) => {
    if (line.remaining_fraction != null && line.container_status !== 'OPENED')
      ctx.addIssue({
        code: 'custom',
        path: ['remaining_fraction'],
        message: 'Un reste ne se saisit que pour un contenant ouvert.',
      });
    if (line.weight_g !== undefined && line.container_status !== 'OPENED')
      ctx.addIssue({ code: 'custom', path: ['weight_g'], message: 'On pèse un contenant ouvert.' });
    if (line.weight_g !== undefined && line.remaining_fraction != null)
      ctx.addIssue({
        code: 'custom',
        path: ['weight_g'],
        message: 'Un poids ou un reste, pas les deux : le reste se calcule depuis le poids.',
      });
  });
export type CountLineInput = z.infer<typeof CountLineInput>;

export const MAX_COUNT_LINES = 500;

export const CountsUpsertInput = z.object({
  service_id: Uuid,
  month: Month,
  lines: z
    .array(CountLineInput)
    .min(1, { message: 'Au moins une ligne.' })
    .max(MAX_COUNT_LINES, { message: `${MAX_COUNT_LINES} lignes au maximum.` }),
});
export type CountsUpsertInput = z.infer<typeof CountsUpsertInput>;

export const Count = z.object({
  id: Uuid,
  product_id: Uuid,
  service_id: Uuid,
  inventory_month: Month,
  quantity: z.number(),
  container_status: ContainerStatus,
  remaining_fraction: z.number().nullable(),
  expiry_date: z.string().nullable(),
  lot_number: z.string().nullable(),
  counted_by: Uuid.nullable(),
  counted_at: z.string(),
  updated_at: z.string(),
  /** null = the service as a whole. */
  location_id: Uuid.nullable(),
  /** The weight read on the scale when the opened container was weighed. */
  weight_g: z.number().nullable(),
});
export type Count = z.infer<typeof Count>;

export const CountsUpsertResult = z.object({
  month: Month,
  /** Lines written (new or overwritten). */
  applied: z.number().int(),
  /** Products whose stored count is newer than the line sent (the stored one is kept and returned). */
  stale_product_ids: z.array(Uuid),
  /** The stored count of every product of the request, after the write. */
  counts: z.array(Count),
  warnings: z.array(InventoryWarning),
});
export type CountsUpsertResult = z.infer<typeof CountsUpsertResult>;

export const CountStatusFilter = z.enum(['all', 'counted', 'uncounted']);

export const CountsScreenInput = z.object({
  service_id: Uuid,
  month: Month,
  category: z.string().trim().max(100).optional(),
  search: z.string().trim().max(100).optional(),
  status: CountStatusFilter.optional(),
  /** One location's lines only (counted / uncounted there); absent = the whole service, lines summed. */
  location_id: Uuid.optional(),
  cursor: Cursor.optional(),
  limit: PageLimit.optional(),
});
export type CountsScreenInput = z.infer<typeof CountsScreenInput>;

/** What the count screen shows of a product. */
export const ScreenProduct = Product.pick({
  id: true,
  name: true,
  category: true,
  brand: true,
  barcode: true,
  internal_sku: true,
  unit: true,
  min_qty: true,
  purchase_price: true,
  pack_size: true,
  pack_uom: true,
  variant_value: true,
  full_weight_g: true,
  empty_weight_g: true,
});

/**
 * A count as the count screen shows it (the hottest read, on a phone): what the row displays and `counted_at`,
 * which decides between it and a count confirmed during the visit. Its product, service and month are the
 * row's and the page's; who counted and when it was edited are in the full count (scan lookup, upsert).
 */
export const ScreenCount = Count.pick({
  quantity: true,
  container_status: true,
  remaining_fraction: true,
  expiry_date: true,
  lot_number: true,
  counted_at: true,
});
export type ScreenCount = z.infer<typeof ScreenCount>;

/** One place's line of a product's month, with who counted it ("Léa · 22:14"). */
export const ScreenCountLine = z.object({
  location_id: Uuid.nullable(),
  quantity: z.number(),
  container_status: ContainerStatus,
  remaining_fraction: z.number().nullable(),
  expiry_date: z.string().nullable(),
  lot_number: z.string().nullable(),
  counted_by: Uuid.nullable(),
  counted_by_name: z.string().nullable(),
  counted_at: z.string(),
  /** The scale's reading when the opened container was weighed. */
  weight_g: z.number().nullable(),
});
export type ScreenCountLine = z.infer<typeof ScreenCountLine>;

/** A manager asked for this product to be counted again while reviewing the month ("recompter"). */
export const RecountRequest = z.object({
  requested_at: z.string(),
  requested_by_name: z.string().nullable(),
});
export type RecountRequest = z.infer<typeof RecountRequest>;

export const CountsScreenResult = z.object({
  month: Month,
  /**
   * `count` is the location's line when a location is asked, else the product's month summed over its lines
   * (quantity and remaining fractions added, the latest counted_at); `lines` are the lines it is made of and
   * `total` its stock (quantities plus remaining fractions).
   */
  items: z.array(
    z.object({
      product: ScreenProduct,
      count: ScreenCount.nullable(),
      lines: z.array(ScreenCountLine),
      total: z.number().nullable(),
      /**
       * The product's place on the asked location's shelves (its product list), null when not listed there or
       * no location is asked. With a location, listed products come first in shelf order, then the others.
       */
      shelf_position: z.number().int().nullable(),
      /** A review's "recompter", until someone counts the product again; null (or absent) when none waits. */
      recount: RecountRequest.nullable().optional(),
    }),
  ),
  next_cursor: z.string().nullable(),
  /** The month is older than the plan may read: nothing is shown. */
  retention_limited: z.boolean(),
});
export type CountsScreenResult = z.infer<typeof CountsScreenResult>;

export const ServiceMonthInput = z.object({ service_id: Uuid, month: Month });
export type ServiceMonthInput = z.infer<typeof ServiceMonthInput>;

export const CountsClearInput = z.object({
  service_id: Uuid,
  month: Month,
  product_ids: z.array(Uuid).min(1).max(MAX_COUNT_LINES),
  /** Only this place's line (null = the service-as-a-whole line); absent = every line of the products. */
  location_id: Uuid.nullable().optional(),
});
export type CountsClearInput = z.infer<typeof CountsClearInput>;

export const CountsClearResult = z.object({ cleared: z.number().int() });

export const CopyFromPreviousMonthResult = z.object({
  month: Month,
  from_month: Month,
  /** Counts created from the previous month's. */
  copied: z.number().int(),
  /** Products already counted this month (left as they are). */
  skipped: z.number().int(),
  retention_limited: z.boolean(),
});
export type CopyFromPreviousMonthResult = z.infer<typeof CopyFromPreviousMonthResult>;

export const CountsProgressInput = z.object({ service_id: Uuid, month: Month, location_id: Uuid.optional() });
export type CountsProgressInput = z.infer<typeof CountsProgressInput>;

export const CountsProgress = z.object({
  month: Month,
  /** Products with at least one line (in the location asked, if any). */
  counted: z.number().int(),
  total: z.number().int(),
  /**
   * Products counted in each live location of the service, in the service's order; `listed` is the products
   * usually stored there (its list) and `listed_counted` how many of them are counted there.
   */
  by_location: z.array(
    z.object({
      location_id: Uuid,
      name: z.string(),
      counted: z.number().int(),
      listed: z.number().int(),
      listed_counted: z.number().int(),
    }),
  ),
  /** 0–100, one decimal. */
  percent: z.number(),
  /** The month is older than the plan may read: counted shows 0. */
  retention_limited: z.boolean(),
});
export type CountsProgress = z.infer<typeof CountsProgress>;

/** The lines written since `since` (other people's counts, polled by the count screen). */
export const CountsChangesInput = z.object({
  service_id: Uuid,
  month: Month,
  /** The `server_time` of the previous answer; absent = the last minute. */
  since: IsoDateTime.optional(),
});
export type CountsChangesInput = z.infer<typeof CountsChangesInput>;

export const ChangedCountLine = ScreenCountLine.extend({ product_id: Uuid, updated_at: z.string() });
export type ChangedCountLine = z.infer<typeof ChangedCountLine>;

/** A line cleared (counts.clear) since `since`: drop it unless it was counted again after `cleared_at`. */
export const ClearedCountLine = z.object({
  product_id: Uuid,
  /** null = the service-as-a-whole line. */
  location_id: Uuid.nullable(),
  cleared_at: z.string(),
});
export type ClearedCountLine = z.infer<typeof ClearedCountLine>;

export const CountsChangesResult = z.object({
  month: Month,
  /** Oldest change first; lines written a little before `since` come again (a write may commit late). */
  lines: z.array(ChangedCountLine),
  /** Lines cleared meanwhile, oldest first (the same overlap as `lines`). */
  cleared: z.array(ClearedCountLine),
  /** More lines changed than one answer carries: reload the screen instead. */
  truncated: z.boolean(),
  /** Pass it as `since` next time. */
  server_time: z.string(),
});
export type CountsChangesResult = z.infer<typeof CountsChangesResult>;

// Barcode lookup --------------------------------------------------------------------------------------------

export const LookupInput = z.object({ service_id: Uuid, code: z.string().trim().min(1).max(64) });
export type LookupInput = z.infer<typeof LookupInput>;

export const LookupResult = z.object({
  /** this_service: count it; other_service: offer to add it here; none: quick add. */
  match: z.enum(['this_service', 'other_service', 'none']),
  product: Product.nullable(),
  service: z.object({ id: Uuid, name: z.string() }).nullable(),
  /** The product's latest counts, newest first (within the plan's history). */
  last_counts: z.array(Count),
});
export type LookupResult = z.infer<typeof LookupResult>;

// Locations ---------------------------------------------------------------------------------------------------

export const Location = z.object({
  id: Uuid,
  service_id: Uuid,
  name: z.string(),
  position: z.number().int(),
  archived_at: z.string().nullable(),
  /** Products assigned to it (the ones usually stored there). */
  product_count: z.number().int(),
});
export type Location = z.infer<typeof Location>;

export const LocationListInput = z.object({ service_id: Uuid, archived: z.boolean().optional() });
export type LocationListInput = z.infer<typeof LocationListInput>;
export const LocationListResult = z.object({ items: z.array(Location) });
export type LocationListResult = z.infer<typeof LocationListResult>;
export const LocationCreateInput = z.object({ service_id: Uuid, name: Name.max(100) });
export type LocationCreateInput = z.infer<typeof LocationCreateInput>;
export const LocationUpdateInput = z.object({
  id: Uuid,
  name: Name.max(100).optional(),
  /** 0-based place in the service's order; the others shift. */
  position: z.number().int().min(0).max(1000).optional(),
});
export type LocationUpdateInput = z.infer<typeof LocationUpdateInput>;
export const LocationProductsInput = z.object({ id: Uuid });
export const LocationProductsResult = z.object({
  location_id: Uuid,
  /** In shelf order. */
  items: z.array(z.object({ product_id: Uuid, name: z.string(), position: z.number().int() })),
});
export type LocationProductsResult = z.infer<typeof LocationProductsResult>;
export const LocationSetProductsInput = z.object({
  id: Uuid,
  /** The products usually stored there, in shelf order (replaces the previous list). */
  product_ids: z.array(Uuid).max(5000),
});
export type LocationSetProductsInput = z.infer<typeof LocationSetProductsInput>;

// Categories --------------------------------------------------------------------------------------------------

export const Category = z.object({
  id: Uuid,
  service_id: Uuid,
  name: z.string(),
  slug: z.string(),
  /** Live products filed under it. */
  product_count: z.number().int(),
});
export type Category = z.infer<typeof Category>;

export const CategoryListInput = z.object({ service_id: Uuid });
export const CategoryListResult = z.object({ items: z.array(Category) });
export const CategoryCreateInput = z.object({ service_id: Uuid, name: Name.max(100) });
export type CategoryCreateInput = z.infer<typeof CategoryCreateInput>;
export const CategoryRenameInput = z.object({ id: Uuid, name: Name.max(100) });
export type CategoryRenameInput = z.infer<typeof CategoryRenameInput>;
/** Files every product of `id` under `into_id` (same service) and deletes `id`. */
export const CategoryMergeInput = z.object({ id: Uuid, into_id: Uuid });
export type CategoryMergeInput = z.infer<typeof CategoryMergeInput>;
export const DeletedResult = z.object({ deleted: z.literal(true) });

// Losses ------------------------------------------------------------------------------------------------------

export const LossCreateInput = z.object({
  service_id: Uuid,
  product_id: Uuid,
  quantity: Quantity.refine((n) => n > 0, { message: 'La quantité doit être positive.' }),
  /** Defaults to the product's unit. */
  unit: ProductUnit.optional(),
  reason: LossReason,
  /** A datetime or a day; defaults to now. */
  occurred_at: z.union([IsoDateTime, IsoDate]).optional(),
  note: text(500).optional(),
  /** The same loss sent twice (a retry, the offline queue) is recorded once (SPEC §11 idempotency_keys). */
  idempotency_key: IdempotencyKey.optional(),
});
export type LossCreateInput = z.infer<typeof LossCreateInput>;

export const Loss = z.object({
  id: Uuid,
  service_id: Uuid,
  product_id: Uuid,
  product_name: z.string(),
  occurred_at: z.string(),
  inventory_month: Month,
  quantity: z.number(),
  unit: ProductUnit,
  reason: LossReason,
  note: z.string().nullable(),
  created_by: Uuid.nullable(),
  created_at: z.string(),
  /** quantity × purchase price (units converted g↔kg, ml↔l); null when it cannot be priced. */
  cost: z.number().nullable(),
});
export type Loss = z.infer<typeof Loss>;

/** One page of a month's losses, newest first; `cursor` is the last loss id of the previous page. */
export const LossListInput = z.object({
  service_id: Uuid,
  month: Month,
  cursor: Uuid.optional(),
  /** Default 50. */
  limit: PageLimit.optional(),
});
export type LossListInput = z.infer<typeof LossListInput>;

export const LossListResult = z.object({
  month: Month,
  items: z.array(Loss),
  /** The whole month's cost and number of losses, whatever the page. */
  total_cost: z.number(),
  total_count: z.number().int(),
  retention_limited: z.boolean(),
  next_cursor: Uuid.nullable(),
});
export type LossListResult = z.infer<typeof LossListResult>;

// Stats and alerts --------------------------------------------------------------------------------------------

export const StatsInput = z.object({
  service_id: ServiceScope,
  month: Month,
  /** How many per-product changes to return, largest value change first. */
  changes_limit: z.number().int().min(0).max(5000).optional(),
});
export type StatsInput = z.infer<typeof StatsInput>;

const Values = { stock_value_purchase: z.number(), stock_value_selling: z.number() };

export const StatsResult = z.object({
  month: Month,
  service_id: ServiceScope,
  currency_code: z.string(),
  retention_limited: z.boolean(),
  totals: z.object({
    ...Values,
    products: z.number().int(),
    counted: z.number().int(),
    not_counted: z.number().int(),
    losses_events: z.number().int(),
    losses_quantity: z.number(),
    losses_cost: z.number(),
  }),
  by_category: z.array(
    z.object({
      category: z.string().nullable(),
      products: z.number().int(),
      counted: z.number().int(),
      ...Values,
    }),
  ),
  losses_by_reason: z.array(
    z.object({ reason: LossReason, events: z.number().int(), quantity: z.number(), cost: z.number() }),
  ),
  /** null when the previous month is out of the plan's history. */
  previous: z.object({ month: Month, ...Values, counted: z.number().int() }).nullable(),
  /** null when there is nothing to compare with: the previous month is out of history or was never counted. */
  change: z.object({ stock_value_purchase: z.number(), stock_value_selling: z.number() }).nullable(),
  product_changes: z.array(
    z.object({
      product_id: Uuid,
      name: z.string(),
      category: z.string().nullable(),
      unit: ProductUnit,
      quantity: z.number().nullable(),
      previous_quantity: z.number().nullable(),
      quantity_change: z.number(),
      value_purchase: z.number(),
      value_change: z.number(),
    }),
  ),
});
export type StatsResult = z.infer<typeof StatsResult>;

export const AlertsInput = z.object({ service_id: ServiceScope, month: Month.optional() });
export type AlertsInput = z.infer<typeof AlertsInput>;

export const LowStockAlert = z.object({
  product_id: Uuid,
  service_id: Uuid,
  name: z.string(),
  category: z.string().nullable(),
  unit: ProductUnit,
  quantity: z.number(),
  min_qty: z.number(),
  month: Month,
});
export const ExpiryAlert = z.object({
  product_id: Uuid,
  service_id: Uuid,
  name: z.string(),
  quantity: z.number(),
  unit: ProductUnit,
  expiry_date: z.string(),
  lot_number: z.string().nullable(),
  /** Negative once expired. */
  days_left: z.number().int(),
  severity: z.enum(['critical', 'warning']),
  month: Month,
});

export const AlertsResult = z.object({
  month: Month,
  today: IsoDate,
  /** null when the plan lacks `alerts_stock`. */
  low_stock: z.array(LowStockAlert).nullable(),
  /** null when the plan lacks `alerts_expiry`. */
  expiry: z.array(ExpiryAlert).nullable(),
  not_included: z.array(z.enum(['alerts_stock', 'alerts_expiry'])),
});
export type AlertsResult = z.infer<typeof AlertsResult>;

// Spot checks --------------------------------------------------------------------------------------------------

export const SpotCheckCreateInput = z.object({
  service_id: Uuid,
  product_id: Uuid,
  location_id: Uuid.nullable().optional(),
  quantity: Quantity,
  idempotency_key: IdempotencyKey.optional(),
});
export type SpotCheckCreateInput = z.infer<typeof SpotCheckCreateInput>;

/** One product counted now against the expected on-hand; never changes the month's counts. */
export const SpotCheck = z.object({
  id: Uuid,
  service_id: Uuid,
  product_id: Uuid,
  product_name: z.string(),
  location_id: Uuid.nullable(),
  inventory_month: Month,
  quantity: z.number(),
  /** Last counted quantity + received since − losses since − sold since (null: never counted). */
  expected: z.number().nullable(),
  /** quantity − expected (null when nothing is expected). */
  difference: z.number().nullable(),
  checked_by: Uuid.nullable(),
  checked_by_name: z.string().nullable(),
  checked_at: z.string(),
});
export type SpotCheck = z.infer<typeof SpotCheck>;

export const SpotCheckListResult = z.object({ month: Month, items: z.array(SpotCheck) });
export type SpotCheckListResult = z.infer<typeof SpotCheckListResult>;
