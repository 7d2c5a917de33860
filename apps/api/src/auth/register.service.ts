import type { AuthOk, Locale, RegisterInput, RegisterResult, VerifyEmailInput } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { DAY_MS } from '@stockscan/entitlements';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { hitRateLimit } from '../ratelimit/rate-limit.service';
import { isUniqueViolation } from '../tenants/db-errors';
import { insertServices, toServiceView } from '../tenants/services.service';
import { slugify } from '../tenants/slug';
import { assertNewTenantServicesFit, trialBilling } from '../tenants/tenant-plan';
import { toTenantView } from '../tenants/tenants.service';
import { verificationEmail } from './emails';
import { hashPassword } from './passwords';
import { issueTokens } from './refresh-tokens';
import { rateLimited } from './session.service';
import { consumeUserToken, createUserToken } from './user-tokens';

const VERIFICATION_TTL_MS = 2 * DAY_MS;

type RegisterDeps = Pick<Deps, 'db' | 'config' | 'now' | 'mailer'>;

async function assertAccountFree(db: Db, username: string, email: string): Promise<void> {
  const taken = await db
    .selectFrom('users')
    .select([sql<boolean>`lower(username) = ${username.toLowerCase()}`.as('same_username')])
    .where((eb) =>
      eb.or([eb(sql`lower(username)`, '=', username.toLowerCase()), eb(sql`lower(email)`, '=', email)]),
    )
    .execute();
  if (taken.some((row) => row.same_username)) throw new AppError('USERNAME_TAKEN');
  if (taken.length > 0) throw new AppError('EMAIL_TAKEN');
}

/** A concurrent register that passed the pre-check loses on the unique indexes: same answers. */
function rethrowAccountConflict(error: unknown): never {
  if (isUniqueViolation(error, 'users_username_ci')) throw new AppError('USERNAME_TAKEN');
  if (isUniqueViolation(error, 'users_email_ci')) throw new AppError('EMAIL_TAKEN');
  throw error;
}

/**
 * SPEC §6 onboarding, in one transaction: user, tenant (on the configured trial), its services with their
 * presets, the ACTIVE owner membership, and tokens — or, when email verification is required, an emailed
 * link instead of tokens. The service count is checked against the plan the tenant will have.
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
  const services = [
    { name: input.service_name, service_type: input.service_type },
    ...(input.extra_services ?? []),
  ];
  const billing = trialBilling(deps.config.trial, now);
  assertNewTenantServicesFit(billing, services.length, now);
  await assertAccountFree(deps.db, input.username, input.email);
  const passwordHash = await hashPassword(input.password);
  const verify = deps.config.emailVerificationRequired;

  const created = await deps.db
    .transaction()
    .execute(async (tx) => {
      const user = await tx
        .insertInto('users')
        .values({
          username: input.username,
          email: input.email,
          password_hash: passwordHash,
          locale: context.locale,
        })
        .returning(['id', 'username', 'email'])
        .executeTakeFirstOrThrow();
      const tenant = await tx
        .insertInto('tenants')
        .values({
          name: input.tenant_name,
          slug: slugify(input.tenant_name),
          domain: input.domain,
          business_type: input.business_type,
          terms_accepted_at: input.accept_terms ? now : null,
          plan_code: billing.plan_code,
          plan_source: billing.plan_source,
          subscription_status: billing.subscription_status,
          license_expires_at: billing.license_expires_at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('memberships')
        .values({
          user_id: user.id,
          tenant_id: tenant.id,
          role: 'owner',
          service_id: null,
          status: 'ACTIVE',
          invited_at: null,
          activated_at: now,
        })
        .execute();
      const rows = await insertServices(tx, tenant, services);
      const verificationToken = verify
        ? await createUserToken(
            tx,
            user.id,
            'email_verification',
            new Date(now.getTime() + VERIFICATION_TTL_MS),
          )
        : null;
      const tokens = verify ? null : await issueTokens(tx, deps, { userId: user.id, tenantId: tenant.id });
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
      return { user, tenant, services: rows, tokens, verificationToken };
    })
    .catch(rethrowAccountConflict);

  if (created.verificationToken) {
    const link = `${deps.config.frontendUrl}/verify-email?token=${encodeURIComponent(created.verificationToken)}`;
    await deps.mailer.send(verificationEmail(input.email, input.username, link, context.locale));
  }
  return {
    access: created.tokens?.access ?? null,
    refresh: created.tokens?.refresh ?? null,
    user: created.user,
    tenant: toTenantView(created.tenant),
    services: created.services.map(toServiceView),
    email_verification_required: verify,
  };
}

/** Uses the emailed verification link: the account may log in from now on. */
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
