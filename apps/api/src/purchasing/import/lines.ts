import type { ImportKind, ImportLine, ImportLineProblem, ImportMapping } from '@stockscan/contracts';
import type { RawRow } from './csv';
import { normaliseText } from './normalise';
import { parseDate, parseDecimal } from './values';

/** A line read through the mapping, before matching. */
export type ReadLine = Omit<ImportLine, 'match'>;

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** Footer rows of invoices ("Total HT", "TVA 5,5 %", "Net à payer") carry amounts, not products. */
const FOOTER = /^(sous )?total|^tva|^net a payer|^montant total|^remise|^frais de port|^port$/;

function cellOf(cells: string[], mapping: ImportMapping, field: keyof ImportMapping): string {
  const index = mapping[field];
  return index === null || index === undefined ? '' : (cells[index] ?? '').trim();
}

const orNull = (s: string) => (s === '' ? null : s);

/**
 * Reads one row. Quantities end up in units: with a pack column, quantity × pack. A unit cost comes from
 * the line total when there is one (total ÷ units, the figure an invoice adds up), else from the price
 * column, which prices what the quantity column counts (a pack when there is a pack column).
 */
function readRow(row: RawRow, mapping: ImportMapping, kind: ImportKind): ReadLine | null {
  const cell = (field: keyof ImportMapping) => cellOf(row.cells, mapping, field);
  const name = orNull(cell('name'));
  const barcode = orNull(cell('barcode'));
  const sku = orNull(cell('sku'));
  const problems: ImportLineProblem[] = [];
  const quantityRaw = parseDecimal(cell('quantity'));
  if (!barcode && !sku && (name === null || FOOTER.test(normaliseText(name)))) {
    if (quantityRaw === null || quantityRaw === undefined || name !== null) return null;
  }
  if (!name && !barcode && !sku) problems.push('identifier_missing');

  let quantity: number | null = null;
  if (quantityRaw === null) problems.push('quantity_missing');
  else if (quantityRaw === undefined || quantityRaw < 0) problems.push('quantity_invalid');
  else quantity = quantityRaw;

  let pack = 1;
  if (kind === 'receipt') {
    const packRaw = parseDecimal(cell('pack_size'));
    if (packRaw === undefined || (packRaw !== null && packRaw <= 0)) problems.push('pack_invalid');
    else if (packRaw !== null) pack = packRaw;
  }
  const units = quantity === null ? null : round(quantity * pack, 3);

  let unit_cost: number | null = null;
  let lot_number: string | null = null;
  let expiry_date: string | null = null;
  let revenue: number | null = null;
  if (kind === 'receipt') {
    const total = parseDecimal(cell('total_cost'));
    const price = parseDecimal(cell('unit_cost'));
    if (price === undefined || (price ?? 0) < 0 || total === undefined || (total ?? 0) < 0)
      problems.push('cost_invalid');
    else if (total !== null && units) unit_cost = round(total / units, 4);
    else if (price !== null) unit_cost = round(price / pack, 4);
    lot_number = orNull(cell('lot_number'));
    const expiry = parseDate(cell('expiry_date'));
    if (expiry === undefined) problems.push('date_invalid');
    else expiry_date = expiry;
  } else {
    const amount = parseDecimal(cell('revenue'));
    if (amount === undefined || (amount ?? 0) < 0) problems.push('revenue_invalid');
    else revenue = amount === null ? null : round(amount, 2);
  }
  return {
    line: row.line,
    name,
    barcode,
    sku,
    quantity: units,
    unit_cost,
    lot_number,
    expiry_date,
    revenue,
    problems,
  };
}

/** Every product line of the file; blank rows, repeated headers and totals are left out. */
export function readLines(
  rows: RawRow[],
  header: string[],
  mapping: ImportMapping,
  kind: ImportKind,
): ReadLine[] {
  const headerKey = header.join('\u0001');
  const lines: ReadLine[] = [];
  for (const row of rows) {
    if (row.cells.join('\u0001') === headerKey) continue;
    const line = readRow(row, mapping, kind);
    if (line) lines.push(line);
  }
  return lines;
}
