import type { ContainerStatus, ProductUnit } from '@stockscan/contracts';

/** One exported line: a product counted in one month (the query's row, read by both writers). */
export interface ExportRow {
  service_name: string;
  name: string;
  category: string | null;
  barcode: string | null;
  internal_sku: string | null;
  unit: ProductUnit;
  purchase_price: number | null;
  selling_price: number | null;
  vat_rate: number | null;
  min_qty: number | null;
  inventory_month: string;
  quantity: number;
  container_status: ContainerStatus;
  remaining_fraction: number | null;
  /** 'YYYY-MM-DD' */
  expiry_date: string | null;
  lot_number: string | null;
}

/** How a writer renders a column: XLSX picks a number format from it, CSV a text form. */
export type ColumnKind = 'text' | 'quantity' | 'fraction' | 'money' | 'rate' | 'date';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  width: number;
}

export type CellValue = string | number | null;

/** Money headers name the tenant's currency: "(€)" for EUR as in SPEC §9, else the ISO code. */
export const currencyLabel = (currency: string): string => (currency === 'EUR' ? '€' : currency);

/** SPEC §9 columns, in order. `exportCells` returns the values in the same order. */
export function exportColumns(currency: string): ExportColumn[] {
  const c = currencyLabel(currency);
  return [
    { header: 'Nom', kind: 'text', width: 36 },
    { header: 'Catégorie', kind: 'text', width: 18 },
    { header: 'Code-barres / SKU', kind: 'text', width: 18 },
    { header: 'Quantité', kind: 'quantity', width: 11 },
    { header: 'Unité', kind: 'text', width: 7 },
    { header: 'Statut', kind: 'text', width: 9 },
    { header: 'Reste', kind: 'fraction', width: 8 },
    { header: `Prix achat (${c})`, kind: 'money', width: 13 },
    { header: `Prix vente (${c})`, kind: 'money', width: 13 },
    { header: 'TVA (%)', kind: 'rate', width: 8 },
    { header: 'DLC', kind: 'date', width: 11 },
    { header: 'Lot', kind: 'text', width: 12 },
    { header: 'Stock min', kind: 'quantity', width: 10 },
    { header: `Valeur achat (${c})`, kind: 'money', width: 14 },
    { header: 'Mois', kind: 'text', width: 9 },
    { header: 'Service', kind: 'text', width: 16 },
  ];
}

/** Column positions (1-based) the totals row and the summary refer to. */
export const COLUMN = { name: 1, quantity: 4, valuePurchase: 14 } as const;
export const COLUMN_COUNT = 16;

const STATUS_LABEL: Record<ContainerStatus, string> = { SEALED: 'Scellé', OPENED: 'Ouvert' };

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Formula-injection guard (OWASP "CSV injection"): text starting with = + - @ tab or CR gets a leading
 * apostrophe, so Excel, LibreOffice and a later CSV round-trip all keep it as text. We chose a visible
 * apostrophe over a quotePrefix style because it survives every format and every re-save.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const text = (value: string | null): string | null => (value === null ? null : neutralizeFormula(value));
export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;
export const round3 = (n: number): number => Math.round((n + Number.EPSILON) * 1000) / 1000;

/** What is on the shelf: whole units, plus what is left in the opened container. */
export function stockQuantity(row: Pick<ExportRow, 'quantity' | 'container_status' | 'remaining_fraction'>) {
  const rest = row.container_status === 'OPENED' ? (row.remaining_fraction ?? 0) : 0;
  return round3(row.quantity + rest);
}

/** Stock × unit price, null when the product has no such price. */
export function stockValue(row: ExportRow, price: 'purchase_price' | 'selling_price'): number | null {
  const unitPrice = row[price];
  return unitPrice === null ? null : round2(stockQuantity(row) * unitPrice);
}

/** The 16 cells of a row, escaped; dates stay 'YYYY-MM-DD' (each writer renders them). */
export function exportCells(row: ExportRow): CellValue[] {
  return [
    text(row.name),
    text(row.category),
    text(row.barcode ?? row.internal_sku),
    row.quantity,
    row.unit,
    STATUS_LABEL[row.container_status],
    row.container_status === 'OPENED' ? row.remaining_fraction : null,
    row.purchase_price,
    row.selling_price,
    row.vat_rate,
    row.expiry_date,
    text(row.lot_number),
    row.min_qty,
    stockValue(row, 'purchase_price'),
    row.inventory_month,
    text(row.service_name),
  ];
}
