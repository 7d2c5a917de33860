import { useLocale, useT } from '../../../i18n/i18n';
import { countedTime } from './counted-time';
import { counterColour, counterInitial } from './counter-colour';
import { teamMessages } from './team-messages';
import './team.css';

/** "Ⓛ lea · 22:14": who counted a line (a coloured initial, the same colour every time) and when. */
export function CounterBadge({
  userId,
  name,
  at,
  changed = false,
}: {
  userId: string | null;
  name: string | null;
  at: string;
  /** Someone else's count replaced this person's: "modifié par …". */
  changed?: boolean;
}) {
  const t = useT(teamMessages);
  const { locale } = useLocale();
  const who = name ?? t('someone');
  const time = countedTime(locale, at);
  return (
    <span
      className={changed ? 'counter counter-changed' : 'counter'}
      title={
        changed ? t('changed_by_label', { name: who, time }) : t('counted_by_label', { name: who, time })
      }
    >
      <span className="counter-dot" style={{ backgroundColor: counterColour(userId) }} aria-hidden="true">
        {counterInitial(name)}
      </span>
      <span className="sr-only">
        {changed ? t('changed_by_label', { name: who, time }) : t('counted_by_label', { name: who, time })}
      </span>
      <span aria-hidden="true">
        {changed ? t('changed_by', { name: who, time }) : t('counted_by', { name: who, time })}
      </span>
    </span>
  );
}
