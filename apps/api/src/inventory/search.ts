import { type RawBuilder, sql } from 'kysely';

/** Search on a product aliased `p`: name or brand contains the term, or barcode / SKU equals it. */
export function productSearch(term: string): RawBuilder<boolean> {
  const pattern = likePattern(term);
  return sql<boolean>`(p.name ilike ${pattern} or p.brand ilike ${pattern}
    or p.barcode = ${term} or p.internal_sku ilike ${term})`;
}

/** `%term%` for ILIKE, with the pattern characters of the term escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
