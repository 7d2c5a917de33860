import { useEffect, useId, useRef } from 'react';
import { useT } from '../../../i18n/i18n';
import { teamMessages } from '../team/team-messages';
import type { Place } from './usePlace';
import './places.css';

/**
 * "Où comptez-vous ?": the whole service or one of its places, each with how far its count is
 * ("Réserve · 34 / 80" for a place with its list of products, "Cave · 12 compté(s)" without one).
 */
export function LocationPicker({
  places,
  counted,
  total,
  value,
  onChange,
}: {
  places: readonly Place[];
  counted: number;
  total: number;
  value: string | null;
  onChange: (locationId: string | null) => void;
}) {
  const t = useT(teamMessages);
  const ids = useId();
  const chosen = useRef<HTMLLabelElement>(null);
  // After a reload on a phone the chosen place may sit off screen, to the right: bring it in.
  const chosenKey = value ?? 'whole';
  useEffect(() => {
    const chip = chosen.current;
    if (chip?.dataset.place === chosenKey) chip.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [chosenKey]);
  const whole = t('whole_service');
  const options = [
    {
      id: null,
      name: whole,
      progress: t('place_progress', { counted, total }),
      label: t('place_progress_label', { place: whole, counted, total }),
    },
    ...places.map((p) => ({
      id: p.location_id,
      name: p.name,
      progress:
        p.listed > 0
          ? t('place_progress', { counted: p.listed_counted, total: p.listed })
          : t(p.counted > 1 ? 'place_counted' : 'place_counted_one', { counted: p.counted }),
      label:
        p.listed > 0
          ? t('place_progress_label', { place: p.name, counted: p.listed_counted, total: p.listed })
          : t('place_counted_label', { place: p.name, counted: p.counted }),
    })),
  ];
  return (
    <fieldset className="place-picker">
      <legend>{t('place_label')}</legend>
      <div className="place-options">
        {options.map((o) => (
          <label
            key={o.id ?? 'whole'}
            data-place={o.id ?? 'whole'}
            ref={value === o.id ? chosen : undefined}
            className={value === o.id ? 'place place-on' : 'place'}
          >
            <input
              type="radio"
              name={`${ids}-place`}
              checked={value === o.id}
              onChange={() => onChange(o.id)}
            />
            <span className="place-name">{o.name}</span>
            <span className="place-progress" title={o.label}>
              {o.progress}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
