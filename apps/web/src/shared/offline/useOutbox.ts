import { useSyncExternalStore } from 'react';
import { onSessionChange, sessionClaims } from '../../lib/session';
import { errorCode, useTRPCClient } from '../../lib/trpc';
import { type OutboxItem, OutboxLoop, type OutboxSnapshot, outboxKeyOf } from './outbox';
import { isTransient } from './transient';

type TrpcClient = ReturnType<typeof useTRPCClient>;

let loop: OutboxLoop | null = null;
const sentListeners = new Set<(item: OutboxItem) => void>();

function followOwner(outbox: OutboxLoop): void {
  const claims = sessionClaims();
  outbox.setOwner(claims ? outboxKeyOf(claims.userId) : null, claims?.tenantId ?? null);
}

/** The procedure an item replays (its idempotency key is in its input). */
function sendItem(client: TrpcClient, item: OutboxItem): Promise<unknown> {
  // The input was built by the form from the procedure's own schema; the server validates it again.
  if (item.kind === 'loss') return client.inventory.losses.create.mutate(item.input as never);
  return client.inventory.spotChecks.create.mutate(item.input as never);
}

/** One outbox loop per app, started by the signed-in app: it replays at start and on each reconnection. */
function startOutbox(client: TrpcClient): OutboxLoop {
  if (loop) return loop;
  const outbox = new OutboxLoop({
    storage: localStorage,
    send: (item) => sendItem(client, item),
    codeOf: errorCode,
    isTransient,
    isOnline: () => navigator.onLine !== false,
    onSent: (item) => {
      for (const listener of sentListeners) listener(item);
    },
  });
  followOwner(outbox);
  onSessionChange(() => followOwner(outbox));
  window.addEventListener('online', () => outbox.wake());
  window.addEventListener('storage', (event) => {
    if (event.key === outbox.key || event.key === null) outbox.reload();
  });
  outbox.wake();
  loop = outbox;
  return outbox;
}

/** The outbox of losses and spot checks typed offline, and its state. */
export function useOutbox(): { outbox: OutboxLoop; snapshot: OutboxSnapshot } {
  const outbox = startOutbox(useTRPCClient());
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  return { outbox, snapshot };
}

/** Told of every item the server got (the screens refresh what it changes). */
export function onOutboxSent(listener: (item: OutboxItem) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

/** Whether a failed send should go to the outbox rather than be shown as an error. */
export function waitsForNetwork(error: unknown): boolean {
  return errorCode(error) === 'NETWORK';
}
