import { useEffect, useId, useMemo, useRef } from 'react';
import { useLocale, useT } from '../../../i18n/i18n';
import { m } from '../messages';
import { parseDecimal, round3 } from '../scope/format';
import { quantityFormat } from './guarded-field';
import { useGuardedField } from './useGuardedField';

/**
 * The quantity of a row: − / + steps and a decimal field that saves each valid value as it is typed.
 * Enter ("suivant" on a phone keyboard) goes to the next row's quantity.
 */
export function QuantityInput({
  name,
  unit,
  quantity,
  autoFocus,
  onSave,
}: {
  name: string;
  unit: string;
  /** The current quantity (pending or stored); undefined when not counted yet. */
  quantity: number | undefined;
  autoFocus: boolean;
  onSave: (quantity: number) => void;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  const ids = useId();
  const format = useMemo(() => quantityFormat(locale), [locale]);
  // Follows values from elsewhere (another person, a confirmed count, another tab) unless typing in it.
  const field = useGuardedField(quantity, format);
  const { text } = field;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const invalid = text.trim() !== '' && parseDecimal(text) === null;

  function type(value: string) {
    field.type(value);
    const n = parseDecimal(value);
    if (n !== null) onSave(n);
  }

  function step(delta: number) {
    const n = Math.max(0, round3((parseDecimal(text) ?? quantity ?? 0) + delta));
    field.step(n);
    onSave(n);
  }

  return (
    <>
      <div className="count-qty">
        <button type="button" className="qty-step" aria-label={t('minus')} onClick={() => step(-1)}>
          <span aria-hidden="true">−</span>
        </button>
        <label className="sr-only" htmlFor={`${ids}-qty`}>
          {t('qty_label', { name })}
        </label>
        <input
          ref={input}
          id={`${ids}-qty`}
          className="qty-input"
          type="text"
          inputMode="decimal"
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
            e.preventDefault();
            const fields = [...document.querySelectorAll<HTMLInputElement>('.count-list .qty-input')];
            fields[fields.indexOf(e.currentTarget) + 1]?.focus();
          }}
        />
        <button type="button" className="qty-step" aria-label={t('plus')} onClick={() => step(1)}>
          <span aria-hidden="true">+</span>
        </button>
        <span className="qty-unit">{unit}</span>
      </div>
      {invalid ? (
        <p className="field-error count-error" id={`${ids}-err`}>
          {t('qty_invalid')}
        </p>
      ) : null}
    </>
  );
}
