import type { Locale, RegisterInput } from '@stockscan/contracts';
import type { Db, Tenant } from '@stockscan/db';
import type { TenantBilling } from '@stockscan/entitlements';
import { sql } from 'kysely';
import { AppError } from '../errors';
import { isUniqueViolation } from '../tenants/db-errors';
import type { NewService } from '../tenants/services.service';
import { slugify } from '../tenants/slug';

/** The pieces of a sign-up (SPEC §6) that registerAccount runs in order; `db` is its transaction where written. */

export async function assertAccountFree(db: Db, username: string, email: string): Promise<void> {
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
export function rethrowAccountConflict(error: unknown): never {
  if (isUniqueViolation(error, 'users_username_ci')) throw new AppError('USERNAME_TAKEN');
  if (isUniqueViolation(error, 'users_email_ci')) throw new AppError('EMAIL_TAKEN');
  throw error;
}

/** The primary service then the extra ones, each with the modules chosen during onboarding. */
export function requestedServices(input: RegisterInput): NewService[] {
  return [
    { name: input.service_name, service_type: input.service_type, features: input.service_features },
    ...(input.extra_services ?? []),
  ];
}

export interface OwnerAccount {
  user: { id: string; username: string; email: string | null };
  tenant: Tenant;
}

/** The user, its tenant on `billing` and the ACTIVE owner membership that ties them. */
export async function insertOwnerAccount(
  db: Db,
  input: RegisterInput,
  extra: { passwordHash: string; locale: Locale; billing: TenantBilling; now: Date },
): Promise<OwnerAccount> {
  const { billing, now } = extra;
  const user = await db
    .insertInto('users')
    .values({
      username: input.username,
      email: input.email,
      password_hash: extra.passwordHash,
      locale: extra.locale,
    })
    .returning(['id', 'username', 'email'])
    .executeTakeFirstOrThrow();
  const tenant = await db
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
  await db
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
  return { user, tenant };
}
