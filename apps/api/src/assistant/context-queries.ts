import type { LossReason, ProductUnit } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { type RawBuilder, sql } from 'kysely';

/**
 * Compact SQL aggregates feeding the assistant's context. Every query filters on the tenant and the
 * services in scope. A null month (outside the plan's history) matches nothing: `= NULL` is never true.
 */
export interface Period {
  tenantId: string;
  serviceIds: string[];
  month: string | null;
  previousMonth: string | null;
}

/** Stock of a count row: whole units plus what is left in the opened container. */
const stock = (alias: 'c' | 'pc') =>
  sql.raw(
    `(${alias}.quantity + case when ${alias}.container_status = 'OPENED' then coalesce(${alias}.remaining_fraction, 0) else 0 end)`,
  );

/** Loss quantity in the product's unit (g↔kg, ml↔l); null when the units cannot be converted. */
const lossFactor = sql.raw(`case
  when l.unit = p.unit then 1.0
  when l.unit = 'g' and p.unit = 'kg' then 0.001
  when l.unit = 'kg' and p.unit = 'g' then 1000.0
  when l.unit = 'ml' and p.unit = 'l' then 0.001
  when l.unit = 'l' and p.unit = 'ml' then 1000.0
end`);
const lossCost = sql`(l.quantity * ${lossFactor} * p.purchase_price)`;

const inServices = (column: string, ids: string[]): RawBuilder<unknown> =>
  sql`${sql.ref(column)} in (${sql.join(ids)})`;

export interface ServiceTotalsRow {
  service_id: string;
  products: number;
  counted: number;
  not_counted: number;
  value_purchase: number;
  value_selling: number;
  prev_counted: number;
  prev_value_purchase: number;
  prev_value_selling: number;
  out_of_stock: number;
  low_stock: number;
  expiring: number;
  missing_purchase_price: number;
  missing_selling_price: number;
  missing_identifier: number;
  missing_category: number;
  counted_without_expiry: number;
}

/** One row per service: values, counts, alerts and data-quality counters of the month and the one before. */
export async function serviceTotals(db: Db, p: Period, expiryHorizon: string): Promise<ServiceTotalsRow[]> {
  const live = sql.raw('p.archived_at is null');
  const counted = sql`c.id is not null and ${live}`;
  const { rows } = await sql<ServiceTotalsRow>`
    select p.service_id,
      (count(*) filter (where ${live}))::int as products,
      count(c.id)::int as counted,
      (count(*) filter (where ${live} and c.id is null))::int as not_counted,
      coalesce(sum(${stock('c')} * p.purchase_price), 0)::float8 as value_purchase,
      coalesce(sum(${stock('c')} * p.selling_price), 0)::float8 as value_selling,
      count(pc.id)::int as prev_counted,
      coalesce(sum(${stock('pc')} * p.purchase_price), 0)::float8 as prev_value_purchase,
      coalesce(sum(${stock('pc')} * p.selling_price), 0)::float8 as prev_value_selling,
      (count(*) filter (where ${counted} and ${stock('c')} = 0))::int as out_of_stock,
      (count(*) filter (where ${counted} and ${stock('c')} > 0 and p.min_qty is not null
        and ${stock('c')} <= p.min_qty))::int as low_stock,
      (count(*) filter (where ${counted} and ${stock('c')} > 0
        and c.expiry_date <= ${expiryHorizon}::date))::int as expiring,
      (count(*) filter (where ${live} and p.purchase_price is null))::int as missing_purchase_price,
      (count(*) filter (where ${live} and p.selling_price is null))::int as missing_selling_price,
      (count(*) filter (where ${live} and p.barcode is null and p.internal_sku is null))::int
        as missing_identifier,
      (count(*) filter (where ${live} and p.category is null))::int as missing_category,
      (count(*) filter (where ${counted} and ${stock('c')} > 0 and c.expiry_date is null))::int
        as counted_without_expiry
    from products p
    left join counts c on c.product_id = p.id and c.tenant_id = ${p.tenantId}
      and c.inventory_month = ${p.month}
    left join counts pc on pc.product_id = p.id and pc.tenant_id = ${p.tenantId}
      and pc.inventory_month = ${p.previousMonth}
    where p.tenant_id = ${p.tenantId} and ${inServices('p.service_id', p.serviceIds)}
      and (p.archived_at is null or c.id is not null or pc.id is not null)
    group by p.service_id
  `.execute(db);
  return rows;
}

export interface StockItemRow {
  name: string;
  unit: ProductUnit;
  quantity: number;
  min_qty: number | null;
}

