import type { AppRouter } from '@stockscan/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../../lib/trpc';

type ListResult = inferRouterOutputs<AppRouter>['inventory']['products']['list'];
type Product = ListResult['items'][number];

/** A product known on the phone matches a search when every word typed is in its name, brand or codes. */
export function matches(
  product: Pick<Product, 'name' | 'brand' | 'barcode' | 'internal_sku'>,
  search: string,
): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const haystack = fold(
    [product.name, product.brand, product.barcode, product.internal_sku].filter(Boolean).join(' '),
  );
  return fold(search)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * The service's catalogue searched as the user types (250 ms debounce): the typed text, the settled search and the
 * matching products. `onlyWhenTyped` waits for a search before asking; `enabled: false` asks nothing.
 */
export function useProductSearch({
  serviceId,
  limit,
  enabled = true,
  onlyWhenTyped = false,
}: {
  serviceId: string;
  limit: number;
  enabled?: boolean;
  onlyWhenTyped?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const results = useQuery({
    ...trpc.inventory.products.list.queryOptions({
      service_id: serviceId,
      limit,
      ...(debounced ? { search: debounced } : {}),
    }),
    enabled: enabled && (!onlyWhenTyped || debounced.length > 0),
    // While the answer is on its way — or cannot come (no network) — the products already known on this phone
    // that match: a loss can be typed in the cellar.
    placeholderData: (previous) => {
      if (!debounced) return previous;
      const known = new Map<string, Product>();
      for (const [, page] of queryClient.getQueriesData<ListResult>(
        trpc.inventory.products.list.pathFilter(),
      ))
        for (const product of page?.items ?? [])
          if (product.service_id === serviceId) known.set(product.id, product);
      const items = [...known.values()].filter((p) => matches(p, debounced)).slice(0, limit);
      return items.length > 0 ? { items, next_cursor: null } : previous;
    },
  });
  return { search, setSearch, debounced, results };
}
