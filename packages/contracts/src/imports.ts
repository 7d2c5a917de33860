import { z } from 'zod';
import { ProductUnit } from './enums';
import { IsoDate, Month, Uuid } from './primitives';

/** Supplier delivery files and till sales exports read from CSV/XLSX (SPEC §11 `purchasing.imports.*`). */

export const ImportKind = z.enum(['receipt', 'sales']);
export type ImportKind = z.infer<typeof ImportKind>;

/** What a column of the file can mean. */
export const ImportField = z.enum([
  'name',
  'barcode',
  'sku',
  'quantity',
  'pack_size',
  'unit_cost',
  'total_cost',
  'lot_number',
  'expiry_date',
  'revenue',
]);
export type ImportField = z.infer<typeof ImportField>;

/** The fields each kind of import reads; the others are ignored. */
export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  receipt: [
    'name',
    'barcode',
    'sku',
    'quantity',
    'pack_size',
    'unit_cost',
    'total_cost',
    'lot_number',
    'expiry_date',
  ],
  sales: ['name', 'barcode', 'sku', 'quantity', 'revenue'],
};

/** Largest file accepted (decoded); its base64 is a third longer. */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;
export const IMPORT_MAX_LINES = 20_000;

/** field → 0-based column index of the file, null when no column holds it. */
export const ImportMapping = z.partialRecord(ImportField, z.number().int().min(0).max(500).nullable());
export type ImportMapping = z.infer<typeof ImportMapping>;

const FileBase64 = z
  .string()
  .min(1, { message: 'Fichier vide.' })
  .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 4, { message: 'Fichier trop volumineux (4 Mo au maximum).' });

export const ImportPreviewInput = z.object({
  kind: ImportKind,
  service_id: Uuid,
  file_name: z.string().trim().max(255).optional(),
  file_base64: FileBase64,
  /** A mapping chosen by the user; absent = the proposed one. */
  mapping: ImportMapping.optional(),
});
export type ImportPreviewInput = z.infer<typeof ImportPreviewInput>;

export const ImportColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  samples: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof ImportColumn>;

export const ImportLineProblem = z.enum([
  'identifier_missing',
  'quantity_missing',
  'quantity_invalid',
  'cost_invalid',
  'revenue_invalid',
  'pack_invalid',
  'date_invalid',
  'unmatched',
  'product_invalid',
]);
export type ImportLineProblem = z.infer<typeof ImportLineProblem>;

export const ImportMatch = z.object({
  product_id: Uuid,
  product_name: z.string(),
  by: z.enum(['barcode', 'sku', 'name']),
});
export type ImportMatch = z.infer<typeof ImportMatch>;

/** One line of the file read through the mapping (quantity in the product's unit, cost per unit). */
export const ImportLine = z.object({
  line: z.number().int(),
  name: z.string().nullable(),
  barcode: z.string().nullable(),
  sku: z.string().nullable(),
  quantity: z.number().nullable(),
  unit_cost: z.number().nullable(),
  lot_number: z.string().nullable(),
  expiry_date: z.string().nullable(),
  revenue: z.number().nullable(),
  match: ImportMatch.nullable(),
  problems: z.array(ImportLineProblem),
});
export type ImportLine = z.infer<typeof ImportLine>;

export const ImportPreviewResult = z.object({
  kind: ImportKind,
  format: z.enum(['csv', 'xlsx']),
  /** 1-based line of the header in the file. */
  header_line: z.number().int(),
  columns: z.array(ImportColumn),
  proposed_mapping: ImportMapping,
  mapping: ImportMapping,
  lines: z.array(ImportLine),
  /** Lines read but without a product (to link or create). */
  unmatched: z.array(z.number().int()),
  /** Lines whose values cannot be read. */
  invalid: z.array(z.number().int()),
});
export type ImportPreviewResult = z.infer<typeof ImportPreviewResult>;

/** What to do with one line at commit: link to a product, create one, or leave it out. */
export const ImportResolution = z.discriminatedUnion('action', [
  z.object({ line: z.number().int().min(1), action: z.literal('link'), product_id: Uuid }),
  z.object({
    line: z.number().int().min(1),
    action: z.literal('create'),
    name: z.string().trim().min(1).max(200).optional(),
    unit: ProductUnit.optional(),
  }),
  z.object({ line: z.number().int().min(1), action: z.literal('skip') }),
]);
export type ImportResolution = z.infer<typeof ImportResolution>;

export const ImportCommitInput = z.object({
  kind: ImportKind,
  service_id: Uuid,
  file_name: z.string().trim().max(255).optional(),
  file_base64: FileBase64,
  mapping: ImportMapping,
  resolutions: z.array(ImportResolution).max(IMPORT_MAX_LINES).default([]),
  /** Receipts: the delivery's date, supplier and reference. */
  received_on: IsoDate.optional(),
  supplier_id: Uuid.nullable().optional(),
  reference: z.string().trim().max(100).nullable().optional(),
  /** Receipts: set each product's purchase price to the delivered unit cost. */
  update_purchase_prices: z.boolean().default(false),
  /** Sales: the month the till export covers. */
  month: Month.optional(),
  idempotency_key: z.string().trim().min(8).max(200),
});
export type ImportCommitInput = z.infer<typeof ImportCommitInput>;

export const ImportCommitResult = z.object({
  kind: ImportKind,
  import_id: Uuid,
  /** The receipt created (receipt imports). */
  receipt_id: Uuid.nullable(),
  lines_written: z.number().int(),
  products_created: z.number().int(),
  prices_updated: z.number().int(),
  skipped: z.number().int(),
});
export type ImportCommitResult = z.infer<typeof ImportCommitResult>;