/** Products counted at zero this month, then those at or under their minimum, most urgent first. */
export async function stockAlerts(
  db: Db,
  p: Period,
  limit: number,
): Promise<{ out: StockItemRow[]; low: StockItemRow[] }> {
  const base = (condition: RawBuilder<unknown>, order: RawBuilder<unknown>) => sql<StockItemRow>`
    select p.name, p.unit, ${stock('c')}::float8 as quantity, p.min_qty::float8 as min_qty
    from products p
    join counts c on c.product_id = p.id and c.tenant_id = ${p.tenantId} and c.inventory_month = ${p.month}
    where p.tenant_id = ${p.tenantId} and ${inServices('p.service_id', p.serviceIds)}
      and p.archived_at is null and ${condition}
    order by ${order}, p.name
    limit ${limit}
  `;
  const [out, low] = await Promise.all([
    base(sql`${stock('c')} = 0`, sql`p.min_qty desc nulls last`).execute(db),
    base(
      sql`${stock('c')} > 0 and p.min_qty is not null and ${stock('c')} <= p.min_qty`,
      sql`${stock('c')} / nullif(p.min_qty, 0) asc nulls first`,
    ).execute(db),
  ]);
  return { out: out.rows, low: low.rows };
}

export interface ExpiringRow {
  name: string;
  unit: ProductUnit;
  quantity: number;
  expiry_date: string;
}

/** Counted items whose expiry date is on or before the horizon, soonest first. */
export async function expiringItems(
  db: Db,
  p: Period,
  expiryHorizon: string,
  limit: number,
): Promise<ExpiringRow[]> {
  const { rows } = await sql<ExpiringRow>`
    select p.name, p.unit, ${stock('c')}::float8 as quantity, to_char(c.expiry_date, 'YYYY-MM-DD') as expiry_date
    from products p
    join counts c on c.product_id = p.id and c.tenant_id = ${p.tenantId} and c.inventory_month = ${p.month}
    where p.tenant_id = ${p.tenantId} and ${inServices('p.service_id', p.serviceIds)}
      and p.archived_at is null and ${stock('c')} > 0 and c.expiry_date <= ${expiryHorizon}::date
    order by c.expiry_date, p.name
    limit ${limit}
  `.execute(db);
  return rows;
}

export interface LossByReasonRow {
  month: string;
  reason: LossReason;
  events: number;
  cost: number;
  unpriced: number;
}

/** Losses of the month and of the previous one, by reason, costed at purchase price. */
export async function lossesByReason(db: Db, p: Period): Promise<LossByReasonRow[]> {
  const { rows } = await sql<LossByReasonRow>`
    select l.inventory_month as month, l.reason, count(*)::int as events,
      coalesce(sum(${lossCost}), 0)::float8 as cost,
      (count(*) filter (where ${lossCost} is null))::int as unpriced
    from loss_events l
    join products p on p.id = l.product_id and p.tenant_id = l.tenant_id
    where l.tenant_id = ${p.tenantId} and ${inServices('l.service_id', p.serviceIds)}
      and l.inventory_month in (${p.month}, ${p.previousMonth})
    group by l.inventory_month, l.reason
  `.execute(db);
  return rows;
}

export interface LossProductRow {
  name: string;
  unit: ProductUnit;
  events: number;
  quantity: number | null;
  cost: number | null;
}

/** The products that cost the most in losses this month. */
export async function topLossProducts(db: Db, p: Period, limit: number): Promise<LossProductRow[]> {
  const { rows } = await sql<LossProductRow>`
    select p.name, p.unit, count(*)::int as events,
      sum(l.quantity * ${lossFactor})::float8 as quantity,
      sum(${lossCost})::float8 as cost
    from loss_events l
    join products p on p.id = l.product_id and p.tenant_id = l.tenant_id
    where l.tenant_id = ${p.tenantId} and ${inServices('l.service_id', p.serviceIds)}
      and l.inventory_month = ${p.month}
    group by p.id, p.name, p.unit
    order by cost desc nulls last, events desc, p.name
    limit ${limit}
  `.execute(db);
  return rows;
}

export interface ChangeRow {
  name: string;
  unit: ProductUnit;
  quantity: number;
  previous_quantity: number;
  value_change: number | null;
}

/** Products counted both months whose stock moved most (by value, then by quantity). */
export async function biggestChanges(db: Db, p: Period, limit: number): Promise<ChangeRow[]> {
  const delta = sql`(${stock('c')} - ${stock('pc')})`;
  const { rows } = await sql<ChangeRow>`
    select p.name, p.unit, ${stock('c')}::float8 as quantity, ${stock('pc')}::float8 as previous_quantity,
      (${delta} * p.purchase_price)::float8 as value_change
    from products p
    join counts c on c.product_id = p.id and c.tenant_id = ${p.tenantId} and c.inventory_month = ${p.month}
    join counts pc on pc.product_id = p.id and pc.tenant_id = ${p.tenantId}
      and pc.inventory_month = ${p.previousMonth}
    where p.tenant_id = ${p.tenantId} and ${inServices('p.service_id', p.serviceIds)} and ${delta} <> 0
    order by abs(${delta} * coalesce(p.purchase_price, 0)) desc, abs(${delta}) desc, p.name
    limit ${limit}
  `.execute(db);
  return rows;
}
