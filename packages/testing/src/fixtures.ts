import { randomBytes } from 'node:crypto';
import { presetCountingMode, presetFeatures, type ServiceType } from '@stockscan/contracts';
import type { Db, MemberRole, PlanSource, SubscriptionStatus } from '@stockscan/db';

/** The api's own access-token signer (`signAccessToken` in apps/api/src/auth/tokens.ts): this package cannot import the api. */
export type SignAccessToken = (
  claims: { userId: string; tenantId: string },
  secret: string,
  now: Date,
) => Promise<string>;

/** What a fixture reads from the server's config: the secret its tokens are signed with. */
export interface FixtureConfig {
  appSecret: string;
}

export interface TenantFixture {
  tenantId: string;
  owner: { id: string; username: string; token: string };
  services: { id: string; name: string }[];
}

export interface TenantFixtureOptions {
  name?: string;
  plan?: 'ESSENTIEL' | 'BOUTIQUE' | 'PRO' | null;
  plan_source?: PlanSource;
  subscription_status?: SubscriptionStatus;
  license_expires_at?: Date | null;
  services?: { name: string; service_type: ServiceType }[];
  now?: Date;
}

const PASSWORD_HASH_PLACEHOLDER = '$argon2id$v=19$m=19456,t=2,p=1$fixture$fixture';

/** The fixtures bound to the api's token signer (apps/api/test/fixtures.ts binds them for the api tests). */
export function tenantFixtures(signAccessToken: SignAccessToken) {
  return {
    createTenantFixture: (db: Db, config: FixtureConfig, options: TenantFixtureOptions = {}) =>
      createTenantFixture(signAccessToken, db, config, options),
    addMemberFixture: (
      db: Db,
      config: FixtureConfig,
      tenantId: string,
      role: MemberRole,
      serviceId: string | null = null,
      now = new Date(),
    ) => addMemberFixture(signAccessToken, db, config, tenantId, role, serviceId, now),
  };
}

/**
 * A tenant written straight to the database (no HTTP, no argon2): fast given-state for tests of other
 * domains. Defaults to a MANUAL PRO plan with one bar service.
 */
async function createTenantFixture(
  signAccessToken: SignAccessToken,
  db: Db,
  config: FixtureConfig,
  options: TenantFixtureOptions = {},
): Promise<TenantFixture> {
  const now = options.now ?? new Date();
  const suffix = randomBytes(4).toString('hex');
  const plan = options.plan === undefined ? 'PRO' : options.plan;
  const tenant = await db
    .insertInto('tenants')
    .values({
      name: options.name ?? `Tenant ${suffix}`,
      slug: `tenant-${suffix}`,
      domain: 'food',
      business_type: 'bar',
      plan_code: plan,
      plan_source: options.plan_source ?? (plan && plan !== 'ESSENTIEL' ? 'MANUAL' : 'FREE'),
      subscription_status: options.subscription_status ?? 'NONE',
      license_expires_at: options.license_expires_at ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const services = [];
  for (const s of options.services ?? [{ name: 'Bar', service_type: 'bar' as const }]) {
    const row = await db
      .insertInto('services')
      .values({
        tenant_id: tenant.id,
        name: s.name,
        service_type: s.service_type,
        counting_mode: presetCountingMode(s.service_type),
        features: JSON.stringify(presetFeatures(s.service_type, 'food')),
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    services.push(row);
  }
  const owner = await addMemberFixture(signAccessToken, db, config, tenant.id, 'owner', null, now);
  return { tenantId: tenant.id, owner, services };
}

/** A user with an ACTIVE membership of `role` (optionally scoped to a service) and a valid access token. */
async function addMemberFixture(
  signAccessToken: SignAccessToken,
  db: Db,
  config: FixtureConfig,
  tenantId: string,
  role: MemberRole,
  serviceId: string | null = null,
  now = new Date(),
): Promise<{ id: string; username: string; token: string }> {
  const username = `${role}_${randomBytes(4).toString('hex')}`;
  const user = await db
    .insertInto('users')
    .values({
      username,
      email: `${username}@example.test`,
      password_hash: PASSWORD_HASH_PLACEHOLDER,
      email_verified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({
      user_id: user.id,
      tenant_id: tenantId,
      role,
      service_id: serviceId,
      status: 'ACTIVE',
      invited_at: null,
      activated_at: now,
    })
    .execute();
  return {
    id: user.id,
    username,
    token: await signAccessToken({ userId: user.id, tenantId }, config.appSecret, now),
  };
}
