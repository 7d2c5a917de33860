import { z } from 'zod';
import { ProductUnit } from './enums';
import { Month, Uuid } from './primitives';

/** Consumption report (SPEC §11 usage and unexplained variance): `inventory.usage.get`. */

export const UsageInput = z.object({
  service_id: Uuid,
  month: Month,
  /**
   * Rows per page (0 = totals only, as the dashboard card asks). Without it, every row: the report of a
   * 5,000-product catalogue is 1.3 MB of JSON, which a phone should not download to show its first screen.
   */
  limit: z.number().int().min(0).max(500).optional(),
  /** Rows to skip: the previous page's `next_cursor`. */
  cursor: z.number().int().min(0).optional(),
});
export type UsageInput = z.infer<typeof UsageInput>;

/** Which count is missing for a product: then it has no usage ("comptage manquant"), never a zero. */
export const MissingCount = z.enum(['opening', 'closing', 'both']);
export type MissingCount = z.infer<typeof MissingCount>;

export const UsageRow = z.object({
  product_id: Uuid,
  name: z.string(),
  category: z.string().nullable(),
  unit: ProductUnit,
  purchase_price: z.number().nullable(),
  /** Weighted average unit cost of what came in this month (deliveries and transfers in); null when none. */
  average_cost: z.number().nullable(),
  /** Last month's counted quantity (sum of its lines); null when not counted. */
  opening: z.number().nullable(),
  /** Deliveries + transfers in − transfers out. */
  received: z.number(),
  delivered: z.number(),
  transfers_in: z.number(),
  transfers_out: z.number(),
  closing: z.number().nullable(),
  /** opening + received − closing; null when a count is missing. */
  usage: z.number().nullable(),
  losses: z.number(),
  /** From the till import; null when no sales were imported for the month. */
  sold: z.number().nullable(),
  revenue: z.number().nullable(),
  /** usage − losses − sold (PRO `stock_variance`, sales imported); null otherwise. */
  unexplained: z.number().nullable(),
  missing_count: MissingCount.nullable(),
  /** At the product's purchase price; null when the quantity or the price is missing. */
  received_cost: z.number().nullable(),
  usage_cost: z.number().nullable(),
  losses_cost: z.number().nullable(),
  unexplained_cost: z.number().nullable(),
});
export type UsageRow = z.infer<typeof UsageRow>;

export const UsageTotals = z.object({
  received_cost: z.number(),
  /** Cost of goods: usage at cost over the products that have a usage. */
  usage_cost: z.number(),
  losses_cost: z.number(),
  /** null without variance (plan or no sales imported). */
  unexplained_cost: z.number().nullable(),
  revenue: z.number().nullable(),
  /** usage_cost ÷ revenue × 100 (food/beverage cost %); null without imported revenue. */
  cost_pct: z.number().nullable(),
  /** Products shown as "comptage manquant". */
  missing_count: z.number().int(),
});
export type UsageTotals = z.infer<typeof UsageTotals>;

export const UsageCategoryTotals = UsageTotals.omit({ cost_pct: true }).extend({
  category: z.string().nullable(),
});
export type UsageCategoryTotals = z.infer<typeof UsageCategoryTotals>;

export const UsageResult = z.object({
  service_id: Uuid,
  month: Month,
  previous_month: Month,
  /** Whether any count exists for the service in each month. */
  opening_counted: z.boolean(),
  closing_counted: z.boolean(),
  sales_imported: z.boolean(),
  /** PRO `stock_variance`: the unexplained column is computed. */
  variance_enabled: z.boolean(),
  /** Biggest unexplained gaps first (at cost), then the biggest usage; one page of them with `limit`. */
  rows: z.array(UsageRow),
  /** Rows in the whole report (every page). */
  row_count: z.number().int(),
  /** The next page's `cursor`; null on the last page. */
  next_cursor: z.number().int().nullable(),
  categories: z.array(UsageCategoryTotals),
  totals: UsageTotals,
});
export type UsageResult = z.infer<typeof UsageResult>;
