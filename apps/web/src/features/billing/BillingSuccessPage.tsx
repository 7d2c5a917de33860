import type { BillingStatus } from '@stockscan/contracts';
import { PLAN_NAMES } from '@stockscan/entitlements';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { loginPath } from '../../shared/links';
import { useSignedIn } from '../../shared/session/useSignedIn';
import { formatDay } from '../team/format';
import { type BillingMessageKey, billingMessages } from './messages';
import { paymentConfirmed } from './plan-choice';
import './billing.css';

const SYNC_ERRORS: Record<string, BillingMessageKey> = {
  NOT_FOUND: 'success_not_found',
  VALIDATION_ERROR: 'success_not_found',
  FORBIDDEN: 'success_forbidden',
  FORBIDDEN_ROLE: 'success_role',
  STRIPE_NOT_CONFIGURED: 'STRIPE_NOT_CONFIGURED',
};

/** /billing/success?session_id= — back from Stripe Checkout: pull the session, then show the new plan. */
export function BillingSuccessPage() {
  const t = useT(billingMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { pathname, search } = useLocation();
  const [params] = useSearchParams();
  const sessionId = params.get('session_id')?.trim() ?? '';
  const signedIn = useSignedIn();
  const sync = useMutation(
    trpc.billing.sync.mutationOptions({
      // Plan, limits and banners all changed: every screen reads them again.
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  const { mutate } = sync;
  const started = useRef(false);
  useEffect(() => {
    if (!sessionId || !signedIn || started.current) return;
    started.current = true;
    mutate({ session_id: sessionId });
  }, [sessionId, signedIn, mutate]);

  let body: ReactNode;
  if (!sessionId) {
    body = <Notice text={t('success_missing')} />;
  } else if (!signedIn) {
    body = (
      <>
        <p>{t('success_login')}</p>
        <Link className="button button-primary" to={loginPath(pathname + search)}>
          {t('to_login')}
        </Link>
      </>
    );
  } else if (sync.data) {
    body = (
      <Confirmed
        status={sync.data}
        onCheckAgain={() => mutate({ session_id: sessionId })}
        checking={sync.isPending}
      />
    );
  } else if (sync.error) {
    const key = SYNC_ERRORS[errorCode(sync.error)];
    body = key ? (
      <Notice text={t(key)} />
    ) : (
      <ErrorMessage error={sync.error} onRetry={() => mutate({ session_id: sessionId })} />
    );
  } else {
    body = (
      <p role="status" aria-live="polite">
        {t('success_checking')}
      </p>
    );
  }

  return (
    <section className="page narrow billing-return">
      <h1>{sync.data && paymentConfirmed(sync.data) ? t('success_title') : t('title')}</h1>
      {body}
    </section>
  );
}

function Notice({ text }: { text: string }) {
  const t = useT(billingMessages);
  return (
    <>
      <div className="alert alert-warn" role="alert">
        <p>{text}</p>
      </div>
      <p className="billing-return-actions">
        <Link className="button button-primary" to="/app/settings/billing">
          {t('success_see')}
        </Link>
        <Link className="button button-ghost" to="/app">
          {t('success_open')}
        </Link>
      </p>
    </>
  );
}

function Confirmed({
  status,
  onCheckAgain,
  checking,
}: {
  status: BillingStatus;
  onCheckAgain: () => void;
  checking: boolean;
}) {
  const t = useT(billingMessages);
  const { locale } = useLocale();
  if (status.past_due) {
    return (
      <>
        <div className="alert alert-error" role="alert">
          <p>{t('success_failed')}</p>
        </div>
        <p className="billing-return-actions">
          <Link className="button button-primary" to="/app/settings/billing">
            {t('success_see')}
          </Link>
        </p>
      </>
    );
  }
  if (!paymentConfirmed(status)) {
    return (
      <>
        <div className="alert alert-warn" role="status">
          <p>{t('success_pending')}</p>
          <button type="button" className="button" disabled={checking} onClick={onCheckAgain}>
            {checking ? t('success_checking') : t('success_pending_retry')}
          </button>
        </div>
        <p className="billing-return-actions">
          <Link className="button button-ghost" to="/app">
            {t('success_open')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <div className="alert alert-ok" role="status">
        <p>
          <strong>{t('success_plan', { plan: PLAN_NAMES[status.plan_effective] })}</strong>
        </p>
        {status.subscription_status === 'TRIALING' && status.trial?.active ? (
          <p>{t('success_trial', { date: formatDay(status.trial.ends_at, locale) })}</p>
        ) : status.renews_at ? (
          <p>{t('success_renews', { date: formatDay(status.renews_at, locale) })}</p>
        ) : null}
      </div>
      <p className="billing-return-actions">
        <Link className="button button-primary button-large" to="/app">
          {t('success_open')}
        </Link>
        <Link className="button button-ghost" to="/app/settings/billing">
          {t('success_see')}
        </Link>
      </p>
    </>
  );
}
