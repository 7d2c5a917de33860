import { type AlertsInput, type AlertsResult, currentMonth } from '@stockscan/contracts';
import { checkFeature, DAY_MS, readableFromMonth } from '@stockscan/entitlements';
import { sql } from 'kysely';
import type { Deps } from '../deps';
import { denialError } from '../entitlements/enforce';
import type { Actor } from '../request/actor';
import { openAnalytics } from './analytics-scope';
import { round3 } from './numbers';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

export const EXPIRY_CRITICAL_DAYS = 30;
export const EXPIRY_WARNING_DAYS = 90;

/**
 * Alerts from each live product's latest count up to `month` (default: this month): low stock when the
 * stock is at or under min_qty (BOUTIQUE+ `alerts_stock`); expiry within 30 days critical, 90 warning (PRO
 * `alerts_expiry`). A plan with neither gets 403 FEATURE_NOT_INCLUDED.
 */
export async function listAlerts(
  deps: InventoryDeps,
  actor: Actor,
  input: AlertsInput,
): Promise<AlertsResult> {
  const now = deps.now();
  const month = input.month ?? currentMonth(now);
  const scope = await openAnalytics(deps, actor, input.service_id, now);
  const stockVerdict = checkFeature(scope.plan.ent, 'alerts_stock');
  const expiryVerdict = checkFeature(scope.plan.ent, 'alerts_expiry');
  if (!stockVerdict.ok && !expiryVerdict.ok) throw denialError(stockVerdict);
  const today = now.toISOString().slice(0, 10);
  const result: AlertsResult = {
    month,
    today,
    low_stock: stockVerdict.ok ? [] : null,
    expiry: expiryVerdict.ok ? [] : null,
    not_included: [
      ...(stockVerdict.ok ? [] : (['alerts_stock'] as const)),
      ...(expiryVerdict.ok ? [] : (['alerts_expiry'] as const)),
    ],
  };
  if (!scope.readable(month)) return result;

  const from = readableFromMonth(scope.plan.ent, now);
  // A product's month is the sum of its places' lines; its expiry is the earliest of them (with that lot).
  let lines = deps.db
    .selectFrom('counts')
    .select([
      'product_id',
      'service_id',
      'inventory_month',
      sql<number>`sum(quantity + coalesce(remaining_fraction, 0))`.as('quantity'),
      sql<string | null>`min(expiry_date)`.as('expiry_date'),
      sql<string | null>`(array_agg(lot_number order by expiry_date nulls last))[1]`.as('lot_number'),
    ])
    .where('tenant_id', '=', actor.tenantId)
    .where('inventory_month', '<=', month)
    .groupBy(['product_id', 'service_id', 'inventory_month']);
  if (scope.serviceId) lines = lines.where('service_id', '=', scope.serviceId);
  if (from) lines = lines.where('inventory_month', '>=', from);
  const query = deps.db
    .selectFrom(lines.as('c'))
    .innerJoin('products as p', 'p.id', 'c.product_id')
    .distinctOn('c.product_id')
    .select([
      'c.product_id',
      'c.service_id',
      'c.inventory_month as month',
      sql<number>`c.quantity::float8`.as('quantity'),
      'c.expiry_date',
      'c.lot_number',
      'p.name',
      'p.category',
      'p.unit',
      'p.min_qty',
    ])
    .where('p.archived_at', 'is', null);
  const latest = await query.orderBy('c.product_id').orderBy('c.inventory_month', 'desc').execute();

  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  if (result.low_stock)
    result.low_stock = latest
      .filter((r) => r.min_qty !== null && r.quantity <= r.min_qty)
      .map((r) => ({
        product_id: r.product_id,
        service_id: r.service_id,
        name: r.name,
        category: r.category,
        unit: r.unit,
        quantity: round3(r.quantity),
        min_qty: r.min_qty as number,
        month: r.month,
      }))
      .sort(byName);
  if (result.expiry) {
    const todayMs = Date.parse(`${today}T00:00:00Z`);
    result.expiry = latest
      .filter((r) => r.expiry_date !== null && r.quantity > 0)
      .map((r) => ({
        row: r,
        days: Math.round((Date.parse(`${r.expiry_date}T00:00:00Z`) - todayMs) / DAY_MS),
      }))
      .filter(({ days }) => days <= EXPIRY_WARNING_DAYS)
      .map(({ row, days }) => ({
        product_id: row.product_id,
        service_id: row.service_id,
        name: row.name,
        quantity: round3(row.quantity),
        unit: row.unit,
        expiry_date: row.expiry_date as string,
        lot_number: row.lot_number,
        days_left: days,
        severity: days <= EXPIRY_CRITICAL_DAYS ? ('critical' as const) : ('warning' as const),
        month: row.month,
      }))
      .sort((a, b) => a.days_left - b.days_left || byName(a, b));
  }
  return result;
}
