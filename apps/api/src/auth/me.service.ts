import type { MeView } from '@stockscan/contracts';
import { effectivePlan, trialInfo } from '@stockscan/entitlements';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { AccessClaims } from '../request/access-token';
import { userLocale } from './emails';

/**
 * Who am I: the user, the token's tenant (with the plan fields the UI shows), my role and service scope there,
 * and every tenant I am an ACTIVE member of (to switch). `tenant` is null when the token's membership is gone.
 */
export async function getMe(deps: Pick<Deps, 'db' | 'now'>, claims: AccessClaims): Promise<MeView> {
  const now = deps.now();
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'username', 'email', 'email_verified_at', 'locale', 'is_active'])
    .where('id', '=', claims.userId)
    .executeTakeFirst();
  if (!user?.is_active) throw new AppError('TOKEN_INVALID');

  const memberships = await deps.db
    .selectFrom('memberships')
    .innerJoin('tenants', 'tenants.id', 'memberships.tenant_id')
    .select([
      'memberships.tenant_id',
      'memberships.role',
      'memberships.service_id',
      'tenants.name as tenant_name',
    ])
    .where('memberships.user_id', '=', user.id)
    .where('memberships.status', '=', 'ACTIVE')
    .orderBy('memberships.created_at')
    .orderBy('memberships.id')
    .execute();
  const current = memberships.find((m) => m.tenant_id === claims.tenantId) ?? null;
  const tenant = current
    ? await deps.db.selectFrom('tenants').selectAll().where('id', '=', current.tenant_id).executeTakeFirst()
    : undefined;
  const trial = tenant ? trialInfo(tenant, now) : null;

  return {
    user: {
      id: user.id,
      username: user.username,
      email: user.email,
      email_verified: user.email_verified_at !== null,
      locale: userLocale(user.locale),
    },
    tenant: tenant
      ? {
          id: tenant.id,
          name: tenant.name,
          slug: tenant.slug,
          domain: tenant.domain,
          business_type: tenant.business_type,
          currency_code: tenant.currency_code,
          plan_code: tenant.plan_code,
          plan_effective: effectivePlan(tenant, now).plan,
          plan_source: tenant.plan_source,
          billing_cycle: tenant.billing_cycle,
          subscription_status: tenant.subscription_status,
          license_expires_at: tenant.license_expires_at?.toISOString() ?? null,
          trial: trial ? { active: trial.active, ends_at: trial.ends_at.toISOString() } : null,
        }
      : null,
    role: current?.role ?? null,
    service_id: current?.service_id ?? null,
    memberships: memberships.map((m) => ({
      tenant_id: m.tenant_id,
      tenant_name: m.tenant_name,
      role: m.role,
      service_id: m.service_id,
      current: m.tenant_id === current?.tenant_id,
    })),
  };
}
