import type { AppRouter } from '@stockscan/api';
import type { QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useSyncExternalStore } from 'react';
import { getSession, onSessionChange } from '../../../lib/session';
import { errorCode, useTRPC, useTRPCClient } from '../../../lib/trpc';
import { fieldErrors } from '../../../shared/feedback/describe-error';
import { CountSync, type SyncSnapshot } from './count-sync';
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

/**
 * Counts the server confirmed during this visit, by `service/month/product` (null: cleared): they win over
 * the cached pages of the list, which are not refetched under the person's thumb.
 */
const confirmed = new Map<string, Count | null>();
let confirmedVersion = 0;
const confirmedListeners = new Set<() => void>();
const confirmedKey = (serviceId: string, month: string, productId: string) =>
  `${serviceId}/${month}/${productId}`;

function confirm(counts: readonly Count[]): void {
  for (const count of counts)
    confirmed.set(confirmedKey(count.service_id, count.inventory_month, count.product_id), count);
  confirmedVersion++;
  for (const listener of confirmedListeners) listener();
}

/** A count cleared on the server: the row shows "à compter" again. */
export function forgetConfirmed(serviceId: string, month: string, productId: string): void {
  confirmed.set(confirmedKey(serviceId, month, productId), null);
  confirmedVersion++;
  for (const listener of confirmedListeners) listener();
}

/** The count confirmed during this visit: a Count, null when cleared, undefined when not touched. */
export function confirmedCount(
  serviceId: string,
  month: string,
  productId: string,
): Count | null | undefined {
  return confirmed.get(confirmedKey(serviceId, month, productId));
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
    onSaved: (_batch, result) => {
      confirm(result.counts);
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
export function useCountSync(): {
  sync: CountSync<UpsertResult>;
  snapshot: SyncSnapshot;
  confirmedVersion: number;
} {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const loop = startSync(client, queryClient, trpc);
  const snapshot = useSyncExternalStore(loop.subscribe, loop.getSnapshot);
  const version = useSyncExternalStore(subscribeConfirmed, () => confirmedVersion);
  return { sync: loop, snapshot, confirmedVersion: version };
}

function subscribeConfirmed(listener: () => void): () => void {
  confirmedListeners.add(listener);
  return () => confirmedListeners.delete(listener);
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
