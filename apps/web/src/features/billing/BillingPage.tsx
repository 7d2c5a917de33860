import type { BillingCycle } from '@stockscan/contracts';
import { can } from '@stockscan/entitlements';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { useCurrentRole } from '../../shared/session/useCurrentRole';
import { CurrentPlan } from './CurrentPlan';
import { billingMessages } from './messages';
import { PlanPicker } from './PlanPicker';
import { parsePlanChoice } from './plan-choice';
import './billing.css';

/** /app/settings/billing — owner only: the plan in force, card and invoices, choose or change a plan. */
export function BillingPage() {
  const t = useT(billingMessages);
  const { role, isPending } = useCurrentRole();
  return (
    <section className="page billing-page">
      <p className="billing-crumb">
        <Link to="/app/settings">{t('back_settings')}</Link>
      </p>
      <h1>{t('title')}</h1>
      {isPending ? (
        <p role="status">{t('loading')}</p>
      ) : can(role, 'billing.manage') ? (
        <OwnerBilling />
      ) : (
        <div className="card billing-not-owner">
          <h2>{t('not_owner_title')}</h2>
          <p>{t('not_owner_text')}</p>
          <Link className="button button-primary" to="/app">
            {t('back_home')}
          </Link>
        </div>
      )}
    </section>
  );
}

function OwnerBilling() {
  const t = useT(billingMessages);
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const status = useQuery(trpc.billing.status.queryOptions());
  // Read once: changing the cycle later rewrites the URL but must not reset the choice.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL's first values only
  const initial = useMemo(() => parsePlanChoice(params), []);

  function keepCycleInUrl(cycle: BillingCycle) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('cycle', cycle);
        return next;
      },
      { replace: true },
    );
  }

  if (status.isPending) return <p role="status">{t('loading')}</p>;
  if (status.error) return <ErrorMessage error={status.error} onRetry={() => void status.refetch()} />;
  return (
    <>
      <CurrentPlan status={status.data} />
      <PlanPicker status={status.data} initial={initial} onCycleChange={keepCycleInUrl} />
    </>
  );
}
