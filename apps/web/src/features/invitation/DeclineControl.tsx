import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { invitationMessages } from './messages';

/** "Decline" asks once more before the invitation is cancelled. */
export function DeclineControl({
  token,
  tenant,
  onDeclined,
}: {
  token: string;
  tenant: string;
  onDeclined: () => void;
}) {
  const t = useT(invitationMessages);
  const trpc = useTRPC();
  const [asking, setAsking] = useState(false);
  const decline = useMutation(trpc.members.declineInvitation.mutationOptions({ onSuccess: onDeclined }));
  if (!asking) {
    return (
      <p className="invitation-decline">
        <button type="button" className="link-button" onClick={() => setAsking(true)}>
          {t('decline')}
        </button>
      </p>
    );
  }
  return (
    <div className="alert alert-warn invitation-decline" role="alert">
      <p>{t('decline_confirm', { tenant })}</p>
      {decline.error ? <ErrorMessage error={decline.error} /> : null}
      <div className="auth-alert-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={decline.isPending}
          onClick={() => decline.mutate({ token })}
        >
          {decline.isPending ? t('declining') : t('decline_yes')}
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)}>
          {t('decline_no')}
        </button>
      </div>
    </div>
  );
}
