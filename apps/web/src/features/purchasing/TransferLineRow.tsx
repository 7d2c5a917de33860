import { useId } from 'react';
import { useT } from '../../i18n/i18n';
import { unitMessages } from '../inventory/scope/units';
import type { LinePairing, TransferLineDraft } from './transfer-draft';
import { tm } from './transfer-messages';

/** One product moved: its quantity, and where it lands in the destination (or that it will be created there). */
export function TransferLineRow({
  line,
  pairing,
  destination,
  invalid,
  onChange,
  onRemove,
}: {
  line: TransferLineDraft;
  pairing: LinePairing;
  destination: string;
  invalid: boolean;
  onChange: (line: TransferLineDraft) => void;
  onRemove: () => void;
}) {
  const t = useT(tm);
  const u = useT(unitMessages);
  const ids = useId();
  return (
    <li className={invalid ? 'delivery-line line-invalid' : 'delivery-line'}>
      <p className="delivery-line-name">
        <strong>{line.product.name}</strong>
        <span className="muted"> · {u(line.product.unit)}</span>
      </p>
      <div className="delivery-line-fields transfer-line-fields">
        <label htmlFor={`${ids}-qty`}>
          {t('quantity')}
          <input
            id={`${ids}-qty`}
            inputMode="decimal"
            autoComplete="off"
            value={line.quantity}
            aria-invalid={invalid || undefined}
            aria-describedby={`${ids}-pair${invalid ? ` ${ids}-err` : ''}`}
            onChange={(e) => onChange({ ...line, quantity: e.target.value })}
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
      <p id={`${ids}-pair`} className={pairing.kind === 'created' ? 'pairing pairing-new' : 'pairing muted'}>
        {pairing.kind === 'paired'
          ? t('pairing_paired', { name: pairing.name, service: destination })
          : pairing.kind === 'created'
            ? t('pairing_created', { service: destination })
            : t('pairing_pending')}
      </p>
      {invalid ? (
        <p id={`${ids}-err`} className="field-error">
          {t('line_invalid')}
        </p>
      ) : null}
    </li>
  );
}
