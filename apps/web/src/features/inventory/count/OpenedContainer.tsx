import { canWeigh, fractionFromWeight } from '@stockscan/entitlements';
import { useLocale, useT } from '../../../i18n/i18n';
import { m } from '../messages';
import { formatQty, round3 } from '../scope/format';
import type { CountValues } from './count-values';
import { StepField } from './QuantityInput';

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

/** A product's full and empty weights (grams, spout included), when both are known. */
export interface Weights {
  full: number | null;
  empty: number | null;
}

/**
 * An opened container (a bottle in use): the "opened" switch and how much is left, in quarters or tenths —
 * or, when the product's full and empty weights are known, its weight on a kitchen scale (the fraction is
 * computed and shown; the weight is stored with it).
 */
export function OpenedContainer({
  name,
  opened,
  fraction,
  weight,
  weights,
  onSave,
}: {
  name: string;
  opened: boolean;
  fraction: number | null;
  /** The weight typed for this line (grams), null when judged by eye. */
  weight: number | null;
  weights: Weights;
  onSave: (patch: Partial<CountValues>) => void;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  const weighable = canWeigh(weights.full, weights.empty);
  function setWeight(grams: number) {
    const computed = fractionFromWeight(grams, weights.full, weights.empty);
    if (computed === null) return;
    onSave({ container_status: 'OPENED', remaining_fraction: computed, weight_g: grams });
  }
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
      {opened && weighable ? (
        <div className="weigh">
          <StepField
            label={t('weight_label', { name })}
            unit="g"
            value={weight ?? undefined}
            step={10}
            className="weigh-field"
            onSave={setWeight}
          />
          <p className="muted weigh-hint">
            {weight !== null && fraction !== null
              ? t('weighed', { weight: formatQty(locale, weight), fraction: formatQty(locale, fraction) })
              : t('weigh_hint', {
                  full: formatQty(locale, weights.full ?? 0),
                  empty: formatQty(locale, weights.empty ?? 0),
                })}
          </p>
        </div>
      ) : null}
    </>
  );
}
