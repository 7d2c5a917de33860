import { PasswordResetConfirmInput } from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { PasswordField } from '../../shared/forms/Field';
import { issuesByField } from '../../shared/forms/form-helpers';
import { useFieldErrors } from '../../shared/forms/useFieldErrors';
import { authCommon } from './messages';
import { passwordMessages } from './password-messages';
import './auth.css';

function InvalidLink() {
  const t = useT(passwordMessages);
  return (
    <div className="alert alert-error auth-alert" role="alert">
      <p>{t('link_invalid')}</p>
      <div className="auth-alert-actions">
        <Link className="button button-primary" to="/forgot-password">
          {t('link_new')}
        </Link>
      </div>
    </div>
  );
}

/** /reset-password?token= — the emailed link: a new password, then log in. */
export function ResetPasswordPage() {
  const t = useT(passwordMessages);
  const tc = useT(authCommon);
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, setErrors, change } = useFieldErrors<'password' | 'confirm'>();
  const reset = useMutation(
    trpc.auth.confirmPasswordReset.mutationOptions({
      onError: (error) => {
        const server = fieldErrors(error);
        if (server.password) setErrors({ password: tc('password_rule') });
        else if (server.password_confirm) setErrors({ confirm: tc('password_mismatch') });
      },
    }),
  );

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const parsed = PasswordResetConfirmInput.safeParse({ token, password, password_confirm: confirm });
    const issues = parsed.success ? {} : issuesByField(parsed.error.issues);
    const next = {
      password: issues.password ? tc('password_rule') : undefined,
      confirm: confirm !== password || issues.password_confirm ? tc('password_mismatch') : undefined,
    };
    setErrors(next);
    if (!parsed.success) return;
    reset.mutate(parsed.data);
  }

  if (reset.isSuccess) {
    return (
      <section className="auth-page">
        <div className="auth-card">
          <h1>{t('reset_done_title')}</h1>
          <p role="status">{t('reset_done')}</p>
          <p className="auth-actions">
            <Link className="button button-primary" to="/login">
              {tc('to_login')}
            </Link>
          </p>
        </div>
      </section>
    );
  }

  const code = reset.error ? errorCode(reset.error) : null;
  return (
    <section className="auth-page">
      <div className="auth-card">
        <h1>{t('reset_title')}</h1>
        {!token || code === 'TOKEN_INVALID' ? (
          <InvalidLink />
        ) : (
          <>
            <p className="muted">{t('reset_lead')}</p>
            {code && code !== 'VALIDATION_ERROR' ? (
              <ErrorMessage error={reset.error} onRetry={() => submit()} onDismiss={() => reset.reset()} />
            ) : null}
            <form onSubmit={submit} noValidate>
              <PasswordField
                label={t('new_password')}
                name="new-password"
                autoComplete="new-password"
                value={password}
                hint={tc('password_rule')}
                error={errors.password}
                onChange={change('password', setPassword)}
              />
              <PasswordField
                label={t('confirm_password')}
                name="confirm-password"
                autoComplete="new-password"
                value={confirm}
                error={errors.confirm}
                onChange={change('confirm', setConfirm)}
              />
              <button type="submit" className="button button-primary auth-submit" disabled={reset.isPending}>
                {reset.isPending ? tc('sending') : t('reset_submit')}
              </button>
            </form>
          </>
        )}
        <p className="auth-switch">
          <Link to="/login">{t('back_login')}</Link>
        </p>
      </div>
    </section>
  );
}
