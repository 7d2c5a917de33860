import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useSignedIn } from '../../shared/session/useSignedIn';
import { invitationMessages } from './messages';

/** The invitation cannot be used (missing, unknown, expired, already accepted): why, and where to go. */
export function DeadEnd({ title, text, login }: { title: string; text: string; login: boolean }) {
  const t = useT(invitationMessages);
  const signedIn = useSignedIn();
  return (
    <>
      <h1>{title}</h1>
      <div className="alert alert-warn" role="alert">
        <p>{text}</p>
      </div>
      <p className="auth-actions">
        {login && signedIn ? (
          <Link className="button button-primary" to="/app">
            {t('to_app')}
          </Link>
        ) : login ? (
          <Link className="button button-primary" to="/login">
            {t('to_login')}
          </Link>
        ) : (
          <Link className="button button-ghost" to="/">
            {t('to_home')}
          </Link>
        )}
      </p>
    </>
  );
}

/** After "decline": the invitation is gone, nothing else to do here. */
export function Declined({ tenant }: { tenant: string }) {
  const t = useT(invitationMessages);
  return (
    <>
      <h1>{t('declined_title')}</h1>
      <p className="alert alert-ok">{t('declined_text', { tenant })}</p>
      <Link className="button button-ghost" to="/">
        {t('to_home')}
      </Link>
    </>
  );
}
