import { DAY_MS, FEATURE_KEYS, isMonthReadable } from '@stockscan/entitlements';
import type { Deps } from '../deps';
import { previousMonth as previousMonthOf } from '../inventory/dates';
import { monthStats } from '../inventory/stats.service';
import type { Actor } from '../request/actor';
import { capContext, MAX_CONTEXT_BYTES } from './context-cap';
import {
  expiringItems,
  lossExtras,
  monthCounters,
  type Period,
  stockAlerts,
  topLossProducts,
} from './context-queries';
import {
  alertSections,
  biggestChanges,
  counterOver,
  dataQualitySection,
  lossSection,
  name,
  TOP,
  valueSections,
} from './context-sections';
import type { AssistantContext, ContextRequest } from './context-types';
import { consumptionContext } from './usage-context';

const EXPIRY_HORIZON_DAYS = 30;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The figures of the services in scope for the month, packed under MAX_CONTEXT_BYTES: values, losses and
 * changes come from the inventory's month stats (the dashboard's numbers), the rest from compact queries.
 */
export async function buildAssistantContext(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: Actor,
  request: ContextRequest,
): Promise<AssistantContext> {
  const { ent, month, services } = request;
  const now = deps.now();
  const previousMonth = previousMonthOf(month);
  const monthReadable = isMonthReadable(ent, now, month);
  const previousReadable = monthReadable && isMonthReadable(ent, now, previousMonth);
  const period: Period = {
    tenantId: actor.tenantId,
    serviceIds: services.map((s) => s.id),
    month: monthReadable ? month : null,
    previousMonth: previousReadable ? previousMonth : null,
  };
  const horizon = isoDay(new Date(now.getTime() + EXPIRY_HORIZON_DAYS * DAY_MS));
  const { alerts_stock, alerts_expiry, loss_management } = ent.features;
  const none = services.length === 0;

  const [stats, counters, alerts, expiring, lossProducts, extras, consumption] = await Promise.all([
    Promise.all(
      services.map((s) => monthStats(deps, actor, { service_id: s.id, month, changes_limit: 5000 })),
    ),
    none ? [] : monthCounters(deps.db, period, horizon),
    none || !alerts_stock ? null : stockAlerts(deps.db, period, TOP),
    none || !alerts_expiry ? null : expiringItems(deps.db, period, horizon, TOP),
    none || !loss_management ? [] : topLossProducts(deps.db, period, TOP),
    none || !loss_management ? { unpriced_events: 0, previous_cost: null } : lossExtras(deps.db, period),
    monthReadable ? consumptionContext(deps.db, actor.tenantId, period.serviceIds, month, ent) : null,
  ]);
  const counter = counterOver(counters, services);
  const today = isoDay(now);

  const context: AssistantContext = {
    month,
    previous_month: previousMonth,
    today,
    currency: request.currency,
    plan: ent.plan,
    services: services.map((s) => name(s.name)),
    retention_limited: !previousReadable,
    ...valueSections(stats, services, previousReadable),
    ...alertSections(alerts, expiring, counter, today),
    losses: loss_management ? lossSection(stats, lossProducts, extras) : null,
    biggest_changes: biggestChanges(stats),
    consumption,
    data_quality: dataQualitySection(counter),
    plan_features: FEATURE_KEYS.filter((key) => ent.features[key]),
  };
  return capContext(context, MAX_CONTEXT_BYTES);
}
