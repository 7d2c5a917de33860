import type { PeriodReview } from '@stockscan/contracts';
import { useLocale, useT } from '../../../i18n/i18n';
import { formatQty } from '../scope/format';
import { unitMessages } from '../scope/units';
import { m } from './messages';
import { monthName } from './review-model';

/** Products counted last month and not yet this one: the usual forgotten shelf. */
export function MissingList({ review }: { review: PeriodReview }) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const previous = monthName(locale, review.previous_month);
  return (
    <section className="card review-missing" aria-labelledby="review-missing-title">
      <h2 id="review-missing-title">
        {t('missing_title', { month: previous })} ({review.missing_total})
      </h2>
      {review.missing_total === 0 ? (
        <p className="muted">{t('missing_none')}</p>
      ) : (
        <ul className="review-rows">
          {review.missing.map((p) => (
            <li key={p.product_id}>
              <span>{p.name}</span>
              <span className="muted">
                {t('missing_previous', {
                  qty: formatQty(locale, p.previous),
                  unit: u(p.unit),
                  month: previous,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {review.missing_total > review.missing.length ? (
        <p className="muted">{t('missing_more', { n: review.missing_total - review.missing.length })}</p>
      ) : null}
    </section>
  );
}
