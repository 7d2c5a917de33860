import type { Db } from '@stockscan/db';
import { sql } from 'kysely';
import { lossCost } from '../inventory/losses.service';
import { round2, round3 } from './columns';
import type { RowScope } from './stream-export-rows';
import type { LossSummary } from './summary';

/**
 * Losses of the export's services and months for the Synthèse sheet, by reason, priced with the inventory
 * domain's rule (quantity × purchase price, g↔kg and ml↔l converted): one grouped query, a handful of rows.
 */
export async function summarizeLosses(db: Db, scope: Omit<RowScope, 'mode'>): Promise<LossSummary> {
  const rows = await db
    .selectFrom('loss_events as l')
    .innerJoin('products as p', (join) =>
      join.onRef('p.id', '=', 'l.product_id').on('p.tenant_id', '=', scope.tenantId),
    )
    .select([
      'l.reason',
      sql<number>`count(*)::int`.as('events'),
      sql<number>`sum(l.quantity)`.as('quantity'),
      sql<number>`coalesce(sum(${lossCost()}), 0)`.as('cost'),
    ])
    .where('l.tenant_id', '=', scope.tenantId)
    .where('l.service_id', 'in', scope.serviceIds)
    .where('l.inventory_month', '>=', scope.from)
    .where('l.inventory_month', '<=', scope.to)
    .groupBy('l.reason')
    .execute();
  const by_reason = rows
    .map((r) => ({
      reason: r.reason,
      events: Number(r.events),
      quantity: round3(r.quantity),
      cost: round2(r.cost),
    }))
    .sort((a, b) => b.cost - a.cost || a.reason.localeCompare(b.reason));
  return {
    events: by_reason.reduce((n, r) => n + r.events, 0),
    cost: round2(by_reason.reduce((n, r) => n + r.cost, 0)),
    by_reason,
  };
}
