import type { InviteResult } from '@stockscan/contracts';
import { useT } from '../../i18n/i18n';
import { InviteLink } from './InviteLink';
import { teamMessages } from './messages';

/**
 * What happened to the email, said plainly: when it was not sent, the link is the only way in, so it comes
 * first with its copy button and the message stays until closed.
 */
export function InviteOutcome({
  result,
  tenant,
  resent = false,
  onClose,
}: {
  result: InviteResult;
  tenant: string;
  resent?: boolean;
  onClose?: () => void;
}) {
  const t = useT(teamMessages);
  const vars = { email: result.email };
  const sent = result.email_sent;
  return (
    <div className={sent ? 'alert alert-ok invite-outcome' : 'alert alert-warn invite-outcome'} role="status">
      <p>
        <strong>
          {sent
            ? resent
              ? t('resent', vars)
              : t('invite_sent', vars)
            : resent
              ? t('resent_not_sent', vars)
              : t('invite_not_sent', vars)}
        </strong>
      </p>
      <p>{sent ? t('invite_sent_hint') : t('invite_not_sent_hint')}</p>
      <InviteLink link={result.invite_link} email={result.email} tenant={tenant} />
      {onClose ? (
        <button type="button" className="button" onClick={onClose}>
          {t('close')}
        </button>
      ) : null}
    </div>
  );
}
