import type { ProductUnit } from '@stockscan/contracts';
import { featureOn, priceOn, unitsFor } from '@stockscan/entitlements';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useLocale, useT } from '../../../i18n/i18n';
import { useTRPC } from '../../../lib/trpc';
import { fieldErrors } from '../../../shared/feedback/describe-error';
import { ErrorMessage } from '../../../shared/feedback/ErrorMessage';
import { FormField } from '../../../shared/forms/FormField';
import { GatedButton } from '../../entitlements/GatedButton';
import { useEntitlements } from '../../entitlements/useEntitlements';
import { m } from '../messages';
import { currencySymbol, parseDecimal } from '../scope/format';
import type { Service } from '../scope/service-features';
import { unitLongKey, unitMessages } from '../scope/units';
import { fillFromSuggestion, useProductSuggestion } from './useProductSuggestion';
import { type Product, useQuickAddProduct } from './useQuickAddProduct';

export interface QuickAddPrefill {
  name?: string;
  category?: string | null;
  unit?: ProductUnit;
  purchase_price?: number | null;
  code?: string;
}

/** The least a product needs to be counted now; the rest waits for the products page. */
export function QuickAddForm({
  service,
  currency,
  prefill,
  onCreated,
  onCancel,
}: {
  service: Service;
  currency: string;
  prefill: QuickAddPrefill;
  onCreated: (product: Product) => void;
  onCancel: () => void;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const ids = useId();
  const trpc = useTRPC();
  const { canAdd } = useEntitlements();
  const units = unitsFor(service.counting_mode);
  const codeAsBarcode = featureOn(service.features, 'barcode') || !featureOn(service.features, 'sku');
  const [name, setName] = useState(prefill.name ?? '');
  const [category, setCategory] = useState(prefill.category ?? '');
  const [unit, setUnit] = useState<ProductUnit>(
    prefill.unit && units.includes(prefill.unit) ? prefill.unit : (units[0] ?? 'pcs'),
  );
  const [price, setPrice] = useState(prefill.purchase_price != null ? String(prefill.purchase_price) : '');
  const [code, setCode] = useState(prefill.code ?? '');
  const [touched, setTouched] = useState(false);
  const categories = useQuery(trpc.inventory.categories.list.queryOptions({ service_id: service.id }));
  // An unknown barcode: Open Food Facts may know it (food services); the form never waits for it.
  const { suggestion, looking } = useProductSuggestion(
    service.id,
    prefill.name ? undefined : prefill.code,
    (s) => {
      const filled = fillFromSuggestion({ name, category }, s);
      setName((current) => (current.trim() === '' ? filled.name : current));
      setCategory((current) => (current.trim() === '' ? filled.category : current));
    },
  );
  const create = useQuickAddProduct(service, onCreated);
  const fields = fieldErrors(create.error);
  const nameMissing = touched && name.trim() === '';
  const priceInvalid = price.trim() !== '' && parseDecimal(price, 2) === null;
  const codeError =
    fields.barcode || fields.internal_sku
      ? create.error?.message || (fields.barcode ?? fields.internal_sku)
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (name.trim() === '' || priceInvalid) return;
    const trimmedCode = code.trim() || null;
    create.mutate({
      service_id: service.id,
      name: name.trim(),
      category: category.trim() || null,
      unit,
      ...(priceOn(service.features, 'purchase') ? { purchase_price: parseDecimal(price, 2) } : {}),
      ...(codeAsBarcode ? { barcode: trimmedCode } : { internal_sku: trimmedCode }),
    });
  }

  return (
    <form className="quick-add card" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('quick_title')}</h2>
      {looking ? (
        <p className="muted" role="status">
          {t('suggest_looking')}
        </p>
      ) : suggestion ? (
        <p className="muted" role="status">
          {t('suggest_found')}
        </p>
      ) : null}
      <FormField label={t('quick_name')} error={nameMissing ? t('name_required') : fields.name}>
        {(aria) => (
          <input
            {...aria}
            value={name}
            required
            maxLength={200}
            autoComplete="off"
            placeholder={t('quick_name_placeholder')}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </FormField>

      <label htmlFor={`${ids}-cat`}>{t('quick_category')}</label>
      <input
        id={`${ids}-cat`}
        value={category}
        maxLength={100}
        autoComplete="off"
        list={`${ids}-cats`}
        onChange={(e) => setCategory(e.target.value)}
      />
      <datalist id={`${ids}-cats`}>
        {(categories.data?.items ?? []).map((c) => (
          <option key={c.id} value={c.name} />
        ))}
      </datalist>

      {units.length > 1 ? (
        <>
          <label htmlFor={`${ids}-unit`}>{t('quick_unit')}</label>
          <select id={`${ids}-unit`} value={unit} onChange={(e) => setUnit(e.target.value as ProductUnit)}>
            {units.map((value) => (
              <option key={value} value={value}>
                {u(unitLongKey(value))}
              </option>
            ))}
          </select>
        </>
      ) : null}

      {priceOn(service.features, 'purchase') ? (
        <FormField
          label={t('quick_purchase', { currency: currencySymbol(locale, currency) })}
          error={priceInvalid && t('price_invalid')}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode="decimal"
              autoComplete="off"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
          )}
        </FormField>
      ) : null}

      <FormField label={codeAsBarcode ? t('quick_barcode') : t('quick_sku')} error={codeError}>
        {(aria) => (
          <input
            {...aria}
            value={code}
            maxLength={64}
            autoComplete="off"
            onChange={(e) => setCode(e.target.value)}
          />
        )}
      </FormField>

      {create.error && !codeError && !fields.name ? (
        <ErrorMessage error={create.error} onDismiss={() => create.reset()} />
      ) : null}
      <div className="form-actions">
        <GatedButton verdict={canAdd('max_products')} type="submit" busy={create.isPending}>
          {t('quick_submit')}
        </GatedButton>
        <button type="button" className="button" onClick={onCancel}>
          {t('quick_cancel')}
        </button>
      </div>
    </form>
  );
}
