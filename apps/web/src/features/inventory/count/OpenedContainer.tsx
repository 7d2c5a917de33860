import { useLocale, useT } from '../../../i18n/i18n';
import { m } from '../messages';
import { formatQty, round3 } from '../scope/format';
import type { CountValues } from './count-values';

const FRACTIONS = [
  { value: 0.25, label: '¼' },
  { value: 0.5, label: '½' },
  { value: 0.75, label: '¾' },
] as const;

/** A bottle seen from the side: how much is left, at a glance. */
function Gauge({ fraction }: { fraction: number }) {
  const height = Math.round(28 * Math.max(0, Math.min(1, fraction)));
  return (
    <svg className="gauge" width="18" height="32" viewBox="0 0 18 32" aria-hidden="true">
      <rect x="1" y="1" width="16" height="30" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
      <rect
        x="3"
        y={30 - height + 1}
        width="12"
        height={Math.max(0, height - 1)}
        rx="2"
        fill="currentColor"
      />
    </svg>
  );
}

/** An opened container (a bottle in use): the "opened" switch and how much is left, in quarters or tenths. */
export function OpenedContainer({
  opened,
  fraction,
  onSave,
}: {
  opened: boolean;
  fraction: number | null;
  onSave: (patch: Partial<CountValues>) => void;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  function setFraction(value: number) {
    onSave({ container_status: 'OPENED', remaining_fraction: round3(Math.max(0, Math.min(1, value))) });
  }
  return (
    <>
      <label className="opened-toggle">
        <input
          type="checkbox"
          checked={opened}
          onChange={(e) =>
            onSave(
              e.target.checked
                ? { container_status: 'OPENED', remaining_fraction: fraction ?? 0.5 }
                : { container_status: 'SEALED' },
            )
          }
        />
        <span>{t('opened')}</span>
      </label>
      {opened ? (
        <fieldset className="fractions">
          <legend className="sr-only">{t('fraction_label')}</legend>
          {FRACTIONS.map((f) => (
            <button
              key={f.value}
              type="button"
              className="fraction"
              aria-pressed={fraction === f.value}
              onClick={() => setFraction(f.value)}
            >
              {f.label}
            </button>
          ))}
          <button
            type="button"
            className="fraction fraction-step"
            aria-label={t('fraction_less')}
            onClick={() => setFraction((fraction ?? 0) - 0.1)}
          >
            −{formatQty(locale, 0.1)}
          </button>
          <output className="fraction-value" aria-live="polite">
            <Gauge fraction={fraction ?? 0} />
            <span className="sr-only">{t('fraction_label')} : </span>
            {formatQty(locale, fraction ?? 0)}
          </output>
          <button
            type="button"
            className="fraction fraction-step"
            aria-label={t('fraction_more')}
            onClick={() => setFraction((fraction ?? 0) + 0.1)}
          >
            +{formatQty(locale, 0.1)}
          </button>
        </fieldset>
      ) : null}
    </>
  );
}
