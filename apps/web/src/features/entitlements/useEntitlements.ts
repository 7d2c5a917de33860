import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTRPC } from '../../lib/trpc';
import { checksFor } from './entitlements-model';

/**
 * The tenant's plan, limits and usage (`entitlements.get`), with verdicts to disable a button before the
 * server says no: `const { canAdd } = useEntitlements(); const v = canAdd('max_products');`.
 */
export function useEntitlements() {
  const trpc = useTRPC();
  const query = useQuery(trpc.entitlements.get.queryOptions());
  const checks = useMemo(() => checksFor(query.data), [query.data]);
  return {
    ...checks,
    data: query.data,
    isPending: query.isPending,
    error: query.error,
    refetch: query.refetch,
  };
}

/** Call after creating or deleting products, services, members, or after an export: usage has changed. */
export function useRefreshEntitlements() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.entitlements.get.queryKey() }),
    [queryClient, trpc],
  );
}
