import { z } from 'zod';
import { ProductUnit, PurchaseOrderStatus } from './enums';
import {
  IdempotencyKey,
  IsoDate,
  Month,
  PageLimit,
  Quantity,
  optionalText as text,
  Uuid,
} from './primitives';
import { MAX_RECEIPT_LINES, Receipt, UnitCost } from './purchasing';

/** Ordering (SPEC §11): par levels → suggested order per supplier → draft → sent → received (its delivery). */

const PositiveQuantity = Quantity.refine((n) => n > 0, { message: 'La quantité doit être positive.' });

// Suggestion --------------------------------------------------------------------------------------------------

export const OrderSuggestInput = z.object({ service_id: Uuid });
export type OrderSuggestInput = z.infer<typeof OrderSuggestInput>;

/** One product below its par level: what the system expects on the shelf, and what to order. */
export const OrderSuggestionLine = z.object({
  product_id: Uuid,
  product_name: z.string(),
  unit: ProductUnit,
  pack_size: z.number().nullable(),
  par_level: z.number(),
  /** Last count + received since (deliveries, transfers in − out) − losses since − sold since. */
  expected: z.number(),
  counted_month: Month,
  counted: z.number(),
  received: z.number(),
  losses: z.number(),
  sold: z.number(),
  /** On sent orders not received yet: on its way (units of the product). */
  on_order: z.number(),
  /** par − expected − on order, rounded up to whole packs (units of the product). */
  quantity: z.number(),
  packs: z.number().int().nullable(),
  /** The product's purchase price; null when unknown. */
  unit_cost: z.number().nullable(),
  line_cost: z.number().nullable(),
});
export type OrderSuggestionLine = z.infer<typeof OrderSuggestionLine>;

export const OrderSuggestionGroup = z.object({
  /** null: products with no supplier. */
  supplier_id: Uuid.nullable(),
  supplier_name: z.string().nullable(),
  supplier_email: z.string().nullable(),
  lines: z.array(OrderSuggestionLine),
  total_cost: z.number(),
});
export type OrderSuggestionGroup = z.infer<typeof OrderSuggestionGroup>;

export const OrderSuggestion = z.object({
  service_id: Uuid,
  /** Suppliers with something to order, by name (no supplier last). */
  groups: z.array(OrderSuggestionGroup),
  /** Products with a par level that were never counted: nothing to base a suggestion on. */
  not_counted: z.array(z.object({ product_id: Uuid, product_name: z.string() })),
  /** Products with a par level at or above it. */
  at_par: z.number().int(),
  /** Products below par whose shortfall is already on sent orders: nothing more to order. */
  covered_by_orders: z.number().int(),
});
export type OrderSuggestion = z.infer<typeof OrderSuggestion>;

// Orders ------------------------------------------------------------------------------------------------------

export const OrderLineInput = z.object({
  product_id: Uuid,
  /** Units of the product (whole packs × pack size when ordered by the case). */
  quantity: PositiveQuantity,
  /** Defaults to the product's purchase price. */
  unit_cost: UnitCost.nullable().optional(),
});
export type OrderLineInput = z.infer<typeof OrderLineInput>;

const orderLines = z
  .array(OrderLineInput)
  .min(1, { message: 'Au moins une ligne.' })
  .max(MAX_RECEIPT_LINES, { message: `${MAX_RECEIPT_LINES} lignes au maximum.` })
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.product_id))
        ctx.addIssue({
          code: 'custom',
          path: [index, 'product_id'],
          message: 'Ce produit est déjà dans la commande.',
        });
      seen.add(line.product_id);
    });
  });

export const OrderCreateInput = z.object({
  service_id: Uuid,
  supplier_id: Uuid.nullable().optional(),
  note: text(2000).optional(),
  lines: orderLines,
  idempotency_key: IdempotencyKey.optional(),
});
export type OrderCreateInput = z.infer<typeof OrderCreateInput>;

/** A draft only: omitted fields keep their value; `lines` replaces every line. */
export const OrderUpdateInput = z.object({
  id: Uuid,
  supplier_id: Uuid.nullable().optional(),
  note: text(2000).optional(),
  lines: orderLines.optional(),
});
export type OrderUpdateInput = z.infer<typeof OrderUpdateInput>;

export const OrderListInput = z.object({
  service_id: Uuid,
  status: PurchaseOrderStatus.optional(),
  /** The previous page's `next_cursor`. */
  cursor: Uuid.optional(),
  /** Default ORDER_PAGE (50). */
  limit: PageLimit.optional(),
});
export type OrderListInput = z.infer<typeof OrderListInput>;

