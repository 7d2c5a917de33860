import type { Locale, ProductUnit } from '@stockscan/contracts';
import { splitIntoPacks } from '@stockscan/entitlements';
import type { Packed } from './count-values';

/**
 * How a product is counted on its row: packs + loose units (a pack size over 1), a decimal amount of a bulk
 * unit (kegs in litres, flour in kg), or whole units with ± 1.
 */
export type CountKind = 'packs' | 'bulk' | 'units';

const BULK_UNITS: readonly ProductUnit[] = ['l', 'kg', 'g', 'ml'];

export function countKind(product: { unit: ProductUnit; pack_size: number | null }): CountKind {
  if (product.pack_size !== null && product.pack_size > 1) return 'packs';
  return BULK_UNITS.includes(product.unit) ? 'bulk' : 'units';
}

/** The − / + steps of a row: a litre or a kilo and a tenth of it; grams and millilitres by 100 and 10. */
export function stepsFor(kind: CountKind, unit: ProductUnit): { big: number; small: number | null } {
  if (kind !== 'bulk') return { big: 1, small: null };
  return unit === 'g' || unit === 'ml' ? { big: 100, small: 10 } : { big: 1, small: 0.1 };
}

/** The packs + units the fields show: as typed on this phone, else the stored units split into whole packs. */
export function packedOf(
  quantity: number | undefined,
  packed: Packed | null,
  packSize: number,
): Packed | null {
  if (packed) return packed;
  if (quantity === undefined) return null;
  return splitIntoPacks(quantity, packSize);
}

/** "carton" → "cartons" past one (French and English add an s; a word ending in s, x or z stays). */
export function packWord(uom: string, n: number): string {
  const word = uom.trim();
  return n > 1 && !/[sxz]$/i.test(word) ? `${word}s` : word;
}

/** "3 cartons + 4 = 76" (the row's summary of a count in packs). */
export function packSummary(
  locale: Locale,
  packed: Packed,
  total: number,
  uom: string,
  format: (locale: Locale, n: number) => string,
): string {
  return `${format(locale, packed.packs)} ${packWord(uom, packed.packs)} + ${format(locale, packed.units)} = ${format(locale, total)}`;
}
