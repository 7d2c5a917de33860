import type { LossReason, StatsResult } from '@stockscan/contracts';
import { round2, round3, sumExact } from './numbers';
import type { ProductStatsRow as Row } from './stats-queries';

/** A month's stock value at purchase and selling price, exact before rounding. */
export const values = (rows: Row[], purchase: (r: Row) => number, selling: (r: Row) => number) => ({
  stock_value_purchase: round2(sumExact(rows.map(purchase))),
  stock_value_selling: round2(sumExact(rows.map(selling))),
});

/** Products, counted and values per category, the most valuable first. */
export function byCategory(inMonth: Row[]): StatsResult['by_category'] {
  const categories = new Map<string | null, Row[]>();
  for (const row of inMonth) categories.set(row.category, [...(categories.get(row.category) ?? []), row]);
  return [...categories.entries()]
    .map(([category, group]) => ({
      category,
      products: group.length,
      counted: group.filter((r) => r.quantity !== null).length,
      ...values(
        group,
        (r) => r.value_purchase,
        (r) => r.value_selling,
      ),
    }))
    .sort(
      (a, b) =>
        b.stock_value_purchase - a.stock_value_purchase || (a.category ?? '').localeCompare(b.category ?? ''),
    );
}

/** The previous month's values and how many products it counted. */
export function previousFigures(rows: Row[], month: string): NonNullable<StatsResult['previous']> {
  return {
    month,
    ...values(
      rows,
      (r) => r.previous_value_purchase,
      (r) => r.previous_value_selling,
    ),
    counted: rows.filter((r) => r.previous_quantity !== null).length,
  };
}

/** Products counted in either month, largest value change first, at most `limit`. */
export function productChanges(rows: Row[], limit: number): StatsResult['product_changes'] {
  return rows
    .filter((r) => r.quantity !== null || r.previous_quantity !== null)
    .map((r) => ({
      product_id: r.id,
      name: r.name,
      category: r.category,
      unit: r.unit,
      quantity: r.quantity === null ? null : round3(r.quantity),
      previous_quantity: r.previous_quantity === null ? null : round3(r.previous_quantity),
      quantity_change: round3(sumExact([r.quantity ?? 0, -(r.previous_quantity ?? 0)])),
      value_purchase: round2(r.value_purchase),
      value_change: round2(sumExact([r.value_purchase, -r.previous_value_purchase])),
    }))
    .sort((a, b) => Math.abs(b.value_change) - Math.abs(a.value_change) || a.name.localeCompare(b.name))
    .slice(0, limit);
}

interface LossRow {
  reason: string;
  events: number;
  quantity: number;
  cost: number;
}

/** The month's losses: totals for `totals`, and one line per reason. */
export function lossFigures(losses: LossRow[]) {
  return {
    totals: {
      losses_events: losses.reduce((n, l) => n + l.events, 0),
      losses_quantity: round3(sumExact(losses.map((l) => l.quantity))),
      losses_cost: round2(sumExact(losses.map((l) => l.cost))),
    },
    byReason: losses.map((l) => ({
      reason: l.reason as LossReason,
      events: l.events,
      quantity: round3(l.quantity),
      cost: round2(l.cost),
    })),
  };
}
