import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC, useTRPCClient } from '../../../lib/trpc';
import { ChangesPoller } from '../team/changes-poller';
import { lineStore } from './useCountSync';

/** A quantity field has the focus: a reload of the list now could move the row being typed in. */
const typing = () => document.activeElement?.classList.contains('qty-input') === true;

/**
 * Other people's counts (and the lines they cleared) on this screen without a reload: polls `counts.changes`
 * every few seconds into the line store (rows re-render on their own lines only; nothing typed is touched). When more changed than one
 * answer carries, the list is reloaded — not while someone is typing in it.
 */
export function useLiveCounts(serviceId: string, month: string): void {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    let reloadWanted = false;
    const poller = new ChangesPoller({
      fetch: (since) =>
        client.inventory.counts.changes.query({ service_id: serviceId, month, ...(since ? { since } : {}) }),
      isActive: () => document.visibilityState !== 'hidden' && navigator.onLine !== false,
      onResult: (result) => {
        // Clearings first: a line counted again after its clearing is then learnt over it.
        const cleared = lineStore.learnCleared(serviceId, month, result.cleared);
        const changed = lineStore.learn(serviceId, month, result.lines) || cleared;
        if (changed) void queryClient.invalidateQueries(trpc.inventory.counts.progress.pathFilter());
        reloadWanted ||= result.truncated;
        if (reloadWanted && !typing()) {
          reloadWanted = false;
          void queryClient.invalidateQueries(trpc.inventory.counts.screen.pathFilter());
        }
      },
    });
    poller.start();
    const onVisible = () => {
      if (document.visibilityState === 'visible') poller.pollNow();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onVisible);
    return () => {
      poller.stop();
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onVisible);
    };
  }, [client, trpc, queryClient, serviceId, month]);
}
