import type { LossReason, ProductUnit, ServiceFeatures, StatsResult } from '@stockscan/contracts';
import { DAY_MS, type Entitlements, FEATURE_KEYS } from '@stockscan/entitlements';
import type { Deps } from '../deps';
import { isMonthReadable } from '../entitlements/retention';
import { previousMonth as previousMonthOf } from '../inventory/dates';
import { round2, round3, sumExact } from '../inventory/numbers';
import { monthStats } from '../inventory/stats.service';
import type { Actor } from '../request/actor';
import {
  expiringItems,
  lossExtras,
  type MonthCountersRow,
  monthCounters,
  type Period,
  stockAlerts,
  topLossProducts,
} from './context-queries';

/**
 * What the model (and the fallback summary) knows: the tenant's business figures, no personal data.
 * A section is null when the plan does not include it (alerts_stock, alerts_expiry, loss_management).
 */
export interface AssistantContext {
  month: string;
  previous_month: string;
  today: string;
  currency: string;
  plan: string;
  services: string[];
  /** The month (or the previous one) is older than the plan may read: its figures are left out. */
  retention_limited: boolean;
  totals: {
    products: number;
    counted: number;
    not_counted: number;
    stock_value_purchase: number;
    stock_value_selling: number;
  };
  previous: { counted: number; stock_value_purchase: number; stock_value_selling: number } | null;
  by_service: { name: string; products: number; counted: number; stock_value_purchase: number }[];
  out_of_stock: {
    count: number;
    items: { name: string; unit: ProductUnit; min_qty: number | null }[];
  } | null;
  low_stock: {
    count: number;
    items: { name: string; quantity: number; min_qty: number; unit: ProductUnit }[];
  } | null;
  expiring_soon: {
    count: number;
    items: { name: string; quantity: number; unit: ProductUnit; expiry_date: string; days_left: number }[];
  } | null;
  losses: {
    events: number;
    cost: number;
    unpriced_events: number;
    previous_cost: number | null;
    by_reason: { reason: LossReason; events: number; cost: number }[];
    top_products: { name: string; events: number; unit: ProductUnit; cost: number | null }[];
  } | null;
  /** Products counted both months, largest value change first. */
  biggest_changes: {
    name: string;
    unit: ProductUnit;
    previous_quantity: number;
    quantity: number;
    value_change: number;
  }[];
  data_quality: {
    missing_purchase_price: number;
    missing_selling_price: number;
    missing_identifier: number;
    missing_category: number;
    counted_without_expiry: number;
  };
  plan_features: string[];
}

export interface ScopeService {
  id: string;
  name: string;
  features: ServiceFeatures;
}

export interface ContextRequest {
  services: ScopeService[];
  month: string;
  ent: Entitlements;
  currency: string;
}

export const MAX_CONTEXT_BYTES = 8 * 1024;
const TOP = 8;
const EXPIRY_HORIZON_DAYS = 30;
const NAME_MAX = 60;

const name = (s: string) => (s.length > NAME_MAX ? `${s.slice(0, NAME_MAX - 1)}…` : s);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const total = <T>(rows: T[], pick: (r: T) => number) => sumExact(rows.map(pick));

const featureOn = (features: ServiceFeatures, key: string) => features[key]?.enabled === true;
const sellingOn = (features: ServiceFeatures) =>
  features.prices?.enabled === true && features.prices.selling_enabled !== false;

function mergeLossReasons(stats: StatsResult[]) {
  const byReason = new Map<LossReason, { events: number; costs: number[] }>();
  for (const l of stats.flatMap((s) => s.losses_by_reason)) {
    const entry = byReason.get(l.reason) ?? { events: 0, costs: [] };
    entry.events += l.events;
    entry.costs.push(l.cost);
    byReason.set(l.reason, entry);
  }
  return [...byReason.entries()]
    .map(([reason, { events, costs }]) => ({ reason, events, cost: round2(sumExact(costs)) }))
    .sort((a, b) => b.cost - a.cost || b.events - a.events);
}

