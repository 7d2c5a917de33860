import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { forgetQueries } from '../../lib/query-persist';
import { getSession, onSessionChange, sessionClaims, setSession } from '../../lib/session';
import { useTRPCClient } from '../../lib/trpc';

// A chosen logout goes to a plain /login; an expired session goes to /login?next=<where it ended>.
let loggedOut = false;
onSessionChange((session) => {
  if (session) loggedOut = false;
});

/** True when the session was ended by the user (the shell then skips `?next=`). */
export function endedByLogout(): boolean {
  return loggedOut;
}

/** Ends the session here at once, then tells the server (best effort: offline logout still logs out). */
export function useLogout() {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(() => {
    const session = getSession();
    const claims = sessionClaims();
    // The answers kept for offline use go with the session (counts typed offline stay: they are the person's).
    if (claims) void forgetQueries(`${claims.userId}/${claims.tenantId ?? ''}`);
    loggedOut = true;
    setSession(null);
    queryClient.clear();
    void navigate('/login', { replace: true });
    if (session) client.auth.logout.mutate({ refresh: session.refresh }).catch(() => undefined);
  }, [client, queryClient, navigate]);
}
