import type {
  AuthOk,
  Locale,
  RegisterInput,
  RegisterResult,
  ResendVerificationResult,
  TokenPair,
  VerifyEmailInput,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { DAY_MS } from '@stockscan/entitlements';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { hitRateLimit } from '../ratelimit/rate-limit.service';
import { insertServices, toServiceView } from '../tenants/services.service';
import { assertNewTenantServicesFit, trialBilling } from '../tenants/tenant-plan';
import { toTenantView } from '../tenants/tenants.service';
import { verificationEmail } from './emails';
import {
  assertAccountFree,
  insertOwnerAccount,
  requestedServices,
  rethrowAccountConflict,
} from './new-account';
import { hashPassword } from './passwords';
import { issueTokens } from './refresh-tokens';
import { rateLimited } from './session.service';
import { consumeUserToken, createUserToken } from './user-tokens';

const VERIFICATION_TTL_MS = 2 * DAY_MS;

type RegisterDeps = Pick<Deps, 'db' | 'config' | 'now' | 'mailer'>;

/**
 * Tokens to start the session now (unless the email must be confirmed first), and always a verification
 * token: an unconfirmed account may count but not mail files out nor use the AI (SPEC §5, hardening).
 */
async function firstCredentials(
  db: Db,
  deps: RegisterDeps,
  target: { userId: string; tenantId: string },
  now: Date,
): Promise<{ tokens: TokenPair | null; verificationToken: string }> {
  const expires = new Date(now.getTime() + VERIFICATION_TTL_MS);
  return {
    tokens: deps.config.emailVerificationRequired ? null : await issueTokens(db, deps, target),
    verificationToken: await createUserToken(db, target.userId, 'email_verification', expires),
  };
}

async function sendVerificationLink(
  deps: RegisterDeps,
  to: { email: string; username: string },
  token: string,
  locale: Locale,
) {
  const link = `${deps.config.frontendUrl}/verify-email?token=${encodeURIComponent(token)}`;
  return deps.mailer.send(
    verificationEmail(to.email, to.username, link, locale, deps.config.emailVerificationRequired),
  );
}

/**
 * SPEC §6 onboarding, in one transaction: user, tenant (on the configured trial), its services with their
 * presets and the modules chosen during onboarding, the ACTIVE owner membership, and tokens — or, when email
 * verification is required, an emailed link instead of tokens. The service count is checked against the plan
 * the tenant will have.
 */
export async function registerAccount(
  deps: RegisterDeps,
  input: RegisterInput,
  context: { locale: Locale; ip: string },
): Promise<RegisterResult> {
  const now = deps.now();
  // Every sign-up gets the trial: scripted sign-ups from one address are throttled before any work.
  const attempt = await hitRateLimit(
    deps.db,
    `register:address:${context.ip}`,
    deps.config.rateLimits.register,
    now,
  );
  if (!attempt.allowed) throw rateLimited(attempt.retryAfterSeconds);
  const services = requestedServices(input);
  const billing = trialBilling(deps.config.trial, now);
  assertNewTenantServicesFit(billing, services.length, now);
  await assertAccountFree(deps.db, input.username, input.email);
  const passwordHash = await hashPassword(input.password);

  const created = await deps.db
    .transaction()
    .execute(async (tx) => {
      const { user, tenant } = await insertOwnerAccount(tx, input, {
        passwordHash,
        locale: context.locale,
        billing,
        now,
      });
      const rows = await insertServices(tx, tenant, services);
      const credentials = await firstCredentials(tx, deps, { userId: user.id, tenantId: tenant.id }, now);
      await recordAudit(tx, {
        at: now,
        tenant_id: tenant.id,
        user_id: user.id,
        action: 'auth.register',
        object_type: 'tenant',
        object_id: tenant.id,
        meta: {
          ip: context.ip,
          services: rows.map((row) => row.name),
          plan_code: billing.plan_code,
          plan_source: billing.plan_source,
        },
      });
      return { user, tenant, services: rows, ...credentials };
    })
    .catch(rethrowAccountConflict);

  await sendVerificationLink(deps, input, created.verificationToken, context.locale);
  return {
    access: created.tokens?.access ?? null,
    refresh: created.tokens?.refresh ?? null,
    user: created.user,
    tenant: toTenantView(created.tenant),
    services: created.services.map(toServiceView),
    email_verification_required: deps.config.emailVerificationRequired,
  };
}

/**
 * `auth.resendVerification`: a new link to the signed-in user's address (the first one expired or was lost),
 * at most `RESEND_LIMIT` an hour per user. Already confirmed: nothing is sent.
 */
export async function resendVerification(
  deps: RegisterDeps,
  userId: string,
  locale: Locale,
): Promise<ResendVerificationResult> {
  const now = deps.now();
  const user = await deps.db
    .selectFrom('users')
    .select(['email', 'username', 'email_verified_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (user.email_verified_at) return { sent: false, already_verified: true };
  const { email, username } = user;
  if (!email) return { sent: false, already_verified: false };
  const attempt = await hitRateLimit(deps.db, `verify-resend:user:${userId}`, RESEND_LIMIT, now);
  if (!attempt.allowed) throw rateLimited(attempt.retryAfterSeconds);
  const expires = new Date(now.getTime() + VERIFICATION_TTL_MS);
  const token = await createUserToken(deps.db, userId, 'email_verification', expires);
  const result = await sendVerificationLink(deps, { email, username }, token, locale);
  return { sent: result.sent, already_verified: false };
}

const RESEND_LIMIT = { limit: 3, windowMs: 60 * 60 * 1000 };

/** Uses the emailed verification link: the account is confirmed (and may log in when that is required). */
export async function verifyEmail(deps: Pick<Deps, 'db' | 'now'>, input: VerifyEmailInput): Promise<AuthOk> {
  const now = deps.now();
  const verified = await deps.db.transaction().execute(async (tx) => {
    const userId = await consumeUserToken(tx, input.token, 'email_verification', now);
    if (!userId) return false;
    await tx
      .updateTable('users')
      .set({ email_verified_at: now })
      .where('id', '=', userId)
      .where('email_verified_at', 'is', null)
      .execute();
    return true;
  });
  if (!verified)
    throw new AppError('TOKEN_INVALID', {
      fr: 'Ce lien de confirmation est invalide, a expiré ou a déjà été utilisé.',
      en: 'This confirmation link is invalid, has expired or was already used.',
    });
  return { ok: true };
}
