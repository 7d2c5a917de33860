import type { InvitationPreview } from '@stockscan/contracts';
import { useLocale, useT } from '../../i18n/i18n';
import { AcceptForm } from './AcceptForm';
import { DeclineControl } from './DeclineControl';
import { invitationMessages } from './messages';

/** A valid invitation: who invites you where, with which role and until when; then accept or decline. */
export function Invitation({
  token,
  preview,
  onDeclined,
}: {
  token: string;
  preview: InvitationPreview;
  onDeclined: (tenant: string) => void;
}) {
  const t = useT(invitationMessages);
  const { locale } = useLocale();
  const tenant = preview.tenant.name;
  const expires = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(preview.expires_at));
  return (
    <>
      <h1>{t('heading', { tenant })}</h1>
      <p className="lead invitation-lead">
        {preview.invited_by
          ? t('invited_by', { name: preview.invited_by, tenant })
          : t('invited', { tenant })}
      </p>
      <dl className="invitation-facts">
        <div>
          <dt>{t('facts_role')}</dt>
          <dd>
            <strong>{t(`role_${preview.role}`)}</strong>
            <span className="invitation-hint">{t(`role_${preview.role}_hint`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('facts_service')}</dt>
          <dd>{preview.service?.name ?? t('all_services')}</dd>
        </div>
        <div>
          <dt>{t('facts_email')}</dt>
          <dd className="invitation-email">{preview.email}</dd>
        </div>
        <div>
          <dt>{t('facts_expires')}</dt>
          <dd>{expires}</dd>
        </div>
      </dl>
      <AcceptForm token={token} preview={preview} />
      <DeclineControl token={token} tenant={tenant} onDeclined={() => onDeclined(tenant)} />
    </>
  );
}
