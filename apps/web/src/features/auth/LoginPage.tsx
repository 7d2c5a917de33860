import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { networkFailure } from '../../shared/feedback/described-error';
import { ErrorNotice } from '../../shared/feedback/ErrorNotice';
import { Field, PasswordField } from '../../shared/forms/Field';
import { focusFirstInvalid } from '../../shared/forms/form-helpers';
import { useFieldErrors } from '../../shared/forms/useFieldErrors';
import { useHydrated } from '../../shared/forms/useHydrated';
import { loadOnce } from '../../shared/load-once';
import { useSignedIn } from '../../shared/session/useSignedIn';
import { safeNext, useCountdown } from './login-helpers';
import { loginMessages } from './login-messages';
import { authCommon } from './messages';
import type { SignInRefusal } from './sign-in';
import './auth.css';

type Fields = Partial<Record<'identifier' | 'password', string>>;

/**
 * The code that calls the API (tRPC client, react-query): fetched when the form is first used, not with the
 * page (#21). A failed fetch (offline) is not kept: the next try fetches again.
 */
const loadSignIn = loadOnce(() => import('./sign-in'));

/** /login — username or email + password; `?next=` brings the user back where the session ran out. */
export function LoginPage() {
  const t = useT(loginMessages);
  const tc = useT(authCommon);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signedIn = useSignedIn();
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);

  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const { errors: fields, setErrors: setFields, change } = useFieldErrors<keyof Fields>();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<SignInRefusal | null>(null);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const waitSeconds = useCountdown(blockedUntil);

  async function logIn(credentials: { username: string; password: string }) {
    setPending(true);
    let refusal: SignInRefusal | null;
    try {
      const { signIn } = await loadSignIn();
      refusal = await signIn(credentials);
    } catch {
      // The sign-in code could not be fetched: the server was not reached either.
      refusal = {
        code: 'NETWORK',
        describe: (locale) => networkFailure(locale, true),
        fields: {},
        retryAfter: null,
      };
    }
    if (refusal === null) {
      await navigate(next, { replace: true });
      return;
    }
    setPending(false);
    setFailure(refusal);
    setFields(refusal.fields);
    if (refusal.code === 'RATE_LIMITED') setBlockedUntil(Date.now() + (refusal.retryAfter ?? 60) * 1000);
  }

  // Hydrated over the prerendered page: what was typed before the page ran is in the fields, not in the state.
  useEffect(() => {
    const typed = (name: string) =>
      (form.current?.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    if (typed('username')) setIdentifier(typed('username'));
    if (typed('password')) setPassword(typed('password'));
  }, []);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const missing: Fields = {
      identifier: identifier.trim() ? undefined : t('identifier_required'),
      password: password ? undefined : t('password_required'),
    };
    setFields(missing);
    if (missing.identifier || missing.password) {
      focusFirstInvalid(event?.currentTarget);
      return;
    }
    setFailure(null);
    void logIn({ username: identifier.trim(), password });
  }

  // Typing again is fixing: the "wrong password" sentence goes; network and rate-limit notices stay.
  function edited() {
    if (failure?.code === 'INVALID_CREDENTIALS' || failure?.code === 'VALIDATION_ERROR') setFailure(null);
  }

  const blocked = failure?.code === 'RATE_LIMITED' && waitSeconds > 0;

  return (
    <section className="auth-page">
      <div className="auth-card">
        <h1>{t('title')}</h1>
        <p className="muted">{t('lead')}</p>

        {signedIn ? (
          <div className="alert alert-ok auth-notice">
            <p>{t('already_signed_in')}</p>
            <Link className="button button-primary" to={next}>
              {tc('to_app')}
            </Link>
          </div>
        ) : null}

        {failure ? (
          <LoginFailure
            failure={failure}
            waitSeconds={waitSeconds}
            onRetry={() => submit()}
            onDismiss={() => setFailure(null)}
          />
        ) : null}

        {/* POST: were it ever sent by the browser itself (before the prerendered page runs), no password in a URL. */}
        {/* Focusing a field starts fetching the code that logs in: it is there by the time the form is sent. */}
        <form
          ref={form}
          method="post"
          onSubmit={submit}
          onFocus={() => void loadSignIn().catch(() => {})}
          noValidate
        >
          <Field
            label={t('identifier')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={identifier}
            error={fields.identifier}
            onChange={change('identifier', setIdentifier, edited)}
          />
          <PasswordField
            label={t('password')}
            name="password"
            autoComplete="current-password"
            value={password}
            error={fields.password}
            onChange={change('password', setPassword, edited)}
          />
          <p className="auth-forgot">
            <Link to="/forgot-password">{tc('forgot_link')}</Link>
          </p>
          <button
            type="submit"
            className="button button-primary auth-submit"
            disabled={!hydrated || pending || blocked}
          >
            {pending ? t('submitting') : t('submit')}
          </button>
        </form>

        <p className="auth-switch">
          {t('no_account')} <Link to="/register">{t('register')}</Link>
        </p>
      </div>
    </section>
  );
}

/** The failure told in words, with the one action that fits it (never "resend the email" on a network error). */
function LoginFailure({
  failure,
  waitSeconds,
  onRetry,
  onDismiss,
}: {
  failure: SignInRefusal;
  waitSeconds: number;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const t = useT(loginMessages);
  const tc = useT(authCommon);
  const { locale } = useLocale();
  const dismiss = (
    <button type="button" className="alert-close" aria-label={tc('dismiss_label')} onClick={onDismiss}>
      <span aria-hidden="true">×</span>
    </button>
  );
  switch (failure.code) {
    case 'INVALID_CREDENTIALS':
      return (
        <div className="alert alert-error auth-alert" role="alert">
          {dismiss}
          <p>{t('invalid_credentials')}</p>
          <div className="auth-alert-actions">
            <Link className="button button-ghost" to="/forgot-password">
              {tc('forgot_link')}
            </Link>
          </div>
        </div>
      );
    case 'RATE_LIMITED':
      return (
        <div
          className={waitSeconds > 0 ? 'alert alert-warn auth-alert' : 'alert alert-ok auth-alert'}
          role="status"
        >
          {dismiss}
          <p>{waitSeconds > 0 ? tc('rate_limited_wait', { s: waitSeconds }) : tc('rate_limited_over')}</p>
        </div>
      );
    case 'EMAIL_NOT_VERIFIED':
      return (
        <div className="alert alert-warn auth-alert" role="alert">
          {dismiss}
          <p>{t('email_not_verified')}</p>
        </div>
      );
    case 'VALIDATION_ERROR':
      return null;
    default:
      return <ErrorNotice described={failure.describe(locale)} onRetry={onRetry} onDismiss={onDismiss} />;
  }
}
