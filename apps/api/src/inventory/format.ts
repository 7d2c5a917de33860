import { AppError } from '../errors';

// Half away from zero like PostgreSQL's round(numeric); toFixed(6) first absorbs binary noise (1.275 * 100).
const roundTo = (n: number, scale: number): number =>
  (Math.sign(n) * Math.round(Number((Math.abs(n) * scale).toFixed(6)))) / scale || 0;

/** Outputs: money to 2 decimals, quantities to 3 (SPEC wire format). */
export const round2 = (n: number): number => roundTo(n, 100);
export const round3 = (n: number): number => roundTo(n, 1000);

export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** Keyset pagination on (name, id): an opaque cursor naming the last row of the page. */
export function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string')
      return { name: value[0], id: value[1] };
  } catch {
    // fall through to the validation error
  }
  throw new AppError('VALIDATION_ERROR', undefined, { cursor: 'Curseur invalide.' });
}

/** Splits `limit + 1` fetched rows into the page and the cursor of the next one (null on the last page). */
export function keysetPage<R extends { name: string; id: string }>(
  rows: R[],
  limit: number,
): { page: R[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, next_cursor: rows.length > limit && last ? encodeCursor(last.name, last.id) : null };
}

/** `%term%` for ILIKE, with the pattern characters of the term escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  const prev = new Date(Date.UTC(year, index - 1, 1));
  return prev.toISOString().slice(0, 7);
}

/** Sum of values with at most 6 decimals (numeric from the db), exact before the final rounding. */
export function sumExact(values: Iterable<number>): number {
  let micros = 0;
  for (const value of values) micros += Math.round(value * 1e6);
  return micros / 1e6;
}
