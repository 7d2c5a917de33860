import type { AuthOk, AuthSession, LoginInput, TokenPair } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { hitRateLimit, resetRateLimit } from '../ratelimit/rate-limit.service';
import type { AccessClaims } from '../request/access-token';
import { listServices } from '../tenants/services.service';
import { toTenantView } from '../tenants/tenants.service';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { issueTokens, revokeFamilyOf, rotateRefreshToken, sessionTenant } from './refresh-tokens';

/** Brute-force guard: 10 attempts per 15 minutes per IP + identifier; a successful login clears it. */
export const LOGIN_RATE_LIMIT = { limit: 10, windowMs: 15 * 60_000 } as const;

type SessionDeps = Pick<Deps, 'db' | 'config' | 'now'>;

/** The body register/login/switch-tenant answer: tokens + user + current tenant + the services in scope. */
export async function sessionPayload(
  db: Db,
  userId: string,
  tenantId: string | null,
  tokens: TokenPair,
): Promise<AuthSession> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'email'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!tenantId) return { ...tokens, user, tenant: null, services: [] };
  const tenant = await db
    .selectFrom('tenants')
    .innerJoin('memberships', 'memberships.tenant_id', 'tenants.id')
    .select([
      'tenants.id',
      'tenants.name',
      'tenants.domain',
      'tenants.business_type',
      'tenants.currency_code',
      'memberships.service_id',
    ])
    .where('tenants.id', '=', tenantId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirstOrThrow();
  const services = await listServices(db, { tenantId, serviceId: tenant.service_id });
  return { ...tokens, user, tenant: toTenantView(tenant), services };
}

const rateLimited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', undefined, undefined, { 'retry-after': String(retryAfterSeconds) });

/** A username, else an email (case-insensitive): a username wins when both could match. */
async function findLoginUser(db: Db, identifier: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'is_active', 'email_verified_at'])
    .where((eb) => eb.or([eb(sql`lower(username)`, '=', identifier), eb(sql`lower(email)`, '=', identifier)]))
    .orderBy(sql`lower(username) = ${identifier}`, 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Logs in by username or email. Unknown users cost one password verification too (same timing, no account
 * enumeration). Attempts are counted in PostgreSQL so every API instance shares the limit.
 */
export async function login(deps: SessionDeps, input: LoginInput, ip: string): Promise<AuthSession> {
  const identifier = (input.username || input.email || '').trim().toLowerCase();
  const now = deps.now();
  const limitKey = `login:${ip}:${identifier}`;
  const attempt = await hitRateLimit(deps.db, limitKey, LOGIN_RATE_LIMIT, now);
  if (!attempt.allowed) throw rateLimited(attempt.retryAfterSeconds);

  const user = await findLoginUser(deps.db, identifier);
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !passwordOk || !user.is_active) throw new AppError('INVALID_CREDENTIALS');
  await resetRateLimit(deps.db, limitKey);
  if (deps.config.emailVerificationRequired && !user.email_verified_at)
    throw new AppError('EMAIL_NOT_VERIFIED');

  const tenantId = await sessionTenant(deps.db, user.id, null);
  const tokens = await issueTokens(deps.db, deps, { userId: user.id, tenantId });
  await recordAudit(deps.db, {
    at: now,
    tenant_id: tenantId,
    user_id: user.id,
    action: 'auth.login',
    object_type: 'user',
    object_id: user.id,
    meta: { ip },
  });
  return sessionPayload(deps.db, user.id, tenantId, tokens);
}

export function refreshSession(deps: SessionDeps, refresh: string): Promise<TokenPair> {
  return rotateRefreshToken(deps.db, deps, refresh);
}

/** Revokes the whole family of the refresh token; answers ok even for an unknown token (idempotent). */
export async function logout(deps: SessionDeps, refresh: string): Promise<AuthOk> {
  const now = deps.now();
  const owner = await revokeFamilyOf(deps.db, refresh, now);
  if (owner)
    await recordAudit(deps.db, {
      at: now,
      tenant_id: owner.tenantId,
      user_id: owner.userId,
      action: 'auth.logout',
      object_type: 'user',
      object_id: owner.userId,
    });
  return { ok: true };
}

/** New tokens acting on another tenant the user is an ACTIVE member of; 404 otherwise. */
export async function switchTenant(
  deps: SessionDeps,
  claims: AccessClaims,
  tenantId: string,
): Promise<AuthSession> {
  const membership = await deps.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.id')
    .where('memberships.user_id', '=', claims.userId)
    .where('memberships.tenant_id', '=', tenantId)
    .where('memberships.status', '=', 'ACTIVE')
    .where('users.is_active', '=', true)
    .executeTakeFirst();
  if (!membership) throw new AppError('NOT_FOUND');
  const tokens = await issueTokens(deps.db, deps, { userId: claims.userId, tenantId });
  return sessionPayload(deps.db, claims.userId, tenantId, tokens);
}
