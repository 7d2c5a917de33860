import type { Db } from '@stockscan/db';
import { type RawBuilder, sql } from 'kysely';
import { round3, sumExact } from './numbers';
import { lossInProductUnit } from './usage-queries';

/** What the system believes a product holds now, and what that belief is made of (SPEC §11). */
export interface ExpectedOnHand {
  product_id: string;
  /** The last month the product was counted in, and that count summed over its places' lines. */
  counted_month: string;
  counted: number;
  /** Flows of the months after `counted_month`, in the product's unit. */
  delivered: number;
  transfers_in: number;
  transfers_out: number;
  losses: number;
  sold: number;
  /** counted + delivered + transfers in − transfers out − losses − sold. */
  expected: number;
}

type Row = Omit<ExpectedOnHand, 'expected'>;

/**
 * A flow of month `month`, dated `day` and recorded at `createdAt`, comes after the product's last count: a later
 * month, or the counted month after the count's day, or that day and recorded after the count.
 */
const afterCount = (
  month: RawBuilder<unknown>,
  day: RawBuilder<unknown>,
  createdAt: RawBuilder<unknown>,
) => sql`
  (${month} > last.month or (${month} = last.month and (${day} > last.counted_on
    or (${day} = last.counted_on and ${createdAt} > last.counted_at))))`;

/**
 * Expected on-hand of a service's products (spot checks, order suggestions): the last counted quantity +
 * received since (receipt lines + transfers in − transfers out) − losses since − sold since. "Since" is the
 * months after the counted month — the same months the consumption report puts after that closing count, so
 * at a month's end expected − counted = that month's unexplained gap — plus, within the counted month, what
 * happened after the count was taken (its last line's counted_at): a delivery, transfer or loss dated after
 * the count's day, or that day and recorded after the count (a loss is declared with its day, not its hour).
 * So a count taken mid-month (this month's, in progress) is followed by that month's later deliveries. Till sales are monthly figures: only the months after count. A product never
 * counted is absent.
 * `productIds` narrows to those products; omitted, every counted product of the service.
 */
export async function loadExpectedOnHand(
  db: Db,
  tenantId: string,
  serviceId: string,
  productIds?: readonly string[],
): Promise<Map<string, ExpectedOnHand>> {
  if (productIds?.length === 0) return new Map();
  const only = productIds ? sql`and product_id in (${sql.join([...new Set(productIds)])})` : sql``;
  const { rows } = await sql<Row>`
    with last as (
      select distinct on (product_id) product_id, inventory_month as month, quantity, counted_at,
        (counted_at at time zone 'UTC')::date as counted_on
      from (
        select product_id, inventory_month, sum(quantity + coalesce(remaining_fraction, 0)) as quantity,
          max(counted_at) as counted_at
        from counts where tenant_id = ${tenantId} and service_id = ${serviceId} ${only}
        group by product_id, inventory_month
      ) c
      order by product_id, inventory_month desc
    ),
    delivered as (
      select rl.product_id, sum(rl.quantity) as quantity
      from last
      join receipt_lines rl on rl.product_id = last.product_id and rl.tenant_id = ${tenantId}
      join receipts r on r.id = rl.receipt_id
      where r.tenant_id = ${tenantId} and r.service_id = ${serviceId}
        and ${afterCount(sql`r.month`, sql`r.received_on`, sql`r.created_at`)}
      group by rl.product_id
    ),
    transfers_in as (
      select tl.to_product_id as product_id, sum(tl.quantity) as quantity
      from last
      join transfer_lines tl on tl.to_product_id = last.product_id and tl.tenant_id = ${tenantId}
      join transfers t on t.id = tl.transfer_id
      where t.tenant_id = ${tenantId} and t.to_service_id = ${serviceId}
        and ${afterCount(sql`t.month`, sql`t.moved_on`, sql`t.created_at`)}
      group by tl.to_product_id
    ),
    transfers_out as (
      select tl.from_product_id as product_id, sum(tl.quantity) as quantity
      from last
      join transfer_lines tl on tl.from_product_id = last.product_id and tl.tenant_id = ${tenantId}
      join transfers t on t.id = tl.transfer_id
      where t.tenant_id = ${tenantId} and t.from_service_id = ${serviceId}
        and ${afterCount(sql`t.month`, sql`t.moved_on`, sql`t.created_at`)}
      group by tl.from_product_id
    ),
    losses as (
      select l.product_id, sum(${lossInProductUnit}) as quantity
      from last
      join loss_events l on l.product_id = last.product_id
      join products p on p.id = l.product_id
      where l.tenant_id = ${tenantId} and l.service_id = ${serviceId}
        and ${afterCount(sql`l.inventory_month`, sql`(l.occurred_at at time zone 'UTC')::date`, sql`l.created_at`)}
      group by l.product_id
    ),
    sold as (
      select s.product_id, sum(s.quantity_sold) as quantity
      from last
      join sales_lines s on s.product_id = last.product_id
      where s.tenant_id = ${tenantId} and s.service_id = ${serviceId} and s.month > last.month
      group by s.product_id
    )
    select last.product_id, last.month as counted_month, last.quantity as counted,
      coalesce(delivered.quantity, 0) as delivered,
      coalesce(transfers_in.quantity, 0) as transfers_in,
      coalesce(transfers_out.quantity, 0) as transfers_out,
      coalesce(losses.quantity, 0) as losses,
      coalesce(sold.quantity, 0) as sold
    from last
    left join delivered using (product_id)
    left join transfers_in using (product_id)
    left join transfers_out using (product_id)
    left join losses using (product_id)
    left join sold using (product_id)
  `.execute(db);
  return new Map(rows.map((row) => [row.product_id, withExpected(row)]));
}

function withExpected(row: Row): ExpectedOnHand {
  const flows = {
    counted: Number(row.counted),
    delivered: Number(row.delivered),
    transfers_in: Number(row.transfers_in),
    transfers_out: Number(row.transfers_out),
    losses: Number(row.losses),
    sold: Number(row.sold),
  };
  const expected = sumExact([
    flows.counted,
    flows.delivered,
    flows.transfers_in,
    -flows.transfers_out,
    -flows.losses,
    -flows.sold,
  ]);
  const rounded = Object.fromEntries(Object.entries(flows).map(([k, v]) => [k, round3(v)])) as typeof flows;
  return {
    product_id: row.product_id,
    counted_month: row.counted_month,
    ...rounded,
    expected: round3(expected),
  };
}
