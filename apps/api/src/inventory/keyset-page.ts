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

/** Past every shelf position: products not on the location's list come after the listed ones. */
export const OFF_SHELF = 2_147_483_647;

/** Keyset pagination on (shelf position, name, id): the count screen walking one location's shelves. */
export function encodeShelfCursor(shelf: number, name: string, id: string): string {
  return Buffer.from(JSON.stringify([shelf, name, id])).toString('base64url');
}

export function decodeShelfCursor(cursor: string): { shelf: number; name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      Number.isInteger(value[0]) &&
      typeof value[1] === 'string' &&
      typeof value[2] === 'string'
    )
      return { shelf: value[0] as number, name: value[1], id: value[2] };
  } catch {
    // fall through to the validation error
  }
  throw new AppError('VALIDATION_ERROR', undefined, { cursor: 'Curseur invalide.' });
}
