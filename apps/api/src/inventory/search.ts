import { type RawBuilder, sql } from 'kysely';

/**
 * Search on a product aliased `p`: name or brand contains the term, or barcode equals it, or the SKU equals it
 * ignoring case (`%` and `_` in the term are plain characters, never wildcards).
 */
export function productSearch(term: string): RawBuilder<boolean> {
  const pattern = likePattern(term);
  return sql<boolean>`(p.name ilike ${pattern} or p.brand ilike ${pattern}
    or p.barcode = ${term} or p.internal_sku ilike ${escapeLike(term)})`;
}

/** The term with the LIKE pattern characters (`%`, `_`, `\\`) escaped: it matches itself only. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%term%` for ILIKE, with the pattern characters of the term escaped. */
export function likePattern(term: string): string {
  return `%${escapeLike(term)}%`;
}
