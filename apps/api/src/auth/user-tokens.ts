import type { Db, UserTokenPurpose } from '@stockscan/db';
import { hashToken, newOpaqueToken } from './tokens';

/** A single-use emailed token (password reset, email verification); returns the raw value for the link. */
export async function createUserToken(
  db: Db,
  userId: string,
  purpose: UserTokenPurpose,
  expiresAt: Date,
): Promise<string> {
  const token = newOpaqueToken();
  await db
    .insertInto('user_tokens')
    .values({ user_id: userId, purpose, token_hash: hashToken(token), expires_at: expiresAt })
    .execute();
  return token;
}

/**
 * Marks the token used if it is valid (right purpose, unused, not expired) and returns its user; null
 * otherwise. One conditional update: of two concurrent uses, exactly one succeeds.
 */
export async function consumeUserToken(
  db: Db,
  raw: string,
  purpose: UserTokenPurpose,
  now: Date,
): Promise<string | null> {
  const row = await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(raw))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Is the token currently usable? (a cheap check before expensive work; consume decides.) */
export async function isUserTokenUsable(
  db: Db,
  raw: string,
  purpose: UserTokenPurpose,
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('user_tokens')
    .select('id')
    .where('token_hash', '=', hashToken(raw))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}
