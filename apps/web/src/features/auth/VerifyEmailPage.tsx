import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { useSignedIn } from '../../shared/session/useSignedIn';
import { authCommon } from './messages';
import { passwordMessages } from './password-messages';
import './auth.css';

/** /verify-email?token= — the link from the sign-up email, used once on arrival. */
export function VerifyEmailPage() {
  const t = useT(passwordMessages);
  const tc = useT(authCommon);
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const signedIn = useSignedIn();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());
  const { mutate } = verify;
  // The token is single-use: one call per page, even when React runs effects twice in development.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate({ token });
  }, [token, mutate]);

  const code = verify.error ? errorCode(verify.error) : null;
  const invalid = !token || code === 'TOKEN_INVALID' || code === 'VALIDATION_ERROR';
  return (
    <section className="auth-page">
      <div className="auth-card">
        <h1>{t('verify_title')}</h1>
        {invalid ? (
          <div className="alert alert-error auth-alert" role="alert">
            <p>{t('verify_invalid')}</p>
          </div>
        ) : verify.isSuccess ? (
          <p className="alert alert-ok" role="status">
            {signedIn ? t('verify_done_signed_in') : t('verify_done')}
          </p>
        ) : code ? (
          <ErrorMessage error={verify.error} onRetry={() => mutate({ token })} />
        ) : (
          <p role="status" aria-live="polite">
            {t('verify_pending')}
          </p>
        )}
        <p className="auth-actions">
          {signedIn ? (
            <Link className="button button-primary" to="/app">
              {tc('to_app')}
            </Link>
          ) : (
            <Link className="button button-primary" to="/login">
              {tc('to_login')}
            </Link>
          )}
        </p>
      </div>
    </section>
  );
}
