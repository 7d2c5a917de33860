import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../../lib/trpc';

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
  });
  return { search, setSearch, debounced, results };
}
