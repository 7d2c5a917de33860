import type { AppRouter } from '@stockscan/api';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useSyncExternalStore } from 'react';
import { onSessionChange, sessionClaims } from '../../../lib/session';
import { errorCode, useTRPC, useTRPCClient } from '../../../lib/trpc';
import { fieldErrors } from '../../../shared/feedback/describe-error';
import { CountSync, type SyncSnapshot } from './count-sync';
import { LineStore } from './line-store';
import { adoptLegacyQueue, queueKeyOf, wireLine } from './pending-queue';
import { withSavedLines } from './screen-cache';

type Outputs = inferRouterOutputs<AppRouter>;
type ScreenPage = Outputs['inventory']['counts']['screen'];

/** The input of a count screen query (its key's second part). */
function screenInput(key: readonly unknown[]) {
  return (key[1] as { input?: { service_id?: string; month?: string; location_id?: string } } | undefined)
    ?.input;
}
export type UpsertResult = Outputs['inventory']['counts']['upsert'];
export type Count = UpsertResult['counts'][number];
type TrpcClient = ReturnType<typeof useTRPCClient>;
type Trpc = ReturnType<typeof useTRPC>;

/** The tenant the stored session acts on (the access token's `tid`), readable offline. */
export function tenantOfSession(): string | null {
  return sessionClaims()?.tenantId ?? null;
}

/** The signed-in person's queue (the phone's old shared queue is theirs on first sign-in). */
function followOwner(loop: CountSync<UpsertResult>): void {
  const claims = sessionClaims();
  if (claims) {
    const key = queueKeyOf(claims.userId);
    adoptLegacyQueue(localStorage, key);
    loop.setStorageKey(key);
  }
  loop.setTenant(claims?.tenantId ?? null);
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
    weight_g: count.weight_g,
    counted_by: count.counted_by,
    counted_by_name: me && count.counted_by === me.id ? me.username : null,
    counted_at: count.counted_at,
  }));
}

let sync: CountSync<UpsertResult> | null = null;

/**
 * One loop per app (it keeps sending after the count screen is left), started with the signed-in app (the
 * offline dock): what an earlier visit left leaves at once, not when the count screen opens.
 */
function startSync(client: TrpcClient, queryClient: QueryClient, trpc: Trpc): CountSync<UpsertResult> {
  if (sync) return sync;
  const loop = new CountSync<UpsertResult>({
    storage: localStorage,
    send: (batch) =>
      client.inventory.counts.upsert.mutate({
        service_id: batch.scope.service_id,
        month: batch.scope.month,
        lines: batch.lines.map(wireLine),
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
      const saved = savedLines(result.counts, me);
      lineStore.learn(batch.scope.service_id, batch.scope.month, saved, { mine: true });
      // The kept pages too (not refetched under the thumb): a reload offline shows what was counted.
      for (const query of queryClient.getQueryCache().findAll(trpc.inventory.counts.screen.pathFilter())) {
        const input = screenInput(query.queryKey);
        if (input?.service_id !== batch.scope.service_id || input.month !== batch.scope.month) continue;
        const data = query.state.data as InfiniteData<ScreenPage> | undefined;
        if (data) queryClient.setQueryData(query.queryKey, withSavedLines(data, saved, input.location_id));
      }
      // Progress and dashboard figures follow; the list itself is not refetched under the person's thumb.
      void queryClient.invalidateQueries(trpc.inventory.counts.progress.pathFilter());
      void queryClient.invalidateQueries(trpc.inventory.stats.pathFilter());
      void queryClient.invalidateQueries(trpc.inventory.alerts.pathFilter());
    },
  });
  followOwner(loop);
  onSessionChange(() => followOwner(loop));
  window.addEventListener('online', () => loop.wake());
  window.addEventListener('offline', () => loop.reload());
  window.addEventListener('storage', (event) => {
    if (event.key === loop.key || event.key === null) loop.reload();
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
