import type { InvitationView, InviteResult } from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { ConfirmDialog } from './ConfirmDialog';
import { formatDay, formatRelative } from './format';
import { InviteOutcome } from './InviteOutcome';
import { teamMessages } from './messages';

export interface KnownLink {
  result: InviteResult;
  resent: boolean;
}

/** Pending (and lapsed) invitations: when each ends, whether the email left, and renew / cancel. */
export function InvitationsList({
  invitations,
  serviceNames,
  links,
  focusId,
  tenant,
  resendingId,
  onResend,
  onChanged,
  now,
}: {
  invitations: readonly InvitationView[];
  serviceNames: ReadonlyMap<string, string>;
  /** Links created or renewed during this visit (the server shows a link only once). */
  links: Readonly<Record<string, KnownLink>>;
  /** The invitation just created or renewed: its outcome takes the focus (and scrolls into view). */
  focusId: string | null;
  tenant: string;
  resendingId: string | null;
  onResend: (invitation: InvitationView) => void;
  onChanged: () => void;
  now: Date;
}) {
  const t = useT(teamMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const showError = useErrorToast();
  const [confirming, setConfirming] = useState<InvitationView | null>(null);
  const cancel = useMutation(
    trpc.members.cancelInvitation.mutationOptions({
      onSuccess: () => {
        if (confirming) toast.ok(t('invitation_canceled', { email: confirming.email }));
        setConfirming(null);
        onChanged();
      },
      onError: (error) => {
        setConfirming(null);
        showError(error);
      },
    }),
  );

  return (
    <section className="team-section" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('invitations_title')}</h2>
      {invitations.length === 0 ? (
        <p className="muted team-empty">{t('invitations_empty')}</p>
      ) : (
        <ul className="team-list">
          {invitations.map((invitation) => {
            const expired = invitation.status === 'EXPIRED';
            const known = links[invitation.id];
            const service = invitation.service_id
              ? (serviceNames.get(invitation.service_id) ?? t('all_services'))
              : t('all_services');
            return (
              <li key={invitation.id} className="team-row" data-testid="invitation">
                <div className="team-row-head">
                  <p className="team-row-name">{invitation.email}</p>
                  <p className="team-row-meta">
                    {t('invitation_meta', { role: t(`role_${invitation.role}`), service })}
                  </p>
                  <p className={expired ? 'team-row-meta team-warn' : 'team-row-meta'}>
                    {expired
                      ? t('invitation_expired', { date: formatDay(invitation.expires_at, locale) })
                      : t('invitation_expires', { when: formatRelative(invitation.expires_at, now, locale) })}
                    {invitation.invited_by
                      ? ` · ${t('invitation_by', { name: invitation.invited_by.username })}`
                      : ''}
                  </p>
                  {!invitation.email_sent && !known ? (
                    <p className="team-badge team-badge-warn">{t('invitation_email_not_sent')}</p>
                  ) : null}
                </div>
                {known ? (
                  <InviteOutcome
                    result={known.result}
                    tenant={tenant}
                    resent={known.resent}
                    focus={focusId === invitation.id}
                  />
                ) : !invitation.email_sent || expired ? (
                  <p className="field-hint">{t('invitation_link_hidden')}</p>
                ) : null}
                <div className="team-actions">
                  <button
                    type="button"
                    className={
                      (!invitation.email_sent || expired) && !known ? 'button button-primary' : 'button'
                    }
                    disabled={resendingId === invitation.id}
                    onClick={() => onResend(invitation)}
                  >
                    {resendingId === invitation.id
                      ? t('resending')
                      : invitation.email_sent
                        ? t('resend')
                        : t('new_link')}
                  </button>
                  <button
                    type="button"
                    className="button button-ghost-danger"
                    aria-label={t('cancel_invitation_label', { email: invitation.email })}
                    onClick={() => setConfirming(invitation)}
                  >
                    {t('cancel_invitation')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('cancel_invitation_title')}
        confirmLabel={t('cancel_invitation_yes')}
        cancelLabel={t('keep')}
        busy={cancel.isPending}
        onConfirm={() => confirming && cancel.mutate({ id: confirming.id })}
        onCancel={() => setConfirming(null)}
      >
        <p>{t('cancel_invitation_text', { email: confirming?.email ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
