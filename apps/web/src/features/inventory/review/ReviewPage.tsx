import { can, PLAN_NAMES } from '@stockscan/entitlements';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../i18n/i18n';
import { useTRPC } from '../../../lib/trpc';
import { ErrorMessage } from '../../../shared/feedback/ErrorMessage';
import { billingPath } from '../../../shared/links';
import { useCurrentRole } from '../../../shared/session/useCurrentRole';
import { useEntitlements } from '../../entitlements/useEntitlements';
import { ScopeBar, ScopeGate } from '../scope/ScopeBar';
import { useScope } from '../scope/useScope';
import { CloseMonth } from './CloseMonth';
import { MissingList } from './MissingList';
import { MonthStatus } from './MonthStatus';
import { m } from './messages';
import { ProgressCard } from './ProgressCard';
import { SuspiciousList } from './SuspiciousList';
import './review.css';

/** The manager's checklist at closing time: progress, what is missing, what looks wrong, then close. */
export function ReviewPage() {
  const t = useT(m);
  const scope = useScope();
  const service = scope.service;
  return (
    <section className="page review-page">
      <h1>{t('title')}</h1>
      <p className="muted lead-small">{t('lead')}</p>
      {!service ? (
        <ScopeGate scope={scope} />
      ) : (
        <>
          <ScopeBar scope={scope} />
          <MonthStatus serviceId={service.id} month={scope.month} onReview />
          <ReviewGate serviceId={service.id} month={scope.month} />
        </>
      )}
    </section>
  );
}

function ReviewGate({ serviceId, month }: { serviceId: string; month: string }) {
  const t = useT(m);
  const { locale } = useLocale();
  const { role, isPending: rolePending } = useCurrentRole();
  const { can: planAllows, isPending } = useEntitlements();
  const verdict = planAllows('stock_control');
  if (rolePending || isPending) return null;
  if (!can(role, 'month.review')) return <p className="alert alert-warn">{t('forbidden')}</p>;
  if (!verdict.ok)
    return (
      <div className="card locked">
        <h2>{t('locked_title')}</h2>
        <p>{t('locked_body')}</p>
        <p className="muted">{verdict.message[locale]}</p>
        {verdict.upgrade_to ? (
          <Link className="button button-primary" to={billingPath(verdict.upgrade_to)}>
            {t('locked_action', { plan: PLAN_NAMES[verdict.upgrade_to] })}
          </Link>
        ) : null}
      </div>
    );
  return <ReviewContent serviceId={serviceId} month={month} />;
}

function ReviewContent({ serviceId, month }: { serviceId: string; month: string }) {
  const t = useT(m);
  const trpc = useTRPC();
  const review = useQuery(trpc.inventory.periods.review.queryOptions({ service_id: serviceId, month }));
  if (review.isPending)
    return (
      <p className="muted" role="status">
        {t('loading')}
      </p>
    );
  if (review.error) return <ErrorMessage error={review.error} onRetry={() => void review.refetch()} />;
  const data = review.data;
  const closed = data.period.status === 'CLOSED';
  return (
    <div className="review-layout">
      <div className="review-column">
        <ProgressCard review={data} />
        <MissingList review={data} />
      </div>
      <div className="review-column">
        <SuspiciousList review={data} readOnly={closed} />
        <CloseMonth review={data} />
      </div>
    </div>
  );
}
