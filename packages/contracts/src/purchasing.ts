import { z } from 'zod';
import { ProductUnit, ReceiptSource } from './enums';
import {
  IdempotencyKey,
  IsoDate,
  Month,
  RequiredName as Name,
  Quantity,
  optionalText as text,
  Uuid,
} from './primitives';

/** Purchasing (SPEC §11): suppliers, deliveries (receipts) and transfers between services. */

const OptionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .nullable()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.email({ message: 'Adresse e-mail invalide.' }).nullable());

/** A unit cost: never negative, at most 4 decimals (a pack price spread over its units). */
export const UnitCost = z
  .number()
  .nonnegative({ message: 'Le coût doit être positif.' })
  .max(1_000_000_000)
  .refine((n) => Math.round(n * 10_000) === Number((n * 10_000).toFixed(6)), {
    message: 'Quatre décimales au maximum.',
  });

const PositiveQuantity = Quantity.refine((n) => n > 0, { message: 'La quantité doit être positive.' });

// Suppliers ---------------------------------------------------------------------------------------------------

const supplierFields = { email: OptionalEmail, phone: text(40), notes: text(2000) };

export const SupplierCreateInput = z.object({
  name: Name,
  email: supplierFields.email.optional(),
  phone: supplierFields.phone.optional(),
  notes: supplierFields.notes.optional(),
});
export type SupplierCreateInput = z.infer<typeof SupplierCreateInput>;

/** Omitted fields keep their value; null clears one. */
export const SupplierUpdateInput = z.object({
  id: Uuid,
  name: Name.optional(),
  email: supplierFields.email.optional(),
  phone: supplierFields.phone.optional(),
  notes: supplierFields.notes.optional(),
});
export type SupplierUpdateInput = z.infer<typeof SupplierUpdateInput>;

export const SupplierListInput = z.object({ archived: z.boolean().optional() }).optional();
export type SupplierListInput = z.infer<typeof SupplierListInput>;

export const Supplier = z.object({
  id: Uuid,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  archived_at: z.string().nullable(),
  created_at: z.string(),
  /** Live products linked to this supplier. */
  products_count: z.number().int(),
});
export type Supplier = z.infer<typeof Supplier>;

export const SupplierListResult = z.object({ items: z.array(Supplier) });
export type SupplierListResult = z.infer<typeof SupplierListResult>;

// Receipts (deliveries) ---------------------------------------------------------------------------------------

export const MAX_RECEIPT_LINES = 500;

/** Quantity = packs × the product's pack_size + units (either may be omitted; the sum must be > 0). */
export const ReceiptLineInput = z
  .object({
    product_id: Uuid,
    quantity: Quantity.optional(),
    packs: Quantity.optional(),
    /** Cost of one unit of the product (its own unit: bottle, kg…). */
    unit_cost: UnitCost.nullable().optional(),
    lot_number: text(100).optional(),
    expiry_date: IsoDate.nullable().optional(),
  })
  .superRefine((line, ctx) => {
    if (!line.quantity && !line.packs)
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'Une quantité ou des colis sont requis.' });
  });
export type ReceiptLineInput = z.infer<typeof ReceiptLineInput>;

export const ReceiptCreateInput = z.object({
  service_id: Uuid,
  supplier_id: Uuid.nullable().optional(),
  /** Its month is the receipt's month. */
  received_on: IsoDate,
  reference: text(100).optional(),
  note: text(2000).optional(),
  lines: z
    .array(ReceiptLineInput)
    .min(1, { message: 'Au moins une ligne.' })
    .max(MAX_RECEIPT_LINES, { message: `${MAX_RECEIPT_LINES} lignes au maximum.` }),
  /** Set each product's purchase price to the delivered unit cost. */
  update_purchase_prices: z.boolean().optional(),
  idempotency_key: IdempotencyKey.optional(),
});
export type ReceiptCreateInput = z.infer<typeof ReceiptCreateInput>;

export const ReceiptLine = z.object({
  id: Uuid,
  product_id: Uuid,
  product_name: z.string(),
  unit: ProductUnit,
  quantity: z.number(),
  unit_cost: z.number().nullable(),
  /** quantity × unit_cost; null without a cost. */
  line_cost: z.number().nullable(),
  lot_number: z.string().nullable(),
  expiry_date: z.string().nullable(),
});
export type ReceiptLine = z.infer<typeof ReceiptLine>;

