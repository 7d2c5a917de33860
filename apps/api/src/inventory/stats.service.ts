import type { LossReason, ProductUnit, StatsInput, StatsResult } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { monthRange } from '@stockscan/entitlements';
import { sql } from 'kysely';
import type { Deps } from '../deps';
import type { Actor } from '../request/actor';
import { openAnalytics } from './analytics-scope';
import { previousMonth } from './dates';
import { lossCost } from './losses.service';
import { round2, round3, sumExact } from './numbers';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

const DEFAULT_CHANGES = 50;

interface ProductStatsRow {
  id: string;
  name: string;
  category: string | null;
  unit: ProductUnit;
  /** Stock counted (whole units + what is left in the opened container); null when not counted. */
  quantity: number | null;
  previous_quantity: number | null;
  value_purchase: number;
  value_selling: number;
  previous_value_purchase: number;
  previous_value_selling: number;
  /** Existed and was not archived at the month's end. */
  live: boolean;
}

/**
 * One row per product of the scope that matters for `month`: counted in it, counted the month before, or
 * live at the month's end. Values are exact numerics (stock × price); prices are today's. Counts are looked
 * up per product (lateral, limit 1): see counts.screen.ts on month statistics. `prev` null (out of the
 * plan's history) matches no count.
 */
async function productRows(
  db: Db,
  tenantId: string,
  serviceId: string | null,
  month: string,
  prev: string | null,
): Promise<ProductStatsRow[]> {
  const monthEnd = monthRange(month).end;
  const live = sql`(p.created_at < ${monthEnd} and (p.archived_at is null or p.archived_at >= ${monthEnd}))`;
  const { rows } = await sql<ProductStatsRow>`
    select p.id, p.name, p.category, p.unit,
      c.stock as quantity, pc.stock as previous_quantity,
      coalesce(c.stock * p.purchase_price, 0) as value_purchase,
      coalesce(c.stock * p.selling_price, 0) as value_selling,
      coalesce(pc.stock * p.purchase_price, 0) as previous_value_purchase,
      coalesce(pc.stock * p.selling_price, 0) as previous_value_selling,
      ${live} as live
    from products p
    left join lateral (
      select quantity + coalesce(remaining_fraction, 0) as stock from counts
      where product_id = p.id and inventory_month = ${month} limit 1
    ) c on true
    left join lateral (
      select quantity + coalesce(remaining_fraction, 0) as stock from counts
      where product_id = p.id and inventory_month = ${prev} limit 1
    ) pc on true
    where p.tenant_id = ${tenantId} ${serviceId ? sql`and p.service_id = ${serviceId}` : sql``}
      and (c.stock is not null or pc.stock is not null or ${live})
  `.execute(db);
  return rows;
}

function lossesByReason(db: Db, tenantId: string, serviceId: string | null, month: string) {
  let query = db
    .selectFrom('loss_events as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .select([
      'l.reason',
      sql<number>`count(*)::int`.as('events'),
      sql<number>`sum(l.quantity)`.as('quantity'),
      sql<number>`coalesce(sum(${lossCost()}), 0)`.as('cost'),
    ])
    .where('l.tenant_id', '=', tenantId)
    .where('l.inventory_month', '=', month)
    .groupBy('l.reason')
    .orderBy('l.reason');
  if (serviceId) query = query.where('l.service_id', '=', serviceId);
  return query.execute();
}

type Row = ProductStatsRow;

const values = (rows: Row[], purchase: (r: Row) => number, selling: (r: Row) => number) => ({
  stock_value_purchase: round2(sumExact(rows.map(purchase))),
  stock_value_selling: round2(sumExact(rows.map(selling))),
});

/**
 * Stats of a month for a service (or all, PRO): stock value at purchase and selling price, by category,
 * losses by reason with their cost, change against the previous month, counted vs not counted.
 */
export async function monthStats(deps: InventoryDeps, actor: Actor, input: StatsInput): Promise<StatsResult> {
  const now = deps.now();
  const scope = await openAnalytics(deps, actor, input.service_id, now);
  const prev = previousMonth(input.month);
  const readable = scope.readable(input.month);
  const prevReadable = scope.readable(prev);
  const [rows, losses] = readable
    ? await Promise.all([
        productRows(deps.db, actor.tenantId, scope.serviceId, input.month, prevReadable ? prev : null),
        lossesByReason(deps.db, actor.tenantId, scope.serviceId, input.month),
      ])
    : [[], []];

  const inMonth = rows.filter((r) => r.quantity !== null || r.live);
  const counted = inMonth.filter((r) => r.quantity !== null);
  const current = values(
    inMonth,
    (r) => r.value_purchase,
    (r) => r.value_selling,
  );

  const categories = new Map<string | null, Row[]>();
  for (const row of inMonth) categories.set(row.category, [...(categories.get(row.category) ?? []), row]);

  const previous =
    readable && prevReadable
      ? {
          month: prev,
          ...values(
            rows,
            (r) => r.previous_value_purchase,
            (r) => r.previous_value_selling,
          ),
          counted: rows.filter((r) => r.previous_quantity !== null).length,
        }
      : null;

  // A month nobody counted has no stock to compare with: no change rather than "+117 € vs October".
  const comparable = previous !== null && previous.counted > 0;
  const changes = comparable
    ? rows
        .filter((r) => r.quantity !== null || r.previous_quantity !== null)
        .map((r) => ({
          product_id: r.id,
          name: r.name,
          category: r.category,
          unit: r.unit,
          quantity: r.quantity === null ? null : round3(r.quantity),
          previous_quantity: r.previous_quantity === null ? null : round3(r.previous_quantity),
          quantity_change: round3(sumExact([r.quantity ?? 0, -(r.previous_quantity ?? 0)])),
          value_purchase: round2(r.value_purchase),
          value_change: round2(sumExact([r.value_purchase, -r.previous_value_purchase])),
        }))
        .sort((a, b) => Math.abs(b.value_change) - Math.abs(a.value_change) || a.name.localeCompare(b.name))
        .slice(0, input.changes_limit ?? DEFAULT_CHANGES)
    : [];

  return {
    month: input.month,
    service_id: input.service_id,
    currency_code: scope.plan.currency_code,
    retention_limited: !readable || !prevReadable,
    totals: {
      ...current,
      products: inMonth.length,
      counted: counted.length,
      not_counted: inMonth.length - counted.length,
      losses_events: losses.reduce((n, l) => n + l.events, 0),
      losses_quantity: round3(sumExact(losses.map((l) => l.quantity))),
      losses_cost: round2(sumExact(losses.map((l) => l.cost))),
    },
    by_category: [...categories.entries()]
      .map(([category, group]) => ({
        category,
        products: group.length,
        counted: group.filter((r) => r.quantity !== null).length,
        ...values(
          group,
          (r) => r.value_purchase,
          (r) => r.value_selling,
        ),
      }))
      .sort(
        (a, b) =>
          b.stock_value_purchase - a.stock_value_purchase ||
          (a.category ?? '').localeCompare(b.category ?? ''),
      ),
    losses_by_reason: losses.map((l) => ({
      reason: l.reason as LossReason,
      events: l.events,
      quantity: round3(l.quantity),
      cost: round2(l.cost),
    })),
    previous,
    change: comparable
      ? {
          stock_value_purchase: round2(
            sumExact([current.stock_value_purchase, -previous.stock_value_purchase]),
          ),
          stock_value_selling: round2(sumExact([current.stock_value_selling, -previous.stock_value_selling])),
        }
      : null,
    product_changes: changes,
  };
}
