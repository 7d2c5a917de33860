import type { AppRouter } from '@stockscan/api';
import type { QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useSyncExternalStore } from 'react';
import { getSession, onSessionChange } from '../../../lib/session';
import { errorCode, useTRPC, useTRPCClient } from '../../../lib/trpc';
import { fieldErrors } from '../../../shared/feedback/describe-error';
import { CountSync, type SyncSnapshot } from './count-sync';
import { LineStore } from './line-store';
import { STORAGE_KEY } from './pending-queue';

type Outputs = inferRouterOutputs<AppRouter>;
export type UpsertResult = Outputs['inventory']['counts']['upsert'];
export type Count = UpsertResult['counts'][number];
type TrpcClient = ReturnType<typeof useTRPCClient>;
type Trpc = ReturnType<typeof useTRPC>;

/** The tenant the stored session acts on (the access token's `tid`), readable offline. */
export function tenantOfSession(): string | null {
  const access = getSession()?.access;
  if (!access) return null;
  try {
    const payload = JSON.parse(atob(access.split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? '')) as {
      tid?: unknown;
    };
    return typeof payload.tid === 'string' ? payload.tid : null;
  } catch {
    return null;
  }
}

/** The lines learnt during this visit (our saves, other people's polled counts); rows subscribe to it. */
export const lineStore = new LineStore();

/** Our saves as lines: who counted is us (named from auth.me), or the person whose later count was kept. */
export function savedLines(counts: readonly Count[], me: { id: string; username: string } | undefined) {
  return counts.map((count) => ({
    product_id: count.product_id,
    location_id: count.location_id,
    quantity: count.quantity,
    container_status: count.container_status,
    remaining_fraction: count.remaining_fraction,
    expiry_date: count.expiry_date,
    lot_number: count.lot_number,
    counted_by: count.counted_by,
    counted_by_name: me && count.counted_by === me.id ? me.username : null,
    counted_at: count.counted_at,
  }));
}

let sync: CountSync<UpsertResult> | null = null;

/** One loop per app (it keeps sending after the count screen is left), started by the first screen that needs it. */
function startSync(client: TrpcClient, queryClient: QueryClient, trpc: Trpc): CountSync<UpsertResult> {
  if (sync) return sync;
  const loop = new CountSync<UpsertResult>({
    storage: localStorage,
    send: (batch) =>
      client.inventory.counts.upsert.mutate({
        service_id: batch.scope.service_id,
        month: batch.scope.month,
        lines: batch.lines,
      }),
    readFailure: (error) => ({ code: errorCode(error), fields: fieldErrors(error) }),
    isOnline: () => navigator.onLine !== false,
    onRefused: (_batch, failure) => {
      // Closed meanwhile: the month's header says so at once (who closed it, when), not at its next refresh.
      if (failure.code === 'MONTH_CLOSED')
        void queryClient.invalidateQueries(trpc.inventory.periods.pathFilter());
    },
    onSaved: (batch, result) => {
      const me = queryClient.getQueryData(trpc.auth.me.queryKey())?.user;
      lineStore.learn(batch.scope.service_id, batch.scope.month, savedLines(result.counts, me), {
        mine: true,
      });
      // Progress and dashboard figures follow; the list itself is not refetched under the person's thumb.
      void queryClient.invalidateQueries(trpc.inventory.counts.progress.pathFilter());
      void queryClient.invalidateQueries(trpc.inventory.stats.pathFilter());
      void queryClient.invalidateQueries(trpc.inventory.alerts.pathFilter());
    },
  });
  loop.setTenant(tenantOfSession());
  onSessionChange(() => loop.setTenant(tenantOfSession()));
  window.addEventListener('online', () => loop.wake());
  window.addEventListener('offline', () => loop.reload());
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) loop.reload();
  });
  // Lines left by an earlier visit leave now rather than after their old backoff.
  loop.wake();
  sync = loop;
  return loop;
}

/** The pending-count loop and its state; mounting any screen that calls it replays what an earlier visit left. */
export function useCountSync(): { sync: CountSync<UpsertResult>; snapshot: SyncSnapshot } {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const loop = startSync(client, queryClient, trpc);
  const snapshot = useSyncExternalStore(loop.subscribe, loop.getSnapshot);
  return { sync: loop, snapshot };
}

/** Re-renders on what is learnt about one product (its lines), not on other rows' news. */
export function useLearntVersion(serviceId: string, month: string, productId: string): number {
  return useSyncExternalStore(lineStore.subscribe, () => lineStore.version(serviceId, month, productId));
}

/** navigator.onLine, followed. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine !== false);
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}