export const OrderLine = z.object({
  id: Uuid,
  product_id: Uuid,
  product_name: z.string(),
  /** Barcode, else internal SKU: what the supplier looks the product up by. */
  code: z.string().nullable(),
  unit: ProductUnit,
  pack_size: z.number().nullable(),
  quantity: z.number(),
  /** Whole packs when the quantity is a whole number of them; null otherwise. */
  packs: z.number().int().nullable(),
  unit_cost: z.number().nullable(),
  line_cost: z.number().nullable(),
});
export type OrderLine = z.infer<typeof OrderLine>;

const orderHead = {
  id: Uuid,
  service_id: Uuid,
  /** 1, 2, 3… per business: "Commande n° 12". */
  number: z.number().int(),
  supplier_id: Uuid.nullable(),
  supplier_name: z.string().nullable(),
  supplier_email: z.string().nullable(),
  status: PurchaseOrderStatus,
  note: z.string().nullable(),
  sent_at: z.string().nullable(),
  /** The address it was mailed to; null when sent by hand (download, copied text). */
  sent_to: z.string().nullable(),
  received_at: z.string().nullable(),
  /** The delivery receiving it created. */
  receipt_id: Uuid.nullable(),
  canceled_at: z.string().nullable(),
  /** A backorder: the order whose missing quantities it carries, and that order's number. */
  backorder_of: Uuid.nullable(),
  backorder_of_number: z.number().int().nullable(),
  created_by: Uuid.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  total_cost: z.number(),
};

export const PurchaseOrder = z.object({ ...orderHead, lines: z.array(OrderLine) });
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

export const PurchaseOrderSummary = z.object({ ...orderHead, lines_count: z.number().int() });
export type PurchaseOrderSummary = z.infer<typeof PurchaseOrderSummary>;

/** Orders a list page holds unless the caller asks for another size. */
export const ORDER_PAGE = 50;

export const OrderListResult = z.object({
  items: z.array(PurchaseOrderSummary),
  /** The last order of this page when more follow (pass it as `cursor`), else null. */
  next_cursor: Uuid.nullable(),
});
export type OrderListResult = z.infer<typeof OrderListResult>;

/** Sending: by email when the supplier has an address and mail is configured (unless `email: false`). */
export const OrderSendInput = z.object({
  id: Uuid,
  /** false: mark it sent without mailing (phoned, handed over); the download and the text stay available. */
  email: z.boolean().optional(),
  idempotency_key: IdempotencyKey.optional(),
});
export type OrderSendInput = z.infer<typeof OrderSendInput>;

/** The order as plain French text, to copy into a message when it was not mailed. */
export const OrderMessage = z.object({ subject: z.string(), text: z.string() });
export type OrderMessage = z.infer<typeof OrderMessage>;

export const OrderSendResult = z.object({
  order: PurchaseOrder,
  email: z.object({
    /** The supplier's address; null when it has none. */
    to: z.string().nullable(),
    sent: z.boolean(),
    /**
     * Why it was not mailed: `disabled` (no mail service), `no_email` (the supplier has no address), `manual`
     * (asked not to), `error`/`timeout` (the mail service failed); null when sent.
     */
    reason: z.enum(['disabled', 'no_email', 'manual', 'error', 'timeout']).nullable(),
  }),
  message: OrderMessage,
});
export type OrderSendResult = z.infer<typeof OrderSendResult>;

export const OrderReceiveInput = z.object({
  id: Uuid,
  /** Default: today. Its month must be open. */
  received_on: IsoDate.optional(),
  reference: text(100).optional(),
  /** What actually came (default: the order's lines); a line at 0 did not come. */
  lines: z
    .array(z.object({ product_id: Uuid, quantity: Quantity, unit_cost: UnitCost.nullable().optional() }))
    .max(MAX_RECEIPT_LINES)
    .optional(),
  /** Set each product's purchase price to the delivered unit cost. */
  update_purchase_prices: z.boolean().optional(),
  /**
   * What did not come (ordered − received, per product) stays on order: a new sent order to the same supplier,
   * linked to this one. Default: the order closes with what came.
   */
  backorder: z.boolean().optional(),
  idempotency_key: IdempotencyKey.optional(),
});
export type OrderReceiveInput = z.infer<typeof OrderReceiveInput>;

export const OrderReceiveResult = z.object({
  order: PurchaseOrder,
  receipt: Receipt,
  /** The order carrying what did not come, when asked for and something was missing. */
  backorder: PurchaseOrder.nullable(),
});
export type OrderReceiveResult = z.infer<typeof OrderReceiveResult>;

/** The order as a file (download, or what to attach by hand). */
export const OrderFileInput = z.object({ id: Uuid, format: z.enum(['xlsx', 'csv']) });
export type OrderFileInput = z.infer<typeof OrderFileInput>;

export const OrderFile = z.object({
  filename: z.string(),
  content_type: z.string(),
  /** The file's bytes, base64 (an order is a few kilobytes). */
  content_base64: z.string(),
  message: OrderMessage,
});
export type OrderFile = z.infer<typeof OrderFile>;
