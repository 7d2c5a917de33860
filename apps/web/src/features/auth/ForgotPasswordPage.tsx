import { PasswordResetRequestInput } from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { Field } from '../../shared/forms/Field';
import { authCommon } from './messages';
import { passwordMessages } from './password-messages';
import './auth.css';

/** /forgot-password — always the same confirmation, so nobody learns which addresses have an account. */
export function ForgotPasswordPage() {
  const t = useT(passwordMessages);
  const tc = useT(authCommon);
  const trpc = useTRPC();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const parsed = PasswordResetRequestInput.safeParse({ email });
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    request.mutate(parsed.data);
  }

  if (request.isSuccess) {
    return (
      <section className="auth-page">
        <div className="auth-card">
          <h1>{t('forgot_sent_title')}</h1>
          <p role="status">{t('forgot_sent', { email: request.variables.email })}</p>
          <p className="auth-actions">
            <Link className="button button-primary" to="/login">
              {t('back_login')}
            </Link>
            <button type="button" className="button button-ghost" onClick={() => request.reset()}>
              {t('forgot_again')}
            </button>
          </p>
        </div>
      </section>
    );
  }

  return (
    <section className="auth-page">
      <div className="auth-card">
        <h1>{t('forgot_title')}</h1>
        <p className="muted">{t('forgot_lead')}</p>
        <ErrorMessage error={request.error} onRetry={() => submit()} onDismiss={() => request.reset()} />
        <form onSubmit={submit} noValidate>
          <Field
            label={t('email')}
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            error={invalid ? tc('email_invalid') : null}
            onChange={(event) => {
              setEmail(event.target.value);
              setInvalid(false);
            }}
          />
          <button type="submit" className="button button-primary auth-submit" disabled={request.isPending}>
            {request.isPending ? tc('sending') : t('forgot_submit')}
          </button>
        </form>
        <p className="auth-switch">
          <Link to="/login">{t('back_login')}</Link>
        </p>
      </div>
    </section>
  );
}
