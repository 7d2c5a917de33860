import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import type { ScanOutcome } from './ScanResult';

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
