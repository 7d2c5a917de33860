import type { ProductUnit } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { sql } from 'kysely';

/** Per product sums of one service's month: what the consumption report is made of. */
export interface MonthFlows {
  products: {
    id: string;
    name: string;
    category: string | null;
    unit: ProductUnit;
    purchase_price: number | null;
  }[];
  opening: Map<string, number>;
  closing: Map<string, number>;
  delivered: Map<string, PricedQuantity>;
  transfersIn: Map<string, PricedQuantity>;
  transfersOut: Map<string, number>;
  losses: Map<string, number>;
  sales: Map<string, { quantity: number; revenue: number | null }>;
}

/** A quantity and, over its priced part, the quantity and the cost (for the weighted average cost). */
export interface PricedQuantity {
  quantity: number;
  priced_quantity: number;
  cost: number;
}

type Row = { product_id: string; quantity: number };

/**
 * A loss row `l` in the unit of its product `p`: losses recorded in g/ml of a product counted in kg/l (or the
 * reverse) are converted; an incompatible unit gives null (summed as nothing).
 */
export const lossInProductUnit = sql<number>`l.quantity * (case
  when l.unit = p.unit then 1
  when l.unit = 'g' and p.unit = 'kg' then 0.001 when l.unit = 'kg' and p.unit = 'g' then 1000
  when l.unit = 'ml' and p.unit = 'l' then 0.001 when l.unit = 'l' and p.unit = 'ml' then 1000
end)`;

const toMap = (rows: Row[]) => new Map(rows.map((r) => [r.product_id, r.quantity]));

/** A product's counted quantity for a month: the sum of its lines (sealed units + opened fractions). */
async function countedQuantities(db: Db, tenantId: string, serviceId: string, month: string) {
  const { rows } = await sql<Row>`
    select product_id, sum(quantity + coalesce(remaining_fraction, 0)) as quantity from counts
    where tenant_id = ${tenantId} and service_id = ${serviceId} and inventory_month = ${month}
    group by product_id`.execute(db);
  return toMap(rows);
}

type PricedRow = Row & { priced_quantity: number; cost: number };
const pricedMap = (rows: PricedRow[]) =>
  new Map(rows.map(({ product_id, ...sums }) => [product_id, sums as PricedQuantity]));

export async function loadMonthFlows(
  db: Db,
  tenantId: string,
  serviceId: string,
  month: string,
  previous: string,
): Promise<MonthFlows> {
  const [products, opening, closing, delivered, transfersIn, transfersOut, losses, sales] = await Promise.all(
    [
      db
        .selectFrom('products')
        .select(['id', 'name', 'category', 'unit', 'purchase_price'])
        .where('tenant_id', '=', tenantId)
        .where('service_id', '=', serviceId)
        .execute(),
      countedQuantities(db, tenantId, serviceId, previous),
      countedQuantities(db, tenantId, serviceId, month),
      sql<PricedRow>`
      select rl.product_id, sum(rl.quantity) as quantity,
        coalesce(sum(rl.quantity) filter (where rl.unit_cost is not null), 0) as priced_quantity,
        coalesce(sum(rl.quantity * rl.unit_cost), 0) as cost
      from receipt_lines rl join receipts r on r.id = rl.receipt_id
      where r.tenant_id = ${tenantId} and r.service_id = ${serviceId} and r.month = ${month}
      group by rl.product_id`.execute(db),
      sql<PricedRow>`
      select tl.to_product_id as product_id, sum(tl.quantity) as quantity,
        coalesce(sum(tl.quantity) filter (where tl.unit_cost is not null), 0) as priced_quantity,
        coalesce(sum(tl.quantity * tl.unit_cost), 0) as cost
      from transfer_lines tl join transfers t on t.id = tl.transfer_id
      where t.tenant_id = ${tenantId} and t.to_service_id = ${serviceId} and t.month = ${month}
      group by tl.to_product_id`.execute(db),
      sql<Row>`
      select tl.from_product_id as product_id, sum(tl.quantity) as quantity
      from transfer_lines tl join transfers t on t.id = tl.transfer_id
      where t.tenant_id = ${tenantId} and t.from_service_id = ${serviceId} and t.month = ${month}
      group by tl.from_product_id`.execute(db),
      sql<Row>`
      select l.product_id, sum(${lossInProductUnit}) as quantity
      from loss_events l join products p on p.id = l.product_id
      where l.tenant_id = ${tenantId} and l.service_id = ${serviceId} and l.inventory_month = ${month}
      group by l.product_id`.execute(db),
      sql<{ product_id: string; quantity: number; revenue: number | null }>`
      select product_id, sum(quantity_sold) as quantity, sum(revenue) as revenue from sales_lines
      where tenant_id = ${tenantId} and service_id = ${serviceId} and month = ${month}
      group by product_id`.execute(db),
    ],
  );
  return {
    products,
    opening,
    closing,
    delivered: pricedMap(delivered.rows),
    transfersIn: pricedMap(transfersIn.rows),
    transfersOut: toMap(transfersOut.rows),
    losses: toMap(losses.rows.filter((r) => r.quantity !== null)),
    sales: new Map(sales.rows.map(({ product_id, ...s }) => [product_id, s])),
  };
}
