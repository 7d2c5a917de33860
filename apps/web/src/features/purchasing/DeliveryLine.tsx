import { useId } from 'react';
import { useT } from '../../i18n/i18n';
import { unitMessages } from '../inventory/scope/units';
import { m } from './messages';
import type { PickedProduct } from './types';

export interface LineDraft {
  /** Stable React key (a product may be on two lines). */
  key: string;
  product: PickedProduct;
  packs: string;
  units: string;
  unitCost: string;
}

/** One delivered product: packs (when it has a pack size) and/or units, and the cost of one unit. */
export function DeliveryLine({
  line,
  invalid,
  onChange,
  onRemove,
}: {
  line: LineDraft;
  invalid: boolean;
  onChange: (line: LineDraft) => void;
  onRemove: () => void;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const ids = useId();
  const packSize = line.product.pack_size ?? 0;
  return (
    <li className={invalid ? 'delivery-line line-invalid' : 'delivery-line'}>
      <p className="delivery-line-name">
        <strong>{line.product.name}</strong>
        <span className="muted"> · {u(line.product.unit)}</span>
      </p>
      <div className="delivery-line-fields">
        {packSize > 1 ? (
          <label htmlFor={`${ids}-packs`}>
            {t('packs')} <span className="muted">({t('packs_of', { n: packSize })})</span>
            <input
              id={`${ids}-packs`}
              inputMode="decimal"
              value={line.packs}
              onChange={(e) => onChange({ ...line, packs: e.target.value })}
            />
          </label>
        ) : null}
        <label htmlFor={`${ids}-units`}>
          {t('units')}
          <input
            id={`${ids}-units`}
            inputMode="decimal"
            value={line.units}
            aria-invalid={invalid || undefined}
            onChange={(e) => onChange({ ...line, units: e.target.value })}
          />
        </label>
        <label htmlFor={`${ids}-cost`}>
          {t('unit_cost')}
          <input
            id={`${ids}-cost`}
            inputMode="decimal"
            value={line.unitCost}
            onChange={(e) => onChange({ ...line, unitCost: e.target.value })}
          />
        </label>
        <button
          type="button"
          className="button button-ghost"
          aria-label={t('remove_line', { name: line.product.name })}
          onClick={onRemove}
        >
          ×
        </button>
      </div>
      {invalid ? <p className="field-error">{t('line_invalid')}</p> : null}
    </li>
  );
}
