import { AppError } from '../errors';

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
