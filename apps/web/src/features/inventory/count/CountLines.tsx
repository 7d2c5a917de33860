import { useLocale, useT } from '../../../i18n/i18n';
import type { Places } from '../places/usePlace';
import { formatQty } from '../scope/format';
import { CounterBadge } from '../team/CounterBadge';
import { teamMessages } from '../team/team-messages';
import { type LineView, lineStock, replacedBy, totalOf } from './line-store';

/**
 * Under a row: who counted the place's line and when ("Ⓛ lea · 22:14", or "modifié par marc" when someone
 * else's count replaced this person's), then the product's lines in the other places and the total — a
 * product counted in two rooms shows both, never silently one.
 */
export function CountLines({
  lines,
  here,
  locationId,
  places,
  unit,
  mine,
  me,
}: {
  lines: readonly LineView[];
  here: LineView | undefined;
  locationId: string | null;
  places: Places;
  unit: string;
  /** This person saved the place's line during the visit. */
  mine: boolean;
  me: string | null;
}) {
  const t = useT(teamMessages);
  const { locale } = useLocale();
  const others = lines.filter((line) => line !== here);
  if (!here && others.length === 0) return null;
  const placeName = (line: LineView) =>
    line.location_id === null ? t('no_place') : (places.names.get(line.location_id) ?? '—');
  const total = totalOf(lines);
  return (
    <div className="count-lines">
      {here ? (
        <CounterBadge
          userId={here.counted_by}
          name={here.counted_by_name}
          at={here.counted_at}
          changed={replacedBy(here, mine, me) !== null}
        />
      ) : null}
      {others.length > 0 ? (
        <ul className="other-lines" aria-label={locationId ? t('also_in') : undefined}>
          {others.map((line) => (
            <li key={line.location_id ?? 'service'}>
              <span className="other-place">{placeName(line)}</span>{' '}
              <strong>
                {formatQty(locale, lineStock(line))} {unit}
              </strong>{' '}
              <CounterBadge userId={line.counted_by} name={line.counted_by_name} at={line.counted_at} />
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 && total !== null ? (
        <p className="line-total">{t('total', { qty: `${formatQty(locale, total)} ${unit}` })}</p>
      ) : null}
      {/* Counting the whole service of a product counted in rooms: say the field adds a line, not replaces. */}
      {locationId === null && others.some((line) => line.location_id !== null) ? (
        <p className="muted whole-hint">{t('whole_hint')}</p>
      ) : null}
    </div>
  );
}
