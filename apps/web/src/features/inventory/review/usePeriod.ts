import type { Month, ReviewDecision } from '@stockscan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** The service's month: OPEN or CLOSED, who closed it and when, the last reopening. */
export function usePeriod(serviceId: string | undefined, month: Month) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.inventory.periods.get.queryOptions({ service_id: serviceId ?? '', month }),
    enabled: Boolean(serviceId),
    staleTime: 30_000,
  });
}

/** Close, reopen and review decisions; each refreshes the month's status, review and count screen. */
export function usePeriodActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.inventory.periods.pathFilter());
    void queryClient.invalidateQueries(trpc.inventory.counts.screen.pathFilter());
  };
  const close = useMutation(trpc.inventory.periods.close.mutationOptions({ onSuccess: refresh }));
  const reopen = useMutation(trpc.inventory.periods.reopen.mutationOptions({ onSuccess: refresh }));
  const mark = useMutation(trpc.inventory.periods.mark.mutationOptions({ onSuccess: refresh }));
  return { close, reopen, mark };
}

export type { ReviewDecision };
