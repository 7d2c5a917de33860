import type { LossReason } from '@stockscan/contracts';
import { type ExportRow, round2, round3, stockQuantity, stockValue } from './columns';

export interface Totals {
  /** Exported lines (a product counted in a month). */
  lines: number;
  quantity: number;
  value_purchase: number;
  value_selling: number;
  /** Lines without a purchase price: their value is missing from value_purchase. */
  unpriced: number;
}

export interface LossSummary {
  events: number;
  cost: number;
  by_reason: { reason: LossReason; events: number; quantity: number; cost: number }[];
}

/** The PRO "Synthèse" sheet: figures of exactly the rows the Inventaire sheet holds, plus losses. */
export interface ExportSummary {
  totals: Totals;
  by_category: ({ category: string | null } & Totals)[];
  /** One line per month, only for a range of several months. */
  by_month: ({ month: string } & Totals)[];
  losses: LossSummary | null;
}

const emptyTotals = (): Totals => ({
  lines: 0,
  quantity: 0,
  value_purchase: 0,
  value_selling: 0,
  unpriced: 0,
});

function addTo(totals: Totals, row: ExportRow): void {
  totals.lines += 1;
  totals.quantity += stockQuantity(row);
  const purchase = stockValue(row, 'purchase_price');
  if (purchase === null) totals.unpriced += 1;
  else totals.value_purchase += purchase;
  totals.value_selling += stockValue(row, 'selling_price') ?? 0;
}

const rounded = (t: Totals): Totals => ({
  lines: t.lines,
  quantity: round3(t.quantity),
  value_purchase: round2(t.value_purchase),
  value_selling: round2(t.value_selling),
  unpriced: t.unpriced,
});

/**
 * Totals gathered while the rows stream by, so the summary costs no second pass over the data and
 * holds one entry per category and month (never one per product).
 */
export class SummaryAccumulator {
  private readonly totals = emptyTotals();
  private readonly categories = new Map<string | null, Totals>();
  private readonly months = new Map<string, Totals>();

  add(row: ExportRow): void {
    addTo(this.totals, row);
    addTo(this.bucket(this.categories, row.category), row);
    addTo(this.bucket(this.months, row.inventory_month), row);
  }

  result(losses: LossSummary | null): ExportSummary {
    const byCategory = [...this.categories.entries()].sort(([a], [b]) =>
      a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'fr'),
    );
    const byMonth = [...this.months.entries()].sort(([a], [b]) => a.localeCompare(b));
    return {
      totals: rounded(this.totals),
      by_category: byCategory.map(([category, t]) => ({ category, ...rounded(t) })),
      by_month: byMonth.length > 1 ? byMonth.map(([month, t]) => ({ month, ...rounded(t) })) : [],
      losses,
    };
  }

  private bucket<K>(map: Map<K, Totals>, key: K): Totals {
    let totals = map.get(key);
    if (!totals) {
      totals = emptyTotals();
      map.set(key, totals);
    }
    return totals;
  }
}
