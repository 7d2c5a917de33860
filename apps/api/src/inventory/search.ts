import { type RawBuilder, sql } from 'kysely';

/**
 * Search on a product aliased `p`: name or brand contains the term, or barcode equals it, or the SKU equals it
 * ignoring case (`%` and `_` in the term are plain characters, never wildcards).
 */
export function productSearch(term: string): RawBuilder<boolean> {
  return productSearchOf(searchValues(term));
}

/** The values a search binds: the term as typed, its contains-pattern and its escaped equality pattern. */
export interface SearchValues {
  term: string;
  pattern: string;
  exact: string;
}

export function searchValues(term: string): SearchValues {
  return { term, pattern: likePattern(term), exact: escapeLike(term) };
}

/** productSearch on values bound elsewhere (a prepared statement's params). */
export function productSearchOf({ term, pattern, exact }: SearchValues): RawBuilder<boolean> {
  return sql<boolean>`(p.name ilike ${pattern} or p.brand ilike ${pattern}
    or p.barcode = ${term} or p.internal_sku ilike ${exact})`;
}

/** The term with the LIKE pattern characters (`%`, `_`, `\\`) escaped: it matches itself only. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%term%` for ILIKE, with the pattern characters of the term escaped. */
export function likePattern(term: string): string {
  return `%${escapeLike(term)}%`;
}
