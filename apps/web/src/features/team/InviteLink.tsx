import { useId, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { canShare, copyText } from './clipboard';
import { teamMessages } from './messages';

/** The invitation link in a read-only field, with "copy" (and "share" on a phone). */
export function InviteLink({ link, email, tenant }: { link: string; email: string; tenant: string }) {
  const t = useT(teamMessages);
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    setCopied(await copyText(link, field.current));
  }

  async function share() {
    try {
      await navigator.share({
        title: t('link_share_title'),
        text: t('link_share_text', { tenant, link }),
      });
    } catch {
      // Closed by the person, or not allowed: the copy button is still there.
    }
  }

  return (
    <div className="invite-link">
      <label htmlFor={id}>{t('link_label', { email })}</label>
      <input
        id={id}
        ref={field}
        type="text"
        readOnly
        value={link}
        onFocus={(event) => event.currentTarget.select()}
        className="invite-link-field"
      />
      <div className="team-actions">
        <button type="button" className="button button-primary" onClick={copy}>
          {t('link_copy')}
        </button>
        {canShare() ? (
          <button type="button" className="button button-ghost" onClick={share}>
            {t('link_share')}
          </button>
        ) : null}
      </div>
      <p className={copied === false ? 'field-error' : 'muted'} role="status" aria-live="polite">
        {copied === true ? t('link_copied') : copied === false ? t('link_copy_failed') : ''}
      </p>
    </div>
  );
}
