import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { getSession, setSession } from '../../lib/session';
import { useTRPCClient } from '../../lib/trpc';

/** Ends the session here at once, then tells the server (best effort: offline logout still logs out). */
export function useLogout() {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    const session = getSession();
    // Leave the app first: cleared while still inside, the shell would send us to /login?next=<here>.
    await navigate('/login', { replace: true });
    setSession(null);
    queryClient.clear();
    if (session) client.auth.logout.mutate({ refresh: session.refresh }).catch(() => undefined);
  }, [client, queryClient, navigate]);
}
