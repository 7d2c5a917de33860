import type { ProductUnit } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { monthRange } from '@stockscan/entitlements';
import { sql } from 'kysely';
import { lossCost } from './losses.service';

export interface ProductStatsRow {
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
 * summed per product over its places' lines (lateral): see counts.screen.ts on month statistics. `prev` null (out of the
 * plan's history) matches no count.
 */
export async function productRows(
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
      select sum(quantity + coalesce(remaining_fraction, 0)) as stock from counts
      where product_id = p.id and inventory_month = ${month}
    ) c on true
    left join lateral (
      select sum(quantity + coalesce(remaining_fraction, 0)) as stock from counts
      where product_id = p.id and inventory_month = ${prev}
    ) pc on true
    where p.tenant_id = ${tenantId} ${serviceId ? sql`and p.service_id = ${serviceId}` : sql``}
      and (c.stock is not null or pc.stock is not null or ${live})
  `.execute(db);
  return rows;
}

export function lossesByReason(db: Db, tenantId: string, serviceId: string | null, month: string) {
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