const receiptHead = {
  id: Uuid,
  service_id: Uuid,
  supplier_id: Uuid.nullable(),
  supplier_name: z.string().nullable(),
  received_on: z.string(),
  month: Month,
  reference: z.string().nullable(),
  note: z.string().nullable(),
  source: ReceiptSource,
  created_by: Uuid.nullable(),
  created_at: z.string(),
  total_cost: z.number(),
};

export const Receipt = z.object({ ...receiptHead, lines: z.array(ReceiptLine) });
export type Receipt = z.infer<typeof Receipt>;

export const ReceiptSummary = z.object({ ...receiptHead, lines_count: z.number().int() });
export type ReceiptSummary = z.infer<typeof ReceiptSummary>;

export const ReceiptListInput = z.object({ service_id: Uuid, month: Month });
export type ReceiptListInput = z.infer<typeof ReceiptListInput>;

export const ReceiptListResult = z.object({
  month: Month,
  items: z.array(ReceiptSummary),
  total_cost: z.number(),
});
export type ReceiptListResult = z.infer<typeof ReceiptListResult>;

// Transfers ---------------------------------------------------------------------------------------------------

export const TransferLineInput = z.object({
  /** A product of the service the stock leaves. */
  product_id: Uuid,
  quantity: PositiveQuantity,
  /** Defaults to the product's purchase price (a transfer moves stock at cost). */
  unit_cost: UnitCost.nullable().optional(),
});
export type TransferLineInput = z.infer<typeof TransferLineInput>;

export const TransferCreateInput = z
  .object({
    from_service_id: Uuid,
    to_service_id: Uuid,
    moved_on: IsoDate,
    note: text(2000).optional(),
    lines: z
      .array(TransferLineInput)
      .min(1, { message: 'Au moins une ligne.' })
      .max(MAX_RECEIPT_LINES, { message: `${MAX_RECEIPT_LINES} lignes au maximum.` }),
    idempotency_key: IdempotencyKey.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.from_service_id === input.to_service_id)
      ctx.addIssue({
        code: 'custom',
        path: ['to_service_id'],
        message: 'Choisissez un autre service que celui de départ.',
      });
  });
export type TransferCreateInput = z.infer<typeof TransferCreateInput>;

export const TransferLine = z.object({
  from_product_id: Uuid,
  to_product_id: Uuid,
  product_name: z.string(),
  unit: ProductUnit,
  quantity: z.number(),
  unit_cost: z.number().nullable(),
});
export type TransferLine = z.infer<typeof TransferLine>;

export const Transfer = z.object({
  id: Uuid,
  from_service_id: Uuid,
  from_service_name: z.string(),
  to_service_id: Uuid,
  to_service_name: z.string(),
  moved_on: z.string(),
  month: Month,
  note: z.string().nullable(),
  created_by: Uuid.nullable(),
  created_at: z.string(),
  total_cost: z.number(),
  lines: z.array(TransferLine),
  /** Destination products created because no barcode, SKU or name matched. */
  created_products: z.array(Uuid),
});
export type Transfer = z.infer<typeof Transfer>;

/** Before a transfer is written: which destination product each source product would enter. */
export const TransferPairsInput = z
  .object({
    from_service_id: Uuid,
    to_service_id: Uuid,
    product_ids: z
      .array(Uuid)
      .min(1)
      .max(MAX_RECEIPT_LINES, { message: `${MAX_RECEIPT_LINES} lignes au maximum.` }),
  })
  .superRefine((input, ctx) => {
    if (input.from_service_id === input.to_service_id)
      ctx.addIssue({
        code: 'custom',
        path: ['to_service_id'],
        message: 'Choisissez un autre service que celui de départ.',
      });
  });
export type TransferPairsInput = z.infer<typeof TransferPairsInput>;

export const TransferPair = z.object({
  product_id: Uuid,
  /** null: no barcode, SKU or name matches — the transfer will create it in the destination. */
  to_product_id: Uuid.nullable(),
  to_product_name: z.string().nullable(),
});
export type TransferPair = z.infer<typeof TransferPair>;

export const TransferPairsResult = z.object({ items: z.array(TransferPair) });
export type TransferPairsResult = z.infer<typeof TransferPairsResult>;

/** Transfers that left or entered the service in the month. */
export const TransferListInput = z.object({ service_id: Uuid, month: Month });
export type TransferListInput = z.infer<typeof TransferListInput>;

export const TransferListResult = z.object({ month: Month, items: z.array(Transfer) });
export type TransferListResult = z.infer<typeof TransferListResult>;
