import { type RawBuilder, sql } from 'kysely';
import { likePattern } from './format';

/** Search on a product aliased `p`: name or brand contains the term, or barcode / SKU equals it. */
export function productSearch(term: string): RawBuilder<boolean> {
  const pattern = likePattern(term);
  return sql<boolean>`(p.name ilike ${pattern} or p.brand ilike ${pattern}
    or p.barcode = ${term} or p.internal_sku ilike ${term})`;
}
