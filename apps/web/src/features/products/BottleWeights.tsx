import { COMMON_BOTTLES } from '@stockscan/entitlements';
import { useLocale, useT } from '../../i18n/i18n';
import { formatQty } from '../inventory/scope/format';
import { m } from './messages';
import { ProductTextField } from './ProductTextField';
import { bottleOf, type FieldName, type ProductForm } from './product-form';

/**
 * Full and empty weights of the product's container (services tracking opened ones): picked from the common
 * bottle sizes — or pre-filled from the size in the name — then corrected by weighing one bottle.
 */
export function BottleWeights({
  form,
  messages,
  onChange,
}: {
  form: ProductForm;
  messages: Partial<Record<FieldName, string>>;
  onChange: <K extends FieldName>(name: K, value: ProductForm[K]) => void;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  const chosen = bottleOf(form);
  return (
    <fieldset className="form-section">
      <legend>{t('section_weighing')}</legend>
      <p className="muted">{t('weighing_hint')}</p>
      <div className="form-field">
        <label htmlFor="product-bottle">{t('bottle')}</label>
        <select
          id="product-bottle"
          value={chosen ? String(chosen.volume_ml) : ''}
          onChange={(e) => {
            const bottle = COMMON_BOTTLES.find((b) => String(b.volume_ml) === e.target.value);
            if (!bottle) return;
            onChange('full_weight_g', String(bottle.full_g));
            onChange('empty_weight_g', String(bottle.empty_g));
          }}
        >
          <option value="">{t('bottle_none')}</option>
          {COMMON_BOTTLES.map((b) => (
            <option key={b.volume_ml} value={b.volume_ml}>
              {t('bottle_option', {
                volume: formatQty(locale, b.volume_ml / 10),
                kind: t(b.kind === 'wine' ? 'bottle_wine' : 'bottle_spirits'),
                full: formatQty(locale, b.full_g),
                empty: formatQty(locale, b.empty_g),
              })}
            </option>
          ))}
        </select>
      </div>
      <ProductTextField
        name="full_weight_g"
        label={t('full_weight_g')}
        value={form.full_weight_g}
        error={messages.full_weight_g}
        options={{ decimal: true }}
        onChange={(value) => onChange('full_weight_g', value)}
      />
      <ProductTextField
        name="empty_weight_g"
        label={t('empty_weight_g')}
        value={form.empty_weight_g}
        error={messages.empty_weight_g}
        options={{ decimal: true }}
        onChange={(value) => onChange('empty_weight_g', value)}
      />
    </fieldset>
  );
}
