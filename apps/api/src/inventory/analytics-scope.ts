import type { Month } from '@stockscan/contracts';
import { checkFeature, isMonthReadable } from '@stockscan/entitlements';
import type { Deps } from '../deps';
import { denialError } from '../entitlements/enforce';
import { loadTenantPlan, type TenantPlan } from '../entitlements/tenant-entitlements';
import { AppError } from '../errors';
import type { Actor } from '../request/actor';
import { loadService } from './scope';

export interface AnalyticsScope {
  /** null = every service of the tenant. */
  serviceId: string | null;
  plan: TenantPlan;
  readable: (month: Month) => boolean;
}

/**
 * Stats and alerts read one service, or all of them with PRO `multi_service_analytics` (and a role not
 * scoped to one service).
 */
export async function openAnalytics(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  scope: string,
  now: Date,
): Promise<AnalyticsScope> {
  const [plan, service] = await Promise.all([
    loadTenantPlan(deps.db, actor.tenantId, now),
    scope === 'all' ? null : loadService(deps.db, actor, scope),
  ]);
  if (!service) {
    const verdict = checkFeature(plan.ent, 'multi_service_analytics');
    if (!verdict.ok) throw denialError(verdict);
    if (actor.serviceId) throw new AppError('FORBIDDEN_ROLE');
  }
  return {
    serviceId: service?.id ?? null,
    plan,
    readable: (month) => isMonthReadable(plan.ent, now, month),
  };
}
