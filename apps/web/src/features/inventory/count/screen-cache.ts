import type { AppRouter } from '@stockscan/api';
import type { InfiniteData } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { LineView } from './line-store';

type ScreenPage = inferRouterOutputs<AppRouter>['inventory']['counts']['screen'];
type ScreenItem = ScreenPage['items'][number];
type ScreenLine = ScreenItem['lines'][number];

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** An item's month as the screen sums it (SPEC §11: the sum of its lines). */
function summed(lines: readonly ScreenLine[]): Pick<ScreenItem, 'count' | 'total'> {
  if (lines.length === 0) return { count: null, total: null };
  const fractions = lines.filter((l) => l.remaining_fraction !== null);
  const lots = new Set(lines.map((l) => l.lot_number));
  const expiries = lines.map((l) => l.expiry_date).filter((d): d is string => d !== null);
  return {
    total: round3(lines.reduce((sum, l) => sum + l.quantity + (l.remaining_fraction ?? 0), 0)),
    count: {
      quantity: round3(lines.reduce((sum, l) => sum + l.quantity, 0)),
      container_status: lines.some((l) => l.container_status === 'OPENED') ? 'OPENED' : 'SEALED',
      remaining_fraction:
        fractions.length === 0
          ? null
          : round3(fractions.reduce((s, l) => s + (l.remaining_fraction ?? 0), 0)),
      expiry_date: expiries.length === 0 ? null : (expiries.sort()[0] as string),
      lot_number: lots.size === 1 ? ([...lots][0] ?? null) : null,
      counted_at: lines
        .map((l) => l.counted_at)
        .sort()
        .at(-1) as string,
    },
  };
}

/**
 * The count screen's kept pages with our saved lines written in (a newer line of the same place replaces the
 * older one): what a reload offline shows is what was counted, not the list as first loaded. `location` is the
 * page's place filter (its lines are that place's only); undefined = the whole service.
 */
export function withSavedLines(
  data: InfiniteData<ScreenPage>,
  saved: readonly (LineView & { product_id: string })[],
  location: string | undefined,
): InfiniteData<ScreenPage> {
  const byProduct = new Map<string, ScreenLine[]>();
  for (const { product_id, ...line } of saved) {
    if (location !== undefined && line.location_id !== location) continue;
    const list = byProduct.get(product_id) ?? [];
    list.push({
      ...line,
      expiry_date: line.expiry_date ?? null,
      lot_number: line.lot_number ?? null,
      weight_g: line.weight_g ?? null,
    });
    byProduct.set(product_id, list);
  }
  if (byProduct.size === 0) return data;
  return {
    ...data,
    pages: data.pages.map((page) => {
      if (!page.items.some((item) => byProduct.has(item.product.id))) return page;
      return {
        ...page,
        items: page.items.map((item) => {
          const lines = byProduct.get(item.product.id);
          if (!lines) return item;
          const merged = new Map(item.lines.map((l) => [l.location_id ?? '', l]));
          for (const line of lines) {
            const before = merged.get(line.location_id ?? '');
            if (!before || before.counted_at <= line.counted_at) merged.set(line.location_id ?? '', line);
          }
          const next = [...merged.values()];
          return { ...item, lines: next, ...summed(next) };
        }),
      };
    }),
  };
}
