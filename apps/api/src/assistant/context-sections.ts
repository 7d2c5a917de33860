import type { LossReason, ServiceFeatures, StatsResult } from '@stockscan/contracts';
import { DAY_MS, featureOn, priceOn } from '@stockscan/entitlements';
import { round2, round3, sumExact } from '../inventory/numbers';
import type {
  expiringItems,
  lossExtras,
  MonthCountersRow,
  stockAlerts,
  topLossProducts,
} from './context-queries';
import type { AssistantContext, ScopeService } from './context-types';

/** Items per list before the context is capped. */
export const TOP = 8;
const NAME_MAX = 60;

export const name = (s: string) => (s.length > NAME_MAX ? `${s.slice(0, NAME_MAX - 1)}…` : s);
const total = <T>(rows: T[], pick: (r: T) => number) => sumExact(rows.map(pick));

/** Sums a per-service counter over the services in scope whose features pass `test`. */
export type Counter = (
  pick: (r: MonthCountersRow) => number,
  test?: (f: ServiceFeatures) => boolean,
) => number;

export function counterOver(counters: MonthCountersRow[], services: ScopeService[]): Counter {
  const byId = new Map(services.map((s) => [s.id, s]));
  return (pick, test = () => true) =>
    total(
      counters.filter((r) => {
        const service = byId.get(r.service_id);
        return service ? test(service.features) : false;
      }),
      pick,
    );
}

/** Totals of the month and the one before, and per service when there are several (the month stats' numbers). */
export function valueSections(
  stats: StatsResult[],
  services: ScopeService[],
  previousReadable: boolean,
): Pick<AssistantContext, 'totals' | 'previous' | 'by_service'> {
  const totals = stats.map((s) => s.totals);
  const previous = stats.map((s) => s.previous);
  return {
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
  };
}

/** Out of stock, low stock and expiring soon; null where the plan has no alerts. */
export function alertSections(
  alerts: Awaited<ReturnType<typeof stockAlerts>> | null,
  expiring: Awaited<ReturnType<typeof expiringItems>> | null,
  counter: Counter,
  today: string,
): Pick<AssistantContext, 'out_of_stock' | 'low_stock' | 'expiring_soon'> {
  return {
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
  };
}

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

/** The month's losses: totals and reasons from the month stats, top products and unpriced ones from queries. */
export function lossSection(
  stats: StatsResult[],
  lossProducts: Awaited<ReturnType<typeof topLossProducts>>,
  extras: Awaited<ReturnType<typeof lossExtras>>,
): NonNullable<AssistantContext['losses']> {
  const totals = stats.map((s) => s.totals);
  return {
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
  };
}

/** Products counted both months, largest value change first. */
export function biggestChanges(stats: StatsResult[]): AssistantContext['biggest_changes'] {
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

/** What is missing from the catalogue (selling prices only where the service sells, expiry only with DLC). */
export function dataQualitySection(counter: Counter): AssistantContext['data_quality'] {
  return {
    missing_purchase_price: counter((r) => r.missing_purchase_price),
    missing_selling_price: counter(
      (r) => r.missing_selling_price,
      (f) => priceOn(f, 'selling'),
    ),
    missing_identifier: counter((r) => r.missing_identifier),
    missing_category: counter((r) => r.missing_category),
    counted_without_expiry: counter(
      (r) => r.counted_without_expiry,
      (f) => featureOn(f, 'dlc'),
    ),
  };
}