function biggestChanges(stats: StatsResult[]): AssistantContext['biggest_changes'] {
  return stats
    .flatMap((s) => s.product_changes)
    .filter((c) => c.quantity !== null && c.previous_quantity !== null && c.quantity_change !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.value_change) - Math.abs(a.value_change) ||
        Math.abs(b.quantity_change) - Math.abs(a.quantity_change) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, TOP)
    .map((c) => ({
      name: name(c.name),
      unit: c.unit,
      previous_quantity: c.previous_quantity ?? 0,
      quantity: c.quantity ?? 0,
      value_change: c.value_change,
    }));
}

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

  const [stats, counters, alerts, expiring, lossProducts, extras] = await Promise.all([
    Promise.all(
      services.map((s) => monthStats(deps, actor, { service_id: s.id, month, changes_limit: 5000 })),
    ),
    none ? [] : monthCounters(deps.db, period, horizon),
    none || !alerts_stock ? null : stockAlerts(deps.db, period, TOP),
    none || !alerts_expiry ? null : expiringItems(deps.db, period, horizon, TOP),
    none || !loss_management ? [] : topLossProducts(deps.db, period, TOP),
    none || !loss_management ? { unpriced_events: 0, previous_cost: null } : lossExtras(deps.db, period),
  ]);

  const byId = new Map(services.map((s) => [s.id, s]));
  const counter = (
    pick: (r: MonthCountersRow) => number,
    test: (f: ServiceFeatures) => boolean = () => true,
  ) =>
    total(
      counters.filter((r) => {
        const service = byId.get(r.service_id);
        return service ? test(service.features) : false;
      }),
      pick,
    );
  const today = isoDay(now);
  const totals = stats.map((s) => s.totals);
  const previous = stats.map((s) => s.previous);

  const context: AssistantContext = {
    month,
    previous_month: previousMonth,
    today,
    currency: request.currency,
    plan: ent.plan,
    services: services.map((s) => name(s.name)),
    retention_limited: !previousReadable,
    totals: {
      products: total(totals, (t) => t.products),
      counted: total(totals, (t) => t.counted),
      not_counted: total(totals, (t) => t.not_counted),
      stock_value_purchase: round2(total(totals, (t) => t.stock_value_purchase)),
      stock_value_selling: round2(total(totals, (t) => t.stock_value_selling)),
    },
    previous:
      previousReadable && previous.length > 0
        ? {
            counted: total(previous, (p) => p?.counted ?? 0),
            stock_value_purchase: round2(total(previous, (p) => p?.stock_value_purchase ?? 0)),
            stock_value_selling: round2(total(previous, (p) => p?.stock_value_selling ?? 0)),
          }
        : null,
    by_service:
      services.length > 1
        ? stats.map((s, i) => ({
            name: name(services[i]?.name ?? ''),
            products: s.totals.products,
            counted: s.totals.counted,
            stock_value_purchase: s.totals.stock_value_purchase,
          }))
        : [],
    out_of_stock: alerts && {
      count: counter((r) => r.out_of_stock),
      items: alerts.out.map((r) => ({ name: name(r.name), unit: r.unit, min_qty: r.min_qty })),
    },
    low_stock: alerts && {
      count: counter((r) => r.low_stock),
      items: alerts.low.map((r) => ({
        name: name(r.name),
        quantity: round3(r.quantity),
        min_qty: round3(r.min_qty ?? 0),
        unit: r.unit,
      })),
    },
    expiring_soon: expiring && {
      count: counter((r) => r.expiring),
      items: expiring.map((r) => ({
        name: name(r.name),
        quantity: round3(r.quantity),
        unit: r.unit,
        expiry_date: r.expiry_date,
        days_left: Math.round((Date.parse(r.expiry_date) - Date.parse(today)) / DAY_MS),
      })),
    },
    losses: loss_management
      ? {
          events: total(totals, (t) => t.losses_events),
          cost: round2(total(totals, (t) => t.losses_cost)),
          unpriced_events: extras.unpriced_events,
          previous_cost: extras.previous_cost === null ? null : round2(extras.previous_cost),
          by_reason: mergeLossReasons(stats),
          top_products: lossProducts.map((r) => ({
            name: name(r.name),
            events: r.events,
            unit: r.unit,
            cost: r.cost === null ? null : round2(r.cost),
          })),
        }
      : null,
    biggest_changes: biggestChanges(stats),
    data_quality: {
      missing_purchase_price: counter((r) => r.missing_purchase_price),
      missing_selling_price: counter((r) => r.missing_selling_price, sellingOn),
      missing_identifier: counter((r) => r.missing_identifier),
      missing_category: counter((r) => r.missing_category),
      counted_without_expiry: counter(
        (r) => r.counted_without_expiry,
        (f) => featureOn(f, 'dlc'),
      ),
    },
    plan_features: FEATURE_KEYS.filter((key) => ent.features[key]),
  };
  return capContext(context, MAX_CONTEXT_BYTES);
}

export const contextBytes = (context: AssistantContext) => Buffer.byteLength(JSON.stringify(context));

/** Halves the item lists (longest first) until the JSON fits in `maxBytes`; counters always stay. */
export function capContext(context: AssistantContext, maxBytes: number): AssistantContext {
  const capped = structuredClone(context);
  const lists = (): unknown[][] => [
    capped.by_service,
    capped.out_of_stock?.items ?? [],
    capped.low_stock?.items ?? [],
    capped.expiring_soon?.items ?? [],
    capped.losses?.top_products ?? [],
    capped.biggest_changes,
    capped.services,
  ];
  while (contextBytes(capped) > maxBytes) {
    const longest = lists().reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.length === 0) break;
    longest.splice(Math.floor(longest.length / 2));
  }
  return capped;
}
