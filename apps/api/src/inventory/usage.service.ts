import type {
  MissingCount,
  UsageCategoryTotals,
  UsageInput,
  UsageResult,
  UsageRow,
  UsageTotals,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { checkFeature } from '@stockscan/entitlements';
import type { Deps } from '../deps';
import { denialError } from '../entitlements/enforce';
import { loadTenantPlan } from '../entitlements/tenant-entitlements';
import type { Actor } from '../request/actor';
import { previousMonth } from './dates';
import { round2, sumExact } from './numbers';
import { loadService } from './scope';
import { loadMonthFlows, type MonthFlows, type PricedQuantity } from './usage-queries';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

// Quantities are added in thousandths (3 decimals on the wire) so 0.1 + 0.2 stays 0.3.
const milli = (n: number) => Math.round(n * 1000);
const fromMilli = (n: number) => n / 1000;
const round4 = (n: number) => Math.round(Number((n * 10_000).toFixed(6))) / 10_000;
const atCost = (quantity: number | null, price: number | null) =>
  quantity === null || price === null ? null : round2(quantity * price);

function missingOf(opening: number | null, closing: number | null): MissingCount | null {
  if (opening === null && closing === null) return 'both';
  if (opening === null) return 'opening';
  return closing === null ? 'closing' : null;
}

function averageCost(...flows: (PricedQuantity | undefined)[]): number | null {
  const priced = sumExact(flows.map((f) => f?.priced_quantity ?? 0));
  return priced > 0 ? round4(sumExact(flows.map((f) => f?.cost ?? 0)) / priced) : null;
}

/** One row per product that moved or was counted in either month; none for an untouched catalogue line. */
function usageRows(flows: MonthFlows, salesImported: boolean, variance: boolean): UsageRow[] {
  const rows: UsageRow[] = [];
  for (const p of flows.products) {
    const openingQ = flows.opening.get(p.id);
    const closingQ = flows.closing.get(p.id);
    const delivered = flows.delivered.get(p.id);
    const tIn = flows.transfersIn.get(p.id);
    const tOut = flows.transfersOut.get(p.id);
    const lossesQ = flows.losses.get(p.id);
    const sale = flows.sales.get(p.id);
    const moved = [openingQ, closingQ, delivered, tIn, tOut, lossesQ, sale].some((v) => v !== undefined);
    if (!moved) continue;
    const opening = openingQ ?? null;
    const closing = closingQ ?? null;
    const receivedM = milli(delivered?.quantity ?? 0) + milli(tIn?.quantity ?? 0) - milli(tOut ?? 0);
    const usageM = opening === null || closing === null ? null : milli(opening) + receivedM - milli(closing);
    const lossesM = milli(lossesQ ?? 0);
    const soldM = salesImported ? milli(sale?.quantity ?? 0) : null;
    const unexplainedM = variance && usageM !== null && soldM !== null ? usageM - lossesM - soldM : null;
    const usage = usageM === null ? null : fromMilli(usageM);
    const unexplained = unexplainedM === null ? null : fromMilli(unexplainedM);
    rows.push({
      product_id: p.id,
      name: p.name,
      category: p.category,
      unit: p.unit,
      purchase_price: p.purchase_price,
      average_cost: averageCost(delivered, tIn),
      opening,
      received: fromMilli(receivedM),
      delivered: fromMilli(milli(delivered?.quantity ?? 0)),
      transfers_in: fromMilli(milli(tIn?.quantity ?? 0)),
      transfers_out: fromMilli(milli(tOut ?? 0)),
      closing,
      usage,
      losses: fromMilli(lossesM),
      sold: soldM === null ? null : fromMilli(soldM),
      revenue: salesImported ? round2(sale?.revenue ?? 0) : null,
      unexplained,
      missing_count: missingOf(opening, closing),
      received_cost: atCost(fromMilli(receivedM), p.purchase_price),
      usage_cost: atCost(usage, p.purchase_price),
      losses_cost: atCost(fromMilli(lossesM), p.purchase_price),
      unexplained_cost: atCost(unexplained, p.purchase_price),
    });
  }
  return rows;
}

const sumOf = (rows: UsageRow[], key: 'received_cost' | 'usage_cost' | 'losses_cost' | 'unexplained_cost') =>
  round2(sumExact(rows.map((r) => r[key] ?? 0)));

function totalsOf(
  rows: UsageRow[],
  salesImported: boolean,
  varianceActive: boolean,
): Omit<UsageTotals, 'cost_pct'> {
  return {
    received_cost: sumOf(rows, 'received_cost'),
    usage_cost: sumOf(rows, 'usage_cost'),
    losses_cost: sumOf(rows, 'losses_cost'),
    unexplained_cost: varianceActive ? sumOf(rows, 'unexplained_cost') : null,
    revenue: salesImported ? round2(sumExact(rows.map((r) => r.revenue ?? 0))) : null,
    missing_count: rows.filter((r) => r.missing_count !== null).length,
  };
}

/** Biggest unexplained gaps at cost first, then the biggest usage; missing counts last. */
function byGap(a: UsageRow, b: UsageRow): number {
  const gap =
    (b.unexplained_cost ?? Number.NEGATIVE_INFINITY) - (a.unexplained_cost ?? Number.NEGATIVE_INFINITY);
  if (gap !== 0 && !Number.isNaN(gap)) return gap;
  const usage = (b.usage_cost ?? Number.NEGATIVE_INFINITY) - (a.usage_cost ?? Number.NEGATIVE_INFINITY);
  if (usage !== 0 && !Number.isNaN(usage)) return usage;
  return a.name.localeCompare(b.name, 'fr') || a.product_id.localeCompare(b.product_id);
}

/**
 * SPEC §11 consumption report of one service's month: opening + received − closing = usage; usage − losses −
 * sold = unexplained (with `variance`, when the till's sales were imported). A product counted in only one of
 * the two months has no usage ("comptage manquant"), never a zero. No access check: callers check.
 */
export async function computeUsage(
  db: Db,
  tenantId: string,
  serviceId: string,
  month: string,
  variance: boolean,
): Promise<UsageResult> {
  const previous = previousMonth(month);
  const flows = await loadMonthFlows(db, tenantId, serviceId, month, previous);
  const salesImported = flows.sales.size > 0;
  const varianceActive = variance && salesImported;
  const rows = usageRows(flows, salesImported, variance).sort(byGap);
  const totals = totalsOf(rows, salesImported, varianceActive);
  const categories = new Map<string | null, UsageRow[]>();
  for (const row of rows) {
    const own = categories.get(row.category);
    if (own) own.push(row);
    else categories.set(row.category, [row]);
  }
  const categoryTotals: UsageCategoryTotals[] = [...categories]
    .map(([category, own]) => ({ category, ...totalsOf(own, salesImported, varianceActive) }))
    .sort((a, b) => b.usage_cost - a.usage_cost || (a.category ?? '').localeCompare(b.category ?? '', 'fr'));
  return {
    service_id: serviceId,
    month,
    previous_month: previous,
    opening_counted: flows.opening.size > 0,
    closing_counted: flows.closing.size > 0,
    sales_imported: salesImported,
    variance_enabled: variance,
    rows,
    categories: categoryTotals,
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
  return computeUsage(deps.db, actor.tenantId, service.id, input.month, plan.ent.features.stock_variance);
}
