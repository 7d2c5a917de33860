import type { ProductUnit } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import type { Entitlements } from '@stockscan/entitlements';
import { round2, round3, sumExact } from '../inventory/numbers';
import { computeUsage } from '../inventory/usage.service';

/** The month's consumption (BOUTIQUE+ `stock_control`) and, with PRO variance, where stock went missing. */
export interface ConsumptionContext {
  /** Cost of goods: usage at the purchase price. */
  usage_cost: number;
  /** null without variance (plan, or no till sales imported). */
  unexplained_cost: number | null;
  /** Cost of goods ÷ imported revenue × 100; null without revenue. */
  cost_pct: number | null;
  /** Products not counted in one of the two months (no usage for them). */
  missing_count: number;
  /** Largest unexplained gaps at cost, positive ones (stock that went missing) only. */
  biggest_gaps: { name: string; unit: ProductUnit; unexplained: number; cost: number }[];
}

const GAPS = 5;
const NAME_MAX = 60;
const name = (s: string) => (s.length > NAME_MAX ? `${s.slice(0, NAME_MAX - 1)}…` : s);

export async function consumptionContext(
  db: Db,
  tenantId: string,
  serviceIds: string[],
  month: string,
  ent: Entitlements,
): Promise<ConsumptionContext | null> {
  if (!ent.features.stock_control || serviceIds.length === 0) return null;
  const reports = await Promise.all(
    serviceIds.map((id) => computeUsage(db, tenantId, id, month, ent.features.stock_variance)),
  );
  const usageCost = round2(sumExact(reports.map((r) => r.totals.usage_cost)));
  const withVariance = reports.filter((r) => r.totals.unexplained_cost !== null);
  const revenue = sumExact(reports.map((r) => r.totals.revenue ?? 0));
  return {
    usage_cost: usageCost,
    unexplained_cost: withVariance.length
      ? round2(sumExact(withVariance.map((r) => r.totals.unexplained_cost ?? 0)))
      : null,
    cost_pct: revenue > 0 ? round2((usageCost / revenue) * 100) : null,
    missing_count: reports.reduce((n, r) => n + r.totals.missing_count, 0),
    biggest_gaps: reports
      .flatMap((r) => r.rows)
      .filter((row) => (row.unexplained_cost ?? 0) > 0 && row.unexplained !== null)
      .sort((a, b) => (b.unexplained_cost ?? 0) - (a.unexplained_cost ?? 0))
      .slice(0, GAPS)
      .map((row) => ({
        name: name(row.name),
        unit: row.unit,
        unexplained: round3(row.unexplained ?? 0),
        cost: row.unexplained_cost ?? 0,
      })),
  };
}
