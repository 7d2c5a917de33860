import { useEffect, useId, useMemo, useRef } from 'react';
import { useLocale, useT } from '../../../i18n/i18n';
import { m } from '../messages';
import { formatQty, parseDecimal, round3 } from '../scope/format';
import { quantityFormat } from './guarded-field';
import { useGuardedField } from './useGuardedField';

/**
 * One number of a row: big − / + steps (and finer ones for a bulk unit) around a field that saves each valid
 * value as it is typed. Enter ("suivant" on a phone keyboard) goes to the next quantity field of the list.
 */
export function StepField({
  label,
  unit,
  value,
  step = 1,
  fineStep = null,
  whole = false,
  autoFocus = false,
  className = '',
  onSave,
}: {
  /** The field's accessible name ("Quantité de Gin", "Cartons de Leffe"). */
  label: string;
  unit: string;
  /** The current value (pending or stored); undefined when not counted yet. */
  value: number | undefined;
  step?: number;
  /** A second, finer step (a tenth of a litre), shown as its own pair of buttons. */
  fineStep?: number | null;
  /** Whole numbers only (packs). */
  whole?: boolean;
  autoFocus?: boolean;
  className?: string;
  onSave: (value: number) => void;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  const ids = useId();
  const format = useMemo(() => quantityFormat(locale), [locale]);
  // Follows values from elsewhere (another person, a confirmed count, another tab) unless typing in it.
  const field = useGuardedField(value, format);
  const { text } = field;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const read = (typed: string) => {
    const n = parseDecimal(typed);
    return n === null || (whole && !Number.isInteger(n)) ? null : n;
  };
  const invalid = text.trim() !== '' && read(text) === null;

  function type(typed: string) {
    field.type(typed);
    const n = read(typed);
    if (n !== null) onSave(n);
  }

  function stepBy(delta: number) {
    const n = Math.max(0, round3((read(text) ?? value ?? 0) + delta));
    field.step(n);
    onSave(n);
  }

  const stepButton = (delta: number) => (
    <button
      type="button"
      className={`qty-step${Math.abs(delta) < step ? ' qty-step-fine' : ''}`}
      aria-label={
        delta < 0
          ? t('minus_n', { n: formatQty(locale, -delta) })
          : t('plus_n', { n: formatQty(locale, delta) })
      }
      onClick={() => stepBy(delta)}
    >
      <span aria-hidden="true">
        {Math.abs(delta) < step
          ? `${delta < 0 ? '−' : '+'}${formatQty(locale, Math.abs(delta))}`
          : delta < 0
            ? '−'
            : '+'}
      </span>
    </button>
  );

  return (
    <>
      <div className={`count-qty ${className}`}>
        {fineStep ? stepButton(-fineStep) : null}
        {stepButton(-step)}
        <label className="sr-only" htmlFor={`${ids}-qty`}>
          {label}
        </label>
        <input
          ref={input}
          id={`${ids}-qty`}
          className="qty-input"
          type="text"
          inputMode={whole ? 'numeric' : 'decimal'}
          autoComplete="off"
          enterKeyHint="next"
          value={text}
          placeholder="—"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${ids}-err` : undefined}
          onFocus={(e) => {
            field.focus();
            e.currentTarget.select();
          }}
          onBlur={field.blur}
          onChange={(e) => type(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            if (!e.currentTarget.closest('.count-list')) return;
            e.preventDefault();
            // In the list: the next quantity field; elsewhere (the scanned row) its container decides.
            const fields = [...document.querySelectorAll<HTMLInputElement>('.count-list .qty-input')];
            const at = fields.indexOf(e.currentTarget);
            if (at >= 0) fields[at + 1]?.focus();
          }}
        />
        {stepButton(step)}
        {fineStep ? stepButton(fineStep) : null}
        <span className="qty-unit">{unit}</span>
      </div>
      {invalid ? (
        <p className="field-error count-error" id={`${ids}-err`}>
          {whole ? t('packs_invalid') : t('qty_invalid')}
        </p>
      ) : null}
    </>
  );
}

/** The quantity of a row counted in one number (units, or a bulk unit with its finer steps). */
export function QuantityInput({
  name,
  unit,
  quantity,
  autoFocus,
  step,
  fineStep,
  onSave,
}: {
  name: string;
  unit: string;
  quantity: number | undefined;
  autoFocus: boolean;
  step: number;
  fineStep: number | null;
  onSave: (quantity: number) => void;
}) {
  const t = useT(m);
  return (
    <StepField
      label={t('qty_label', { name })}
      unit={unit}
      value={quantity}
      step={step}
      fineStep={fineStep}
      autoFocus={autoFocus}
      onSave={onSave}
    />
  );
}
