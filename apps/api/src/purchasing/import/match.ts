import type { ImportMatch } from '@stockscan/contracts';
import type { ReadLine } from './lines';
import { normaliseBarcode, normaliseSku, normaliseText } from './normalise';

export interface MatchableProduct {
  id: string;
  name: string;
  barcode: string | null;
  internal_sku: string | null;
}

/** Two products behind one key: the key names neither. */
const AMBIGUOUS = null;

function indexBy(products: MatchableProduct[], key: (p: MatchableProduct) => string) {
  const map = new Map<string, MatchableProduct | typeof AMBIGUOUS>();
  for (const p of products) {
    const k = key(p);
    if (k === '') continue;
    map.set(k, map.has(k) ? AMBIGUOUS : p);
  }
  return map;
}

export type Matcher = (line: Pick<ReadLine, 'name' | 'barcode' | 'sku'>) => ImportMatch | null;

/** Matches a line to a product of the service: barcode, then SKU, then name (each normalised). */
export function buildMatcher(products: MatchableProduct[]): Matcher {
  const byBarcode = indexBy(products, (p) => (p.barcode ? normaliseBarcode(p.barcode) : ''));
  const bySku = indexBy(products, (p) => (p.internal_sku ? normaliseSku(p.internal_sku) : ''));
  const byName = indexBy(products, (p) => normaliseText(p.name));
  const found = (p: MatchableProduct | null | undefined, by: ImportMatch['by']) =>
    p ? { product_id: p.id, product_name: p.name, by } : null;
  return (line) =>
    (line.barcode ? found(byBarcode.get(normaliseBarcode(line.barcode)), 'barcode') : null) ??
    (line.sku ? found(bySku.get(normaliseSku(line.sku)), 'sku') : null) ??
    (line.name ? found(byName.get(normaliseText(line.name)), 'name') : null);
}
