import type { UsageCategoryTotals, UsageInput, UsageResult, UsageTotals } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { checkFeature } from '@stockscan/entitlements';
import type { Deps } from '../deps';
import { denialError } from '../entitlements/enforce';
import { loadTenantPlan } from '../entitlements/tenant-entitlements';
import type { Actor } from '../request/actor';
import { previousMonth } from './dates';
import { round2 } from './numbers';
import { loadService } from './scope';
import { loadUsageReport, type UsagePage, type UsageSums } from './usage-queries';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

const french = new Intl.Collator('fr');

function totalsOf(sums: UsageSums): Omit<UsageTotals, 'cost_pct'> {
  return {
    received_cost: sums.received_cost,
    usage_cost: sums.usage_cost,
    losses_cost: sums.losses_cost,
    unexplained_cost: sums.unexplained_cost,
    revenue: sums.revenue,
    missing_count: sums.missing_count,
  };
}

/**
 * SPEC §11 consumption report of one service's month: opening + received − closing = usage; usage − losses −
 * sold = unexplained (with `variance`, when the till's sales were imported). A product counted in only one of
 * the two months has no usage ("comptage manquant"), never a zero. PostgreSQL does the arithmetic over every
 * product; `page` limits the rows returned (totals and categories always cover them all). No access check:
 * callers check.
 */
export async function computeUsage(
  db: Db,
  tenantId: string,
  serviceId: string,
  month: string,
  variance: boolean,
  page?: UsagePage,
): Promise<UsageResult> {
  const scope = { tenantId, serviceId, month, previous: previousMonth(month), variance };
  const { lines: rows, sums } = await loadUsageReport(db, scope, page);
  const whole = sums.find((s) => s.whole);
  if (!whole) throw new Error('usage sums without the whole-report row');
  const categories: UsageCategoryTotals[] = sums
    .filter((s) => !s.whole && s.rows > 0)
    .map((s) => ({ category: s.category, ...totalsOf(s) }))
    .sort((a, b) => b.usage_cost - a.usage_cost || french.compare(a.category ?? '', b.category ?? ''));
  const totals = totalsOf(whole);
  const end = page?.limit == null ? whole.rows : page.offset + page.limit;
  return {
    service_id: serviceId,
    month,
    previous_month: scope.previous,
    opening_counted: whole.opening_counted,
    closing_counted: whole.closing_counted,
    sales_imported: whole.sales_imported,
    variance_enabled: variance,
    rows,
    row_count: whole.rows,
    next_cursor: end < whole.rows ? end : null,
    categories,
    totals: {
      ...totals,
      cost_pct: totals.revenue ? round2((totals.usage_cost / totals.revenue) * 100) : null,
    },
  };
}

/** `inventory.usage.get`: BOUTIQUE+ (`stock_control`); the unexplained column is PRO (`stock_variance`). */
export async function monthUsage(deps: InventoryDeps, actor: Actor, input: UsageInput): Promise<UsageResult> {
  const now = deps.now();
  const [service, plan] = await Promise.all([
    loadService(deps.db, actor, input.service_id),
    loadTenantPlan(deps.db, actor.tenantId, now),
  ]);
  const verdict = checkFeature(plan.ent, 'stock_control');
  if (!verdict.ok) throw denialError(verdict);
  const page =
    input.limit === undefined && input.cursor === undefined
      ? undefined
      : { offset: input.cursor ?? 0, limit: input.limit ?? null };
  return computeUsage(
    deps.db,
    actor.tenantId,
    service.id,
    input.month,
    plan.ent.features.stock_variance,
    page,
  );
}
