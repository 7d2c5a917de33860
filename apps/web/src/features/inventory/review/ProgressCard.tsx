import type { PeriodReview } from '@stockscan/contracts';
import { useLocale, useT } from '../../../i18n/i18n';
import { m } from './messages';
import { formatActivity } from './review-model';

/** How far the month is: products counted, each place's progress, who counted what and when last. */
export function ProgressCard({ review }: { review: PeriodReview }) {
  const t = useT(m);
  const { locale } = useLocale();
  const { products, by_location: places, by_counter: counters } = review;
  const percent = products.total === 0 ? 0 : Math.round((products.counted / products.total) * 100);
  return (
    <section className="card review-progress" aria-labelledby="review-progress-title">
      <h2 id="review-progress-title">{t('progress_title')}</h2>
      <p className="review-figure">
        {t('progress_products', { counted: products.counted, total: products.total })}
      </p>
      <progress max={100} value={percent} aria-label={t('progress_title')}>
        {percent} %
      </progress>
      {places.length > 0 ? (
        <>
          <h3>{t('by_location')}</h3>
          <ul className="review-rows">
            {places.map((place) => (
              <li key={place.location_id ?? 'whole'}>
                <span>{place.name ?? t('whole_service')}</span>
                <span className="muted">
                  {place.expected === null
                    ? t('location_counted', { counted: place.counted })
                    : t('location_counted_of', { counted: place.counted, expected: place.expected })}
                  {place.last_activity
                    ? ` · ${t('last_activity', { time: formatActivity(locale, place.last_activity) })}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('by_counter')}</h3>
      {counters.length === 0 ? (
        <p className="muted">{t('nobody_yet')}</p>
      ) : (
        <ul className="review-rows">
          {counters.map((c) => (
            <li key={c.user_id ?? 'unknown'}>
              <span>{c.name ?? t('someone')}</span>
              <span className="muted">
                {c.lines === 1 && c.products === 1
                  ? t('counter_lines_one')
                  : t('counter_lines', { lines: c.lines, products: c.products })}
                {` · ${t('last_activity', { time: formatActivity(locale, c.last_activity) })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
