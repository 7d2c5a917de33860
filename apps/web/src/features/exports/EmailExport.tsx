import { type ExportRequestInput, MAX_EXPORT_RECIPIENTS, Recipients } from '@stockscan/contracts';
import { PLAN_NAMES, type Verdict } from '@stockscan/entitlements';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { errorMessages } from '../../shared/feedback/error-messages';
import { FormField } from '../../shared/forms/FormField';
import { billingPath } from '../../shared/links';
import { ResendVerification } from '../../shared/session/ResendVerification';
import { GatedButton } from '../entitlements/GatedButton';
import { useRefreshEntitlements } from '../entitlements/useEntitlements';
import { exportMessages } from './messages';

const MESSAGE_MAX = 2000;
const REASONS = { disabled: 'reason_disabled', timeout: 'reason_timeout', error: 'reason_error' } as const;

/**
 * PRO `exports_email`: the same export, produced on the server and sent as an attachment. Other plans see
 * what it would do and the plan that has it.
 */
export function EmailExport({
  request,
  feature,
  quota,
  defaultEmail,
  emailVerified,
  blocked,
}: {
  /** The export chosen above (service, period, format, containers). */
  request: ExportRequestInput;
  /** `can('exports_email')`. */
  feature: Verdict;
  /** The chosen format's quota verdict. */
  quota: Verdict;
  defaultEmail: string;
  /** Unconfirmed accounts cannot mail files out: the form says how to confirm instead. */
  emailVerified: boolean;
  /** The form above is not valid yet (e.g. range in the wrong order). */
  blocked: boolean;
}) {
  const t = useT(exportMessages);
  const te = useT(errorMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const refreshEntitlements = useRefreshEntitlements();
  const ids = { email: useId() };
  const [email, setEmail] = useState(defaultEmail);
  const [message, setMessage] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const send = useMutation({
    ...trpc.exports.email.mutationOptions(),
    onSettled: () => void refreshEntitlements(),
  });

  if (!feature.ok) {
    return (
      <section className="card export-email export-email-locked" aria-labelledby={`${ids.email}-title`}>
        <h2 id={`${ids.email}-title`}>{t('email_title')}</h2>
        <p>
          {feature.upgrade_to
            ? t('email_locked', { plan: PLAN_NAMES[feature.upgrade_to] })
            : feature.message[locale]}
        </p>
        {feature.upgrade_to ? (
          <Link className="button button-ghost" to={billingPath(feature.upgrade_to)}>
            {te('action_upgrade', { plan: PLAN_NAMES[feature.upgrade_to] })}
          </Link>
        ) : null}
      </section>
    );
  }

  if (!emailVerified) {
    return (
      <section className="card export-email export-email-locked" aria-labelledby={`${ids.email}-title`}>
        <h2 id={`${ids.email}-title`}>{t('email_title')}</h2>
        <p>{t('email_unverified')}</p>
        <ResendVerification />
      </section>
    );
  }

  const serverFields = fieldErrors(send.error);
  const shownEmailError = emailError ?? serverFields.email ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = Recipients.safeParse(email);
    if (!parsed.success) {
      const tooMany = parsed.error.issues.some((issue) => issue.code === 'too_big');
      setEmailError(tooMany ? t('email_too_many', { n: MAX_EXPORT_RECIPIENTS }) : t('email_invalid'));
      return;
    }
    setEmailError(null);
    const trimmed = message.trim();
    send.mutate({ ...request, email: parsed.data, ...(trimmed ? { message: trimmed } : {}) });
  }

  function retrySend() {
    if (send.variables) send.mutate(send.variables);
  }

  const result = send.data;
  return (
    <section className="card export-email" aria-labelledby={`${ids.email}-title`}>
      <h2 id={`${ids.email}-title`}>{t('email_title')}</h2>
      <p className="muted">{t('email_lead')}</p>
      <form onSubmit={submit} noValidate>
        <FormField id={ids.email} label={t('email')} error={shownEmailError}>
          {(aria) => (
            <input
              {...aria}
              type="email"
              multiple
              autoComplete="email"
              inputMode="email"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setEmailError(null);
              }}
            />
          )}
        </FormField>
        <FormField
          label={t('message')}
          hint={t('message_hint', { n: message.length })}
          hintClassName="muted export-counter"
          error={serverFields.message}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={3}
              maxLength={MESSAGE_MAX}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          )}
        </FormField>
        <div className="export-actions">
          <GatedButton verdict={quota} type="submit" busy={send.isPending || blocked}>
            {t('send')}
          </GatedButton>
        </div>
        <p className="muted export-note">{t('counts_as_export')}</p>
      </form>
      {send.isPending ? (
        <div className="export-progress" role="status" aria-live="polite">
          <p>{t('sending', { email: [send.variables.email].flat().join(', ') })}</p>
          <div className="export-bar export-bar-indeterminate" aria-hidden="true">
            <span />
          </div>
        </div>
      ) : null}
      {result && !send.isPending ? (
        result.email.sent ? (
          <p className="alert alert-ok" role="status">
            <span aria-hidden="true">✓ </span>
            {t('sent', { email: result.email.to, filename: result.filename, rows: result.rows })}
          </p>
        ) : (
          <p className="alert alert-warn" role="alert">
            {t('not_sent', {
              email: result.email.to,
              filename: result.filename,
              reason: t(REASONS[result.email.reason as keyof typeof REASONS] ?? 'reason_error'),
            })}
          </p>
        )
      ) : null}
      {send.error && !serverFields.email && !serverFields.message ? (
        <ErrorMessage error={send.error} onRetry={retrySend} onDismiss={send.reset} />
      ) : null}
    </section>
  );
}
