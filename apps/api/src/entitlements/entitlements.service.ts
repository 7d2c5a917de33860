import type { EntitlementsResponse } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { FEATURE_KEYS, overLimit, trialInfo } from '@stockscan/entitlements';
import { loadTenantPlan } from './tenant-entitlements';
import { countUsage, quotaUsage } from './usage.service';

/** SPEC §4: what the tenant may do, what it uses, and where it is over. Never blocks a read. */
export async function getEntitlements(db: Db, tenantId: string, now: Date): Promise<EntitlementsResponse> {
  const [plan, counts, quotas] = await Promise.all([
    loadTenantPlan(db, tenantId, now),
    countUsage(db, tenantId, now),
    quotaUsage(db, tenantId, now),
  ]);
  const { billing, effective, ent } = plan;
  const trial = trialInfo(billing, now);
  return {
    plan_effective: effective.plan,
    plan_source: billing.plan_source,
    expires_at: billing.license_expires_at?.toISOString() ?? null,
    subscription_status: billing.subscription_status,
    entitlements: Object.fromEntries(
      FEATURE_KEYS.filter((k) => ent.features[k]).map((k) => [k, true as const]),
    ),
    limits: { ...ent.limits },
    usage: { ...counts, ...quotas },
    over_limit: overLimit(counts, ent.limits),
    currency_code: plan.currency_code,
    trial: trial ? { active: trial.active, ends_at: trial.ends_at.toISOString() } : null,
  };
}
