import { createHash, randomBytes } from 'node:crypto';

export const REFRESH_TOKEN_TTL_DAYS = 30;
/** A refresh family (one login) ends this long after the login, however often it was rotated. */
export const SESSION_ABSOLUTE_DAYS = 30;

/** Opaque random token (refresh, invitation, reset links); only its hash is stored. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
