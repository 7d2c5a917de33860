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
  return useCallback(() => {
    const session = getSession();
    setSession(null);
    queryClient.clear();
    void navigate('/login', { replace: true });
    if (session) client.auth.logout.mutate({ refresh: session.refresh }).catch(() => undefined);
  }, [client, queryClient, navigate]);
}
