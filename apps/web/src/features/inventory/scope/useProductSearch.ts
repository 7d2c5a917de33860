import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { knownProducts } from './known-products';

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
      const items = knownProducts(
        queryClient.getQueriesData(trpc.inventory.products.list.pathFilter()),
        queryClient.getQueriesData(trpc.inventory.counts.screen.pathFilter()),
        serviceId,
        debounced,
        limit,
      );
      return items.length > 0 ? { items, next_cursor: null } : previous;
    },
  });
  return { search, setSearch, debounced, results };
}
