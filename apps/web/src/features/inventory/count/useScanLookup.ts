import type { AppRouter } from '@stockscan/api';
import { type InfiniteData, type QueryClient, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import type { RowProduct } from './count-values';
import type { ScanOutcome } from './ScanResult';

type ScreenPage = inferRouterOutputs<AppRouter>['inventory']['counts']['screen'];

/** Offline: the product with this code among the service's products kept on the phone (the count screen's pages). */
export function knownProduct(
  pages: Iterable<readonly [readonly unknown[], InfiniteData<ScreenPage> | undefined]>,
  serviceId: string,
  code: string,
): RowProduct | null {
  for (const [key, data] of pages) {
    const input = (key[1] as { input?: { service_id?: string } } | undefined)?.input;
    if (input?.service_id !== serviceId) continue;
    for (const page of data?.pages ?? [])
      for (const { product } of page.items)
        if (product.barcode === code || product.internal_sku === code) return product;
  }
  return null;
}

function cachedScreens(queryClient: QueryClient, trpc: ReturnType<typeof useTRPC>) {
  return queryClient.getQueriesData<InfiniteData<ScreenPage>>(trpc.inventory.counts.screen.pathFilter());
}

/** A scanned (or typed) code looked up in the service, and where the answer is pinned on the screen. */
export function useScanLookup(serviceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [scanOpen, setScanOpen] = useState(false);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const pinnedRef = useRef<HTMLDivElement>(null);
  const lookUp = useCallback(
    async (code: string) => {
      setScanOpen(false);
      // No network: the catalogue kept on the phone answers (counting goes on in the cellar).
      if (navigator.onLine === false) {
        const product = knownProduct(cachedScreens(queryClient, trpc), serviceId, code);
        setOutcome(
          product
            ? { kind: 'found', product, lastCounts: [] }
            : { kind: 'failed', code, error: new Error('offline') },
        );
        return;
      }
      setOutcome({ kind: 'looking', code });
      try {
        const found = await queryClient.fetchQuery({
          ...trpc.inventory.lookup.queryOptions({ service_id: serviceId, code }),
          staleTime: 0,
        });
        if (found.match === 'this_service' && found.product)
          setOutcome({ kind: 'found', product: found.product, lastCounts: found.last_counts });
        else if (found.match === 'other_service' && found.product && found.service)
          setOutcome({ kind: 'other_service', product: found.product, service: found.service });
        else setOutcome({ kind: 'unknown', code });
      } catch (error) {
        setOutcome({ kind: 'failed', code, error });
      }
    },
    [queryClient, trpc, serviceId],
  );
  useEffect(() => {
    if (!outcome || outcome.kind === 'looking') return;
    pinnedRef.current?.scrollIntoView({ block: 'start' });
    // The dialog gave focus back to the scan button: move it to what to do next (a found row focuses itself).
    if (outcome.kind !== 'found')
      pinnedRef.current?.querySelector<HTMLElement>('input, .button-primary, button')?.focus();
  }, [outcome]);
  return { scanOpen, setScanOpen, outcome, setOutcome, lookUp, pinnedRef };
}
