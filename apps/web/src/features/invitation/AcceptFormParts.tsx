import type { InvitationPreview } from '@stockscan/contracts';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { errorCode } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { Field, PasswordField } from '../../shared/forms/Field';
import type { AcceptFields } from './accept-form';
import { DEAD_ENDS } from './dead-ends';
import { invitationMessages } from './messages';

type DraftField = 'username' | 'password' | 'confirm';

/** A new account for the invited email: a username (suggested from the email) and a password twice. */
export function NewAccountFields({
  draft,
  errors,
  onChange,
}: {
  draft: Record<DraftField, string>;
  errors: AcceptFields;
  onChange: (field: DraftField, value: string) => void;
}) {
  const t = useT(invitationMessages);
  return (
    <>
      <Field
        label={t('username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        value={draft.username}
        error={errors.username}
        hint={t('username_hint')}
        onChange={(event) => onChange('username', event.target.value)}
      />
      <PasswordField
        label={t('password')}
        name="new-password"
        autoComplete="new-password"
        value={draft.password}
        error={errors.password}
        hint={t('password_hint')}
        onChange={(event) => onChange('password', event.target.value)}
      />
      <PasswordField
        label={t('password_confirm')}
        name="password-confirm"
        autoComplete="new-password"
        value={draft.confirm}
        error={errors.password_confirm}
        onChange={(event) => onChange('confirm', event.target.value)}
      />
    </>
  );
}

/** Why the server said no, when it is not about one field: each refusal with its way out. */
export function AcceptRefusal({
  error,
  preview,
  onDismiss,
}: {
  error: unknown;
  preview: InvitationPreview;
  onDismiss: () => void;
}) {
  const t = useT(invitationMessages);
  if (!error) return null;
  const code = errorCode(error);
  const end = DEAD_ENDS[code];
  if (code === 'INVALID_CREDENTIALS')
    return (
      <div className="alert alert-error" role="alert">
        <p>{t('invalid_password', { email: preview.email })}</p>
        <Link className="button button-ghost" to="/forgot-password">
          {t('forgot')}
        </Link>
      </div>
    );
  if (code === 'ALREADY_MEMBER_OR_INVITED')
    return (
      <div className="alert alert-warn" role="alert">
        <p>{t('already_member', { tenant: preview.tenant.name })}</p>
        <Link className="button button-primary" to="/login">
          {t('to_login')}
        </Link>
      </div>
    );
  if (end)
    return (
      <div className="alert alert-warn" role="alert">
        <p>
          <strong>{t(end.title)}</strong> {t(end.text)}
        </p>
        {end.login ? (
          <Link className="button button-primary" to="/login">
            {t('to_login')}
          </Link>
        ) : null}
      </div>
    );
  // Field messages sit under their fields.
  if (code === 'VALIDATION_ERROR' || code === 'USERNAME_TAKEN') return null;
  return <ErrorMessage error={error} onDismiss={onDismiss} />;
}
