import type { PeriodReview } from '@stockscan/contracts';
import { can } from '@stockscan/entitlements';
import { type FormEvent, useId, useState } from 'react';
import { useLocale, useT } from '../../../i18n/i18n';
import { ErrorMessage } from '../../../shared/feedback/ErrorMessage';
import { toast } from '../../../shared/feedback/toast-store';
import { useCurrentRole } from '../../../shared/session/useCurrentRole';
import { m } from './messages';
import { closeWarnings, monthInSentence } from './review-model';
import { usePeriodActions } from './usePeriod';

/** "Clôturer le mois" behind a confirmation; once closed, "Rouvrir" with the reason. */
export function CloseMonth({ review }: { review: PeriodReview }) {
  const { role } = useCurrentRole();
  if (!can(role, 'month.close')) return null;
  return review.period.status === 'CLOSED' ? <ReopenForm review={review} /> : <CloseButton review={review} />;
}

function CloseButton({ review }: { review: PeriodReview }) {
  const t = useT(m);
  const { locale } = useLocale();
  const { close } = usePeriodActions();
  const [confirming, setConfirming] = useState(false);
  const month = monthInSentence(locale, review.period.month);
  const { toCheck, uncounted } = closeWarnings(review);
  const parts = [
    toCheck === 0 ? null : toCheck === 1 ? t('warn_to_check_one') : t('warn_to_check', { n: toCheck }),
    uncounted === 0
      ? null
      : uncounted === 1
        ? t('warn_uncounted_one')
        : t('warn_uncounted', { n: uncounted }),
  ].filter((part) => part !== null);
  const { service_id } = review.period;
  return (
    <section className="card review-close" aria-labelledby="review-close-title">
      <h2 id="review-close-title">{t('close_title')}</h2>
      <p>{t('close_body', { month })}</p>
      {confirming ? (
        <div className="close-confirm" role="alertdialog" aria-labelledby="close-confirm-title">
          <p id="close-confirm-title">
            <strong>{t('close_confirm', { month })}</strong> {t('close_confirm_body', { month })}
          </p>
          {parts.length > 0 ? (
            <p className="alert alert-warn">{t('close_warning', { parts: parts.join(t('warn_and')) })}</p>
          ) : null}
          <div className="close-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={close.isPending}
              onClick={() =>
                close.mutate(
                  { service_id, month: review.period.month },
                  {
                    onSuccess: () => {
                      setConfirming(false);
                      toast.ok(t('closed_toast', { month }));
                    },
                  },
                )
              }
            >
              {close.isPending ? t('closing') : t('close_confirm_button')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
              {t('close_cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button-primary button-large"
          onClick={() => setConfirming(true)}
        >
          {t('close_button')}
        </button>
      )}
      <ErrorMessage error={close.error} onDismiss={() => close.reset()} />
    </section>
  );
}

function ReopenForm({ review }: { review: PeriodReview }) {
  const t = useT(m);
  const { locale } = useLocale();
  const ids = useId();
  const { reopen } = usePeriodActions();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const month = monthInSentence(locale, review.period.month);
  const invalid = reason.trim().length < 3;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (invalid) return;
    reopen.mutate(
      { service_id: review.period.service_id, month: review.period.month, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          setTouched(false);
          toast.ok(t('reopened_toast', { month }));
        },
      },
    );
  }

  return (
    <form className="card review-close" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('reopen_title')}</h2>
      <label htmlFor={`${ids}-reason`}>{t('reopen_reason')}</label>
      <textarea
        id={`${ids}-reason`}
        value={reason}
        rows={2}
        maxLength={500}
        aria-invalid={touched && invalid ? true : undefined}
        aria-describedby={`${ids}-hint${touched && invalid ? ` ${ids}-error` : ''}`}
        onChange={(e) => setReason(e.target.value)}
      />
      <p id={`${ids}-hint`} className="field-hint">
        {t('reopen_reason_hint')}
      </p>
      {touched && invalid ? (
        <p id={`${ids}-error`} className="field-error">
          {t('reopen_reason_required')}
        </p>
      ) : null}
      <button type="submit" className="button button-ghost" disabled={reopen.isPending}>
        {reopen.isPending ? t('reopening') : t('reopen_button')}
      </button>
      <ErrorMessage error={reopen.error} onDismiss={() => reopen.reset()} />
    </form>
  );
}
