import type { MissingCount, ProductUnit } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { type RawBuilder, sql } from 'kysely';

/**
 * A loss row `l` in the unit of its product `p`: losses recorded in g/ml of a product counted in kg/l (or the
 * reverse) are converted; an incompatible unit gives null (summed as nothing).
 */
export const lossInProductUnit = sql<number>`l.quantity * (case
  when l.unit = p.unit then 1
  when l.unit = 'g' and p.unit = 'kg' then 0.001 when l.unit = 'kg' and p.unit = 'g' then 1000
  when l.unit = 'ml' and p.unit = 'l' then 0.001 when l.unit = 'l' and p.unit = 'ml' then 1000
end)`;

/** Which service and month the report is about, and whether the unexplained column is computed at all. */
export interface UsageScope {
  tenantId: string;
  serviceId: string;
  month: string;
  previous: string;
  /** PRO `stock_variance`. */
  variance: boolean;
}

/** One product's line of the report, every figure computed by PostgreSQL in exact numeric arithmetic. */
export interface UsageLine {
  product_id: string;
  name: string;
  category: string | null;
  unit: ProductUnit;
  purchase_price: number | null;
  average_cost: number | null;
  opening: number | null;
  received: number;
  delivered: number;
  transfers_in: number;
  transfers_out: number;
  closing: number | null;
  usage: number | null;
  losses: number;
  sold: number | null;
  revenue: number | null;
  unexplained: number | null;
  missing_count: MissingCount | null;
  received_cost: number | null;
  usage_cost: number | null;
  losses_cost: number | null;
  unexplained_cost: number | null;
}

/** Sums over a category (`category` set) or over the whole report (`whole`). */
export interface UsageSums {
  whole: boolean;
  category: string | null;
  rows: number;
  received_cost: number;
  usage_cost: number;
  losses_cost: number;
  unexplained_cost: number | null;
  revenue: number | null;
  missing_count: number;
  sales_imported: boolean;
  opening_counted: boolean;
  closing_counted: boolean;
}

/**
 * The report's lines as a common table expression: per product sums of the two counts, deliveries, transfers,
 * losses and till sales, then SPEC §11's arithmetic — opening + received − closing = usage; usage − losses − sold
 * = unexplained — and the costs at the product's purchase price, rounded half away from zero like the rest of the
 * app. A product neither counted in either month nor moved has no line. Quantities carry 3 decimals (numeric),
 * so nothing is lost to binary floating point; only the page asked for crosses the wire.
 */
function reportLines(s: UsageScope): RawBuilder<unknown> {
  return sql`
    counted as (
      select product_id,
        sum(quantity + coalesce(remaining_fraction, 0)) filter (where inventory_month = ${s.previous}) as opening,
        sum(quantity + coalesce(remaining_fraction, 0)) filter (where inventory_month = ${s.month}) as closing
      from counts
      where tenant_id = ${s.tenantId} and service_id = ${s.serviceId}
        and inventory_month in (${s.previous}, ${s.month})
      group by product_id),
    delivered as (
      select rl.product_id, sum(rl.quantity) as quantity,
        coalesce(sum(rl.quantity) filter (where rl.unit_cost is not null), 0) as priced_quantity,
        coalesce(sum(rl.quantity * rl.unit_cost), 0) as cost
      from receipt_lines rl join receipts r on r.id = rl.receipt_id
      where r.tenant_id = ${s.tenantId} and r.service_id = ${s.serviceId} and r.month = ${s.month}
      group by rl.product_id),
    transferred_in as (
      select tl.to_product_id as product_id, sum(tl.quantity) as quantity,
        coalesce(sum(tl.quantity) filter (where tl.unit_cost is not null), 0) as priced_quantity,
        coalesce(sum(tl.quantity * tl.unit_cost), 0) as cost
      from transfer_lines tl join transfers t on t.id = tl.transfer_id
      where t.tenant_id = ${s.tenantId} and t.to_service_id = ${s.serviceId} and t.month = ${s.month}
      group by tl.to_product_id),
    transferred_out as (
      select tl.from_product_id as product_id, sum(tl.quantity) as quantity
      from transfer_lines tl join transfers t on t.id = tl.transfer_id
      where t.tenant_id = ${s.tenantId} and t.from_service_id = ${s.serviceId} and t.month = ${s.month}
      group by tl.from_product_id),
    lost as (
      select l.product_id, round(sum(${lossInProductUnit}), 3) as quantity
      from loss_events l join products p on p.id = l.product_id
      where l.tenant_id = ${s.tenantId} and l.service_id = ${s.serviceId} and l.inventory_month = ${s.month}
      group by l.product_id
      having sum(${lossInProductUnit}) is not null),
    sold as (
      select product_id, sum(quantity_sold) as quantity, sum(revenue) as revenue from sales_lines
      where tenant_id = ${s.tenantId} and service_id = ${s.serviceId} and month = ${s.month}
      group by product_id),
    flags as (
      select exists (select 1 from sold) as sales_imported,
        exists (select 1 from counted where opening is not null) as opening_counted,
        exists (select 1 from counted where closing is not null) as closing_counted),
    moved as (
      select p.id as product_id, p.name, p.category, p.unit, p.purchase_price,
        c.opening, c.closing,
        coalesce(d.quantity, 0) as delivered, coalesce(ti.quantity, 0) as transfers_in,
        coalesce(tou.quantity, 0) as transfers_out,
        coalesce(d.quantity, 0) + coalesce(ti.quantity, 0) - coalesce(tou.quantity, 0) as received,
        coalesce(lo.quantity, 0) as losses,
        case when f.sales_imported then coalesce(so.quantity, 0) end as sold,
        case when f.sales_imported then round(coalesce(so.revenue, 0), 2) end as revenue,
        case when coalesce(d.priced_quantity, 0) + coalesce(ti.priced_quantity, 0) > 0
          then round((coalesce(d.cost, 0) + coalesce(ti.cost, 0))
            / (coalesce(d.priced_quantity, 0) + coalesce(ti.priced_quantity, 0)), 4) end as average_cost,
        case when c.opening is null and c.closing is null then 'both'
          when c.opening is null then 'opening' when c.closing is null then 'closing' end as missing_count
      from products p
      cross join flags f
      left join counted c on c.product_id = p.id
      left join delivered d on d.product_id = p.id
      left join transferred_in ti on ti.product_id = p.id
      left join transferred_out tou on tou.product_id = p.id
      left join lost lo on lo.product_id = p.id
      left join sold so on so.product_id = p.id
      where p.tenant_id = ${s.tenantId} and p.service_id = ${s.serviceId}
        and (c.product_id is not null or d.product_id is not null or ti.product_id is not null
          or tou.product_id is not null or lo.product_id is not null or so.product_id is not null)),
    used as (
      select moved.*, opening + received - closing as usage from moved),
    explained as (
      select used.*,
        case when ${s.variance}::boolean then usage - losses - sold end as unexplained from used),
    lines as (
      select explained.*,
        round(received * purchase_price, 2) as received_cost,
        round(usage * purchase_price, 2) as usage_cost,
        round(losses * purchase_price, 2) as losses_cost,
        round(unexplained * purchase_price, 2) as unexplained_cost
      from explained)`;
}

