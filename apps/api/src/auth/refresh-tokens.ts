import { randomUUID } from 'node:crypto';
import type { TokenPair } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { DAY_MS } from '@stockscan/entitlements';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { signAccessToken } from '../request/access-token';
import { hashToken, newOpaqueToken, REFRESH_TOKEN_TTL_DAYS, SESSION_ABSOLUTE_DAYS } from './tokens';

type TokenDeps = Pick<Deps, 'config' | 'now'>;

export interface SessionTarget {
  userId: string;
  tenantId: string | null;
  /** Continue an existing family (rotation); a new login starts a new one. */
  familyId?: string;
  /** When the login this session continues happened (a tenant switch): its absolute end counts from it. */
  familyStartedAt?: Date;
}

const tokenInvalid = () => new AppError('TOKEN_INVALID');

/** Sliding expiry (TTL after this rotation), capped by the family's absolute end. */
function expiryOf(now: Date, familyStartedAt: Date): Date {
  const sliding = now.getTime() + REFRESH_TOKEN_TTL_DAYS * DAY_MS;
  const absolute = familyStartedAt.getTime() + SESSION_ABSOLUTE_DAYS * DAY_MS;
  return new Date(Math.min(sliding, absolute));
}

/** A fresh access JWT and an opaque refresh token (only its hash is stored); `db` may be a transaction. */
export async function issueTokens(db: Db, deps: TokenDeps, target: SessionTarget): Promise<TokenPair> {
  const now = deps.now();
  const refresh = newOpaqueToken();
  // A new family starts now; a switch of tenant continues the login it came from (its absolute end holds).
  const startedAt = target.familyStartedAt ?? now;
  await db
    .insertInto('refresh_tokens')
    .values({
      user_id: target.userId,
      tenant_id: target.tenantId,
      family_id: target.familyId ?? randomUUID(),
      token_hash: hashToken(refresh),
      family_started_at: startedAt,
      expires_at: expiryOf(now, startedAt),
    })
    .execute();
  const access = await signAccessToken(
    { userId: target.userId, tenantId: target.tenantId, sessionStartedAt: startedAt },
    deps.config.appSecret,
    now,
  );
  return { access, refresh };
}

export async function revokeFamily(db: Db, familyId: string, now: Date): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a user (password reset, account changes). */
export async function revokeUserTokens(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * The tenant a session should act on: `preferred` while the user is still an ACTIVE member there, else its
 * oldest ACTIVE membership, else null. Throws TOKEN_INVALID when the user is gone or deactivated.
 */
export async function sessionTenant(
  db: Db,
  userId: string,
  preferred: string | null,
): Promise<string | null> {
  const user = await db.selectFrom('users').select('is_active').where('id', '=', userId).executeTakeFirst();
  if (!user?.is_active) throw tokenInvalid();
  const memberships = await db
    .selectFrom('memberships')
    .select('tenant_id')
    .where('user_id', '=', userId)
    .where('status', '=', 'ACTIVE')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (preferred && memberships.some((m) => m.tenant_id === preferred)) return preferred;
  return memberships[0]?.tenant_id ?? null;
}

/**
 * Exchanges a refresh token for a new pair. The old row is claimed with a conditional update, so of two
 * concurrent refreshes exactly one wins; presenting a token already rotated (a replay or the losing racer)
 * revokes its whole family.
 */
export async function rotateRefreshToken(db: Db, deps: TokenDeps, raw: string): Promise<TokenPair> {
  const now = deps.now();
  const row = await db
    .selectFrom('refresh_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(raw))
    .executeTakeFirst();
  if (!row) throw tokenInvalid();
  if (row.revoked_at) {
    await revokeFamily(db, row.family_id, now);
    throw tokenInvalid();
  }
  // expires_at already carries the family's absolute end; the second check covers rows written before it.
  if (row.expires_at.getTime() <= now.getTime()) throw tokenInvalid();
  if (expiryOf(now, row.family_started_at).getTime() <= now.getTime()) throw tokenInvalid();
  const tenantId = await sessionTenant(db, row.user_id, row.tenant_id);

  const pair = await db.transaction().execute(async (tx) => {
    const nextId = randomUUID();
    const claimed = await tx
      .updateTable('refresh_tokens')
      .set({ revoked_at: now, replaced_by: nextId })
      .where('id', '=', row.id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) {
      await revokeFamily(tx, row.family_id, now);
      return null;
    }
    const refresh = newOpaqueToken();
    await tx
      .insertInto('refresh_tokens')
      .values({
        id: nextId,
        user_id: row.user_id,
        tenant_id: tenantId,
        family_id: row.family_id,
        token_hash: hashToken(refresh),
        family_started_at: row.family_started_at,
        expires_at: expiryOf(now, row.family_started_at),
      })
      .execute();
    const access = await signAccessToken(
      { userId: row.user_id, tenantId, sessionStartedAt: row.family_started_at },
      deps.config.appSecret,
      now,
    );
    return { access, refresh };
  });
  if (!pair) throw tokenInvalid();
  return pair;
}

/** Revokes the family of a refresh token; returns its owner (for the audit) or null when unknown. */
export async function revokeFamilyOf(
  db: Db,
  raw: string,
  now: Date,
): Promise<{ userId: string; tenantId: string | null } | null> {
  const row = await db
    .selectFrom('refresh_tokens')
    .select(['family_id', 'user_id', 'tenant_id'])
    .where('token_hash', '=', hashToken(raw))
    .executeTakeFirst();
  if (!row) return null;
  await revokeFamily(db, row.family_id, now);
  return { userId: row.user_id, tenantId: row.tenant_id };
}
