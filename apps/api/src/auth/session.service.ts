import type { AuthOk, AuthSession, LoginInput, TokenPair } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { hitRateLimits, resetRateLimit, undoRateLimitHit } from '../ratelimit/rate-limit.service';
import type { AccessClaims } from '../request/access-token';
import { listServices } from '../tenants/services.service';
import { toTenantView } from '../tenants/tenants.service';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { issueTokens, revokeFamilyOf, rotateRefreshToken, sessionTenant } from './refresh-tokens';

type SessionDeps = Pick<Deps, 'db' | 'config' | 'now'>;

/**
 * The body register/login/switch-tenant answer: tokens + user + current tenant + the services in scope. Null
 * tokens: the account must confirm its email first (EMAIL_VERIFICATION_REQUIRED).
 */
export async function sessionPayload<Tokens extends TokenPair | { access: null; refresh: null }>(
  db: Db,
  userId: string,
  tenantId: string | null,
  tokens: Tokens,
): Promise<Omit<AuthSession, keyof TokenPair> & Tokens> {
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

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', undefined, undefined, { 'retry-after': String(retryAfterSeconds) });

/**
 * An identifier with `@` is an email and matches emails only; anything else matches usernames only (which
 * never contain `@`), so nobody can take over the login of someone else's address.
 */
async function findLoginUser(db: Db, identifier: string) {
  const column = identifier.includes('@') ? 'email' : 'username';
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'is_active', 'email_verified_at'])
    .where(sql`lower(${sql.ref(column)})`, '=', identifier)
    .executeTakeFirst();
}

/**
 * Logs in by username or email. Unknown users cost one password verification too (same timing, no account
 * enumeration). Attempts are counted in PostgreSQL (every API instance shares them) per account, whatever
 * the address they come from, and per client address, whatever the account; both are checked before the
 * password is. A good password clears the account's failures and does not count against the address.
 */
export async function login(deps: SessionDeps, input: LoginInput, ip: string): Promise<AuthSession> {
  const identifier = (input.username || input.email || '').trim().toLowerCase();
  const now = deps.now();
  const rule = deps.config.rateLimits.login;
  const user = await findLoginUser(deps.db, identifier);
  // An unknown identifier is limited like an account, so answers do not tell which accounts exist.
  const accountKey = `login:account:${user?.id ?? identifier}`;
  const addressKey = `login:address:${ip}`;
  const attempt = await hitRateLimits(deps.db, [accountKey, addressKey], rule, now);
  if (!attempt.allowed) throw rateLimited(attempt.retryAfterSeconds);

  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !passwordOk || !user.is_active) throw new AppError('INVALID_CREDENTIALS');
  await resetRateLimit(deps.db, accountKey);
  await undoRateLimitHit(deps.db, addressKey, rule, now);
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
  const tokens = await issueTokens(deps.db, deps, {
    userId: claims.userId,
    tenantId,
    ...(claims.sessionStartedAt ? { familyStartedAt: claims.sessionStartedAt } : {}),
  });
  return sessionPayload(deps.db, claims.userId, tenantId, tokens);
}
