import type { InvitationView, InviteResult } from '@stockscan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import type { KnownLink } from './InvitationsList';

/**
 * The invitation links made during this visit (the server never shows a link twice): a new invitation's row
 * appears at once with its link, a resent one gets its new link; the row just touched takes the focus.
 */
export function useInvitationLinks({
  user,
  refresh,
}: {
  user: { id: string; username: string };
  refresh: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const [links, setLinks] = useState<Record<string, KnownLink>>({});
  const [focusId, setFocusId] = useState<string | null>(null);

  const resend = useMutation(
    trpc.members.resendInvitation.mutationOptions({
      onSuccess: (result) => {
        setLinks((known) => ({ ...known, [result.id]: { result, resent: true } }));
        setFocusId(result.id);
        refresh();
      },
      onError: (error, variables) => showError(error, { retry: () => resend.mutate(variables) }),
    }),
  );

  function invited(result: InviteResult) {
    setLinks((known) => ({ ...known, [result.id]: { result, resent: false } }));
    setFocusId(result.id);
    // The row (with its link) shows at once; the refetch then brings the server's own view of it.
    queryClient.setQueryData(trpc.members.summary.queryKey(), (old) =>
      old && !old.invitations.some((i) => i.id === result.id)
        ? {
            ...old,
            invitations: [
              {
                id: result.id,
                email: result.email,
                role: result.role,
                service_id: result.service_id,
                status: result.status,
                expires_at: result.expires_at,
                email_sent: result.email_sent,
                created_at: new Date().toISOString(),
                invited_by: user,
              },
              ...old.invitations,
            ],
          }
        : old,
    );
    refresh();
  }

  return {
    links,
    focusId,
    invited,
    resend: (invitation: InvitationView) => resend.mutate({ id: invitation.id }),
    resendingId: resend.isPending ? (resend.variables?.id ?? null) : null,
  };
}
