import type { ProductUnit } from '@stockscan/contracts';
import { useLocale, useT } from '../../i18n/i18n';
import { formatQty } from '../inventory/scope/format';
import { unitMessages } from '../inventory/scope/units';
import { ordersByPack } from './order-draft';
import { om } from './order-messages';

/** One order line's quantity, in cases when the product comes in packs (else in its unit), and its error. */
export function OrderQuantityField({
  id,
  productName,
  packSize,
  unit,
  value,
  invalid,
  onChange,
}: {
  id: string;
  productName: string;
  packSize: number | null;
  unit: ProductUnit;
  value: string;
  invalid: boolean;
  onChange: (text: string) => void;
}) {
  const t = useT(om);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  return (
    <>
      <label htmlFor={id}>
        <span className="sr-only">{productName} — </span>
        {ordersByPack(packSize)
          ? t('line_packs', { n: formatQty(locale, packSize as number) })
          : `${t('line_units')} (${u(unit)})`}
        <input
          id={id}
          inputMode="decimal"
          aria-invalid={invalid || undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {invalid ? <p className="field-error">{t('line_invalid')}</p> : null}
    </>
  );
}
