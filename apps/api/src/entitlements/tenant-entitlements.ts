import { type Db, preparedQuery } from '@stockscan/db';
import {
  type EffectivePlan,
  type EntitlementOverrides,
  type Entitlements,
  effectivePlan,
  entitlementsFor,
  type TenantBilling,
} from '@stockscan/entitlements';
import { AppError } from '../errors';

export interface TenantPlan {
  billing: TenantBilling;
  effective: EffectivePlan;
  ent: Entitlements;
  currency_code: string;
}

/** Read by every limit check and the entitlements page: compiled once. */
const tenantBilling = preparedQuery<{ tenantId: string }>()((db, param) =>
  db
    .selectFrom('tenants')
    .select([
      'plan_code',
      'plan_source',
      'subscription_status',
      'license_expires_at',
      'grace_started_at',
      'entitlement_overrides',
      'currency_code',
    ])
    .where('id', '=', param('tenantId')),
);

/** The tenant's effective plan and entitlements at `now` (SPEC §4). 404 for an unknown tenant. */
export async function loadTenantPlan(db: Db, tenantId: string, now: Date): Promise<TenantPlan> {
  const tenant = await tenantBilling.executeTakeFirst(db, { tenantId });
  if (!tenant) throw new AppError('NOT_FOUND');
  const billing: TenantBilling = {
    plan_code: tenant.plan_code,
    plan_source: tenant.plan_source,
    subscription_status: tenant.subscription_status,
    license_expires_at: tenant.license_expires_at,
    grace_started_at: tenant.grace_started_at,
  };
  const effective = effectivePlan(billing, now);
  const overrides = (tenant.entitlement_overrides ?? undefined) as EntitlementOverrides | undefined;
  return {
    billing,
    effective,
    ent: entitlementsFor(effective.plan, overrides),
    currency_code: tenant.currency_code,
  };
}
