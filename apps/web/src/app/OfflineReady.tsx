import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState, useSyncExternalStore } from 'react';
import { persistQueries, restoreQueries } from '../lib/query-persist';
import { onSessionChange, sessionClaims } from '../lib/session';
import { registerServiceWorker } from './service-worker';

/** Whose answers are kept: one store per person and tenant. */
function ownerOfSession(): string | null {
  const claims = sessionClaims();
  return claims ? `${claims.userId}/${claims.tenantId ?? ''}` : null;
}

/**
 * Puts back the answers kept from the last visit (a reload offline shows the count screen as last seen), keeps
 * new ones as they arrive, and registers the service worker. Renders the app once the store was read.
 */
export function OfflineReady({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const owner = useSyncExternalStore(onSessionChange, ownerOfSession);
  const [restored, setRestored] = useState<string | null>(null);
  useEffect(() => {
    if (!owner) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void restoreQueries(queryClient, owner).finally(() => {
      if (cancelled) return;
      stop = persistQueries(queryClient, owner);
      setRestored(owner);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [queryClient, owner]);
  useEffect(registerServiceWorker, []);
  // Signed out: the layout sends to the login page at once.
  if (owner && restored === null) return <div aria-busy="true" />;
  return children;
}
