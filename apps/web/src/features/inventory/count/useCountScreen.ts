import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import type { CountStatusFilterValue } from './CountFilters';

const PAGE_SIZE = 60;

/**
 * The month's products of a service — or of one place, its shelves first — filtered (search typed, category,
 * counted or not), page by page.
 */
export function useCountScreen(serviceId: string, month: string, locationId: string | null) {
  const trpc = useTRPC();
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 300);
    return () => clearTimeout(timer);
  }, [searchText]);
  const [status, setStatus] = useState<CountStatusFilterValue>('all');
  const [category, setCategory] = useState('');
  const input = {
    service_id: serviceId,
    month,
    limit: PAGE_SIZE,
    ...(locationId ? { location_id: locationId } : {}),
    ...(search ? { search } : {}),
    ...(category ? { category } : {}),
    ...(status !== 'all' ? { status } : {}),
  };
  const screen = useInfiniteQuery(
    trpc.inventory.counts.screen.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.next_cursor ?? undefined,
      staleTime: 60_000,
    }),
  );
  const items = useMemo(() => screen.data?.pages.flatMap((p) => p.items) ?? [], [screen.data]);

  function clearFilters() {
    setStatus('all');
    setCategory('');
    setSearchText('');
    setSearch('');
  }

  return {
    screen,
    items,
    retentionLimited: screen.data?.pages[0]?.retention_limited === true,
    filters: { searchText, setSearchText, search, status, setStatus, category, setCategory, clearFilters },
  };
}

export type CountScreenState = ReturnType<typeof useCountScreen>;
