import type { EntitlementsResponse } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { FEATURE_KEYS, type FeatureKey, overLimit, trialInfo } from '@stockscan/entitlements';
import { loadTenantPlan } from './tenant-entitlements';
import { countUsage, quotaUsage } from './usage.service';

/** The features granted, as SPEC §4 lists them (`{ key: true }`; a refused one is absent). */
function grantedFeatures(features: Record<FeatureKey, boolean>): EntitlementsResponse['entitlements'] {
  const granted: EntitlementsResponse['entitlements'] = {};
  for (const key of FEATURE_KEYS) if (features[key]) granted[key] = true;
  return granted;
}

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
    entitlements: grantedFeatures(ent.features),
    limits: { ...ent.limits },
    usage: { ...counts, ...quotas },
    over_limit: overLimit(counts, ent.limits),
    currency_code: plan.currency_code,
    trial: trial ? { active: trial.active, ends_at: trial.ends_at.toISOString() } : null,
  };
}
