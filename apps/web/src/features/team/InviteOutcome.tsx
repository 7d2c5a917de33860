import type { InviteResult } from '@stockscan/contracts';
import { useEffect, useRef } from 'react';
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
  focus = false,
}: {
  result: InviteResult;
  tenant: string;
  resent?: boolean;
  /** Just happened: bring it into view and read it out. */
  focus?: boolean;
}) {
  const t = useT(teamMessages);
  const box = useRef<HTMLDivElement>(null);
  // A new token means a new outcome to announce, even in a row already on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run for each new link
  useEffect(() => {
    if (!focus) return;
    box.current?.focus({ preventScroll: true });
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    box.current?.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  }, [focus, result.invite_link]);
  const vars = { email: result.email };
  const sent = result.email_sent;
  return (
    <div
      ref={box}
      tabIndex={-1}
      className={sent ? 'alert alert-ok invite-outcome' : 'alert alert-warn invite-outcome'}
      role="status"
    >
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
    </div>
  );
}
