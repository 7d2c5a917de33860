import type { PeriodReview } from '@stockscan/contracts';
import { useT } from '../../../i18n/i18n';
import { m } from './messages';
import { SuspiciousItem } from './SuspiciousItem';

/** What looks wrong this month, each with its reasons and a one-tap "c'est correct" or "recompter". */
export function SuspiciousList({ review, readOnly }: { review: PeriodReview; readOnly: boolean }) {
  const t = useT(m);
  return (
    <section className="card review-suspicious" aria-labelledby="review-suspicious-title">
      <h2 id="review-suspicious-title">
        {t('suspicious_title')} ({review.suspicious.length})
      </h2>
      {review.suspicious.length === 0 ? <p className="muted">{t('suspicious_none')}</p> : null}
      <ul className="suspicious-list">
        {review.suspicious.map((item) => (
          <SuspiciousItem
            key={item.product_id}
            item={item}
            serviceId={review.period.service_id}
            month={review.period.month}
            previousMonth={review.previous_month}
            readOnly={readOnly}
          />
        ))}
      </ul>
      {review.reviewed > 0 ? (
        <p className="muted">{t('suspicious_reviewed', { n: review.reviewed })}</p>
      ) : null}
    </section>
  );
}
