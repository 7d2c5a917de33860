import type { LossReason, ProductUnit } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { sql } from 'kysely';
import { round2, round3 } from './columns';
import type { RowScope } from './rows';
import type { LossSummary } from './summary';

const FACTOR: Partial<Record<`${ProductUnit}>${ProductUnit}`, number>> = {
  'g>kg': 0.001,
  'kg>g': 1000,
  'ml>l': 0.001,
  'l>ml': 1000,
};

/** A loss quantity in the product's unit (g↔kg, ml↔l), null when the units cannot be converted. */
function inProductUnit(quantity: number, lossUnit: ProductUnit, productUnit: ProductUnit): number | null {
  if (lossUnit === productUnit) return quantity;
  const factor = FACTOR[`${lossUnit}>${productUnit}`];
  return factor === undefined ? null : quantity * factor;
}

/**
 * Losses of the export's services and months for the Synthèse sheet, by reason. Grouped in SQL by
 * (reason, units, price), so the rows read are a handful whatever the number of events.
 */
export async function summarizeLosses(db: Db, scope: Omit<RowScope, 'mode'>): Promise<LossSummary> {
  const groups = await db
    .selectFrom('loss_events as l')
    .innerJoin('products as p', (join) =>
      join.onRef('p.id', '=', 'l.product_id').on('p.tenant_id', '=', scope.tenantId),
    )
    .select([
      'l.reason',
      'l.unit as loss_unit',
      'p.unit as product_unit',
      'p.purchase_price',
      sql<number>`count(*)::int`.as('events'),
      sql<number>`sum(l.quantity)`.as('quantity'),
    ])
    .where('l.tenant_id', '=', scope.tenantId)
    .where('l.service_id', 'in', scope.serviceIds)
    .where('l.inventory_month', '>=', scope.from)
    .where('l.inventory_month', '<=', scope.to)
    .groupBy(['l.reason', 'l.unit', 'p.unit', 'p.purchase_price'])
    .execute();

  const byReason = new Map<LossReason, { events: number; quantity: number; cost: number }>();
  for (const g of groups) {
    const entry = byReason.get(g.reason) ?? { events: 0, quantity: 0, cost: 0 };
    const quantity = Number(g.quantity);
    const converted = inProductUnit(quantity, g.loss_unit, g.product_unit);
    entry.events += Number(g.events);
    entry.quantity += quantity;
    if (converted !== null && g.purchase_price !== null) entry.cost += converted * g.purchase_price;
    byReason.set(g.reason, entry);
  }
  const by_reason = [...byReason.entries()]
    .map(([reason, e]) => ({ reason, events: e.events, quantity: round3(e.quantity), cost: round2(e.cost) }))
    .sort((a, b) => b.cost - a.cost || a.reason.localeCompare(b.reason));
  return {
    events: by_reason.reduce((n, r) => n + r.events, 0),
    cost: round2(by_reason.reduce((n, r) => n + r.cost, 0)),
    by_reason,
  };
}
