import type { LossReason, ProductUnit, ServiceFeatures } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { DAY_MS, type Entitlements, FEATURE_KEYS } from '@stockscan/entitlements';
import { isMonthReadable } from '../entitlements/retention';
import { previousMonth as previousMonthOf, round2, round3 } from '../inventory/format';
import {
  biggestChanges,
  expiringItems,
  lossesByReason,
  type Period,
  type ServiceTotalsRow,
  serviceTotals,
  stockAlerts,
  topLossProducts,
} from './context-queries';

/** What the model (and the fallback summary) knows: the tenant's business figures, no personal data. */
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
  out_of_stock: { count: number; items: { name: string; unit: ProductUnit; min_qty: number | null }[] };
  low_stock: {
    count: number;
    items: { name: string; quantity: number; min_qty: number; unit: ProductUnit }[];
  };
  expiring_soon: {
    count: number;
    items: { name: string; quantity: number; unit: ProductUnit; expiry_date: string; days_left: number }[];
  };
  losses: {
    events: number;
    cost: number;
    unpriced_events: number;
    previous_cost: number | null;
    by_reason: { reason: LossReason; events: number; cost: number }[];
    top_products: {
      name: string;
      events: number;
      quantity: number | null;
      unit: ProductUnit;
      cost: number | null;
    }[];
  };
  biggest_changes: {
    name: string;
    unit: ProductUnit;
    previous_quantity: number;
    quantity: number;
    value_change: number | null;
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
  tenantId: string;
  services: ScopeService[];
  month: string;
  ent: Entitlements;
  currency: string;
  now: Date;
}

export const MAX_CONTEXT_BYTES = 8 * 1024;
const TOP = 8;
const EXPIRY_HORIZON_DAYS = 30;
const NAME_MAX = 60;

const name = (s: string) => (s.length > NAME_MAX ? `${s.slice(0, NAME_MAX - 1)}…` : s);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const sum = (rows: ServiceTotalsRow[], pick: (r: ServiceTotalsRow) => number) =>
  rows.reduce((total, r) => total + Number(pick(r)), 0);

const featureOn = (features: ServiceFeatures, key: string) => features[key]?.enabled === true;
const sellingOn = (features: ServiceFeatures) =>
  features.prices?.enabled === true && features.prices.selling_enabled !== false;

/** Reads the figures of the services in scope for the month and packs them under MAX_CONTEXT_BYTES. */
export async function buildAssistantContext(db: Db, request: ContextRequest): Promise<AssistantContext> {
  const { ent, now, month, services } = request;
  const previousMonth = previousMonthOf(month);
  const monthReadable = isMonthReadable(ent, now, month);
  const previousReadable = monthReadable && isMonthReadable(ent, now, previousMonth);
  const period: Period = {
    tenantId: request.tenantId,
    serviceIds: services.map((s) => s.id),
    month: monthReadable ? month : null,
    previousMonth: previousReadable ? previousMonth : null,
  };
  const today = isoDay(now);
  const horizon = isoDay(new Date(now.getTime() + EXPIRY_HORIZON_DAYS * DAY_MS));

  const empty = services.length === 0;
  const [totals, alerts, expiring, losses, lossProducts, changes] = empty
    ? [[], { out: [], low: [] }, [], [], [], []]
    : await Promise.all([
        serviceTotals(db, period, horizon),
        stockAlerts(db, period, TOP),
        expiringItems(db, period, horizon, TOP),
        lossesByReason(db, period),
        topLossProducts(db, period, TOP),
        biggestChanges(db, period, TOP),
      ]);

  const byId = new Map(services.map((s) => [s.id, s]));
  const withFeature = (test: (f: ServiceFeatures) => boolean) =>
    totals.filter((r) => {
      const service = byId.get(r.service_id);
      return service ? test(service.features) : false;
    });
  const current = losses.filter((l) => l.month === month);
  const previous = losses.filter((l) => l.month === previousMonth);

  const context: AssistantContext = {
    month,
    previous_month: previousMonth,
    today,
    currency: request.currency,
    plan: ent.plan,
    services: services.map((s) => name(s.name)),
    retention_limited: !previousReadable,
    totals: {
      products: sum(totals, (r) => r.products),
      counted: sum(totals, (r) => r.counted),
      not_counted: sum(totals, (r) => r.not_counted),
      stock_value_purchase: round2(sum(totals, (r) => r.value_purchase)),
      stock_value_selling: round2(sum(totals, (r) => r.value_selling)),
    },
    previous: previousReadable
      ? {
          counted: sum(totals, (r) => r.prev_counted),
          stock_value_purchase: round2(sum(totals, (r) => r.prev_value_purchase)),
          stock_value_selling: round2(sum(totals, (r) => r.prev_value_selling)),
        }
      : null,
    by_service:
      services.length > 1
        ? totals.map((r) => ({
            name: name(byId.get(r.service_id)?.name ?? ''),
            products: r.products,
            counted: r.counted,
            stock_value_purchase: round2(r.value_purchase),
          }))
        : [],
    out_of_stock: {
      count: sum(totals, (r) => r.out_of_stock),
      items: alerts.out.map((r) => ({ name: name(r.name), unit: r.unit, min_qty: r.min_qty })),
    },
    low_stock: {
      count: sum(totals, (r) => r.low_stock),
      items: alerts.low.map((r) => ({
        name: name(r.name),
        quantity: round3(r.quantity),
        min_qty: round3(r.min_qty ?? 0),
        unit: r.unit,
      })),
    },
    expiring_soon: {
      count: sum(totals, (r) => r.expiring),
      items: expiring.map((r) => ({
        name: name(r.name),
        quantity: round3(r.quantity),
        unit: r.unit,
        expiry_date: r.expiry_date,
        days_left: Math.round((Date.parse(r.expiry_date) - Date.parse(today)) / DAY_MS),
      })),
    },
    losses: {
      events: current.reduce((n, l) => n + l.events, 0),
      cost: round2(current.reduce((n, l) => n + Number(l.cost), 0)),
      unpriced_events: current.reduce((n, l) => n + l.unpriced, 0),
      previous_cost: previousReadable ? round2(previous.reduce((n, l) => n + Number(l.cost), 0)) : null,
      by_reason: current
        .map((l) => ({ reason: l.reason, events: l.events, cost: round2(l.cost) }))
        .sort((a, b) => b.cost - a.cost || b.events - a.events),
      top_products: lossProducts.map((r) => ({
        name: name(r.name),
        events: r.events,
        quantity: r.quantity === null ? null : round3(r.quantity),
        unit: r.unit,
        cost: r.cost === null ? null : round2(r.cost),
      })),
    },
    biggest_changes: changes.map((r) => ({
      name: name(r.name),
      unit: r.unit,
      previous_quantity: round3(r.previous_quantity),
      quantity: round3(r.quantity),
      value_change: r.value_change === null ? null : round2(r.value_change),
    })),
    data_quality: {
      missing_purchase_price: sum(totals, (r) => r.missing_purchase_price),
      missing_selling_price: sum(withFeature(sellingOn), (r) => r.missing_selling_price),
      missing_identifier: sum(totals, (r) => r.missing_identifier),
      missing_category: sum(totals, (r) => r.missing_category),
      counted_without_expiry: sum(
        withFeature((f) => featureOn(f, 'dlc')),
        (r) => r.counted_without_expiry,
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
  const lists = () => [
    capped.by_service,
    capped.out_of_stock.items,
    capped.low_stock.items,
    capped.expiring_soon.items,
    capped.losses.top_products,
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
