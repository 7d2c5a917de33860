import type { Month } from '@stockscan/contracts';
import { can } from '@stockscan/entitlements';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../i18n/i18n';
import { useCurrentRole } from '../../../shared/session/useCurrentRole';
import { m } from './messages';
import { formatWhen, periodView } from './review-model';
import { usePeriod } from './usePeriod';
import './review.css';

export const reviewPath = (serviceId: string, month: Month) =>
  `/app/review?service=${serviceId}&month=${month}`;

/**
 * The top of every screen of a month: closed (who, when, read-only, "Rouvrir" for managers) or reopened (who,
 * when, why). Nothing while the month is simply open.
 */
export function MonthStatus({
  serviceId,
  month,
  onReview = false,
}: {
  serviceId: string;
  month: Month;
  onReview?: boolean;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  const { role } = useCurrentRole();
  const period = usePeriod(serviceId, month);
  const view = periodView(period.data);
  if (view.kind === 'open') return null;
  const manager = can(role, 'month.close');
  if (view.kind === 'closed')
    return (
      <div className="alert alert-warn month-status" role="status" data-status="closed">
        <p>
          <strong>
            {view.by
              ? t('status_closed', { date: formatWhen(locale, view.at), name: view.by })
              : t('status_closed_anonymous', { date: formatWhen(locale, view.at) })}
          </strong>{' '}
          {t('status_closed_hint')}
        </p>
        {manager && !onReview ? (
          <Link className="button button-ghost" to={reviewPath(serviceId, month)}>
            {t('status_reopen_link')}
          </Link>
        ) : null}
      </div>
    );
  return (
    <p className="muted month-status" data-status="reopened">
      {t('status_reopened', {
        date: formatWhen(locale, view.at),
        name: view.by ?? t('someone'),
        reason: view.reason,
      })}
    </p>
  );
}