/** Biggest unexplained gaps at cost first, then the biggest usage; missing counts last (SPEC §11). */
const REPORT_ORDER = sql`unexplained_cost desc nulls last, usage_cost desc nulls last, name, product_id`;

/** Rows of the report to return: `limit` (null: every one) after `offset`. */
export interface UsagePage {
  offset: number;
  limit: number | null;
}

/** One page of the report's lines (report order) and the sums of every line, by category and in all. */
export interface UsageReportData {
  lines: UsageLine[];
  sums: UsageSums[];
}

/**
 * The report in one statement: PostgreSQL plans and computes the lines once, sorts them, returns the page asked
 * for and the sums over all of them (grouping sets: each category, then the whole report), as JSON.
 */
export async function loadUsageReport(db: Db, scope: UsageScope, page?: UsagePage): Promise<UsageReportData> {
  const limit = page?.limit ?? null;
  const { rows } = await sql<{ lines: UsageLine[] | null; sums: UsageSums[] }>`
    with ${reportLines(scope)},
    page as (
      select product_id, name, category, unit, purchase_price, average_cost, opening, received, delivered,
        transfers_in, transfers_out, closing, usage, losses, sold, revenue, unexplained, missing_count,
        received_cost, usage_cost, losses_cost, unexplained_cost
      from lines order by ${REPORT_ORDER}
      limit ${limit} offset ${page?.offset ?? 0}),
    sums as (
      select grouping(l.category) = 1 as whole, l.category, count(l.product_id)::int as rows,
        coalesce(sum(l.received_cost), 0) as received_cost,
        coalesce(sum(l.usage_cost), 0) as usage_cost,
        coalesce(sum(l.losses_cost), 0) as losses_cost,
        case when ${scope.variance}::boolean and f.sales_imported then coalesce(sum(l.unexplained_cost), 0) end
          as unexplained_cost,
        case when f.sales_imported then coalesce(sum(l.revenue), 0) end as revenue,
        (count(*) filter (where l.missing_count is not null))::int as missing_count,
        f.sales_imported, f.opening_counted, f.closing_counted
      from flags f left join lines l on true
      group by grouping sets ((f.sales_imported, f.opening_counted, f.closing_counted, l.category),
        (f.sales_imported, f.opening_counted, f.closing_counted)))
    select (select json_agg(page order by ${REPORT_ORDER}) from page) as lines,
      (select json_agg(sums) from sums) as sums`.execute(db);
  const [report] = rows;
  return { lines: report?.lines ?? [], sums: report?.sums ?? [] };
}
