import type { ActivityEntry } from '@stockscan/contracts';
import { useLocale, useT } from '../../i18n/i18n';
import { type ActivityContext, describeActivity } from './activity';
import { formatMoment } from './format';
import { teamMessages } from './messages';

/** The establishment's last 20 actions, newest first, each in one sentence. */
export function ActivityFeed({
  entries,
  context,
}: {
  entries: readonly ActivityEntry[];
  context: ActivityContext;
}) {
  const t = useT(teamMessages);
  const { locale } = useLocale();
  return (
    <section className="team-section" aria-labelledby="activity-title">
      <h2 id="activity-title">{t('activity_title')}</h2>
      {entries.length === 0 ? (
        <p className="muted team-empty">{t('activity_empty')}</p>
      ) : (
        <ol className="activity-list">
          {entries.map((entry) => {
            const sentence = describeActivity(entry, locale, context, t('all_services'));
            return (
              <li key={entry.id} className="activity-item">
                <time dateTime={entry.created_at} className="activity-time">
                  {formatMoment(entry.created_at, locale)}
                </time>
                <span className="activity-text">
                  {sentence.who ? <strong>{sentence.who}</strong> : null} {sentence.what}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
