import type { StatsInput, StatsResult } from '@stockscan/contracts';
import type { Deps } from '../deps';
import type { Actor } from '../request/actor';
import { openAnalytics } from './analytics-scope';
import { previousMonth } from './dates';
import { round2, sumExact } from './numbers';
import { byCategory, lossFigures, previousFigures, productChanges, values } from './stats-figures';
import { lossesByReason, productRows } from './stats-queries';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

const DEFAULT_CHANGES = 50;

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
  const previous = readable && prevReadable ? previousFigures(rows, prev) : null;
  // A month nobody counted has no stock to compare with: no change rather than "+117 € vs October".
  const comparable = previous !== null && previous.counted > 0;
  const lossesOfMonth = lossFigures(losses);

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
      ...lossesOfMonth.totals,
    },
    by_category: byCategory(inMonth),
    losses_by_reason: lossesOfMonth.byReason,
    previous,
    change: comparable
      ? {
          stock_value_purchase: round2(
            sumExact([current.stock_value_purchase, -previous.stock_value_purchase]),
          ),
          stock_value_selling: round2(sumExact([current.stock_value_selling, -previous.stock_value_selling])),
        }
      : null,
    product_changes: comparable ? productChanges(rows, input.changes_limit ?? DEFAULT_CHANGES) : [],
  };
}
