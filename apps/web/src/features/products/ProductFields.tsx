import type { ProductRole, ProductUnit } from '@stockscan/contracts';
import { unitsFor } from '@stockscan/entitlements';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { FormField } from '../../shared/forms/FormField';
import { currencySymbol } from '../inventory/scope/format';
import type { Service } from '../inventory/scope/service-features';
import { unitLongKey, unitMessages } from '../inventory/scope/units';
import { SupplierSelect } from '../purchasing/SupplierSelect';
import { BottleWeights } from './BottleWeights';
import { m } from './messages';
import { ProductTextField, type TextFieldOptions } from './ProductTextField';
import { type FieldName, fieldShown, type ProductForm } from './product-form';

type MessageKey = keyof (typeof m)['fr'];
type Options = Omit<TextFieldOptions, 'hint'> & { hint?: MessageKey };

const ROLES: ProductRole[] = ['raw_material', 'finished_product', 'homemade_prep'];

/** The product's fields, grouped, each shown only when the service tracks it (SPEC §6). */
export function ProductFields({
  service,
  form,
  messages,
  currency,
  onChange,
}: {
  service: Service;
  form: ProductForm;
  messages: Partial<Record<FieldName, string>>;
  currency: string;
  onChange: <K extends FieldName>(name: K, value: ProductForm[K]) => void;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const categories = useQuery(trpc.inventory.categories.list.queryOptions({ service_id: service.id }));
  const shown = (name: FieldName) => fieldShown(service, name);

  type TextName = Exclude<
    FieldName,
    'unit' | 'product_role' | 'supplier_id' | 'full_weight_g' | 'empty_weight_g'
  >;
  const field = (name: TextName, label: string, { hint, ...options }: Options = {}): ReactNode =>
    shown(name) ? (
      <ProductTextField
        name={name}
        label={label}
        value={form[name]}
        error={messages[name]}
        options={{ ...options, hint: hint ? t(hint) : undefined }}
        onChange={(value) => onChange(name, value)}
      />
    ) : null;

  const units = unitsFor(service.counting_mode);
  const prices = shown('purchase_price') || shown('selling_price') || shown('vat_rate');
  return (
    <>
      <fieldset className="form-section">
        <legend>{t('section_identity')}</legend>
        {field('name', t('name'), { placeholder: t('name_placeholder') })}
        {field('category', t('category'), { list: 'product-categories', hint: 'category_hint' })}
        <datalist id="product-categories">
          {(categories.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
        {field('brand', t('brand'))}
        <FormField
          id="product-supplier_id"
          label={t('supplier')}
          error={messages.supplier_id}
          className="form-field"
        >
          {(aria) => (
            <SupplierSelect
              id={aria.id}
              value={form.supplier_id}
              onChange={(id) => onChange('supplier_id', id)}
            />
          )}
        </FormField>
        {field('barcode', t('barcode'))}
        {field('internal_sku', t('internal_sku'), { hint: 'internal_sku_hint' })}
        {field('variant_name', t('variant_name'))}
        {field('variant_value', t('variant_value'))}
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('section_counting')}</legend>
        {shown('unit') ? (
          <div className="form-field">
            <label htmlFor="product-unit">{t('unit')}</label>
            <select
              id="product-unit"
              value={form.unit}
              onChange={(e) => onChange('unit', e.target.value as ProductUnit)}
            >
              {units.map((unit) => (
                <option key={unit} value={unit}>
                  {u(unitLongKey(unit))}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {field('min_qty', t('min_qty'), { decimal: true, hint: 'min_qty_hint' })}
        {field('par_level', t('par_level'), { decimal: true, hint: 'par_level_hint' })}
        {field('pack_size', t('pack_size'), { decimal: true })}
        {field('pack_uom', t('pack_uom'))}
        {field('conversion_unit', t('conversion_unit'))}
        {field('conversion_factor', t('conversion_factor'), {
          decimal: true,
          hint: 'conversion_factor_hint',
        })}
      </fieldset>

      {shown('full_weight_g') ? <BottleWeights form={form} messages={messages} onChange={onChange} /> : null}

      {prices ? (
        <fieldset className="form-section">
          <legend>{t('section_prices')}</legend>
          {field('purchase_price', t('purchase_price', { currency: currencySymbol(locale, currency) }), {
            decimal: true,
          })}
          {field('selling_price', t('selling_price', { currency: currencySymbol(locale, currency) }), {
            decimal: true,
          })}
          {field('vat_rate', t('vat_rate'), { decimal: true })}
        </fieldset>
      ) : null}

      <fieldset className="form-section">
        <legend>{t('section_more')}</legend>
        {shown('product_role') ? (
          <div className="form-field">
            <label htmlFor="product-product_role">{t('product_role')}</label>
            <select
              id="product-product_role"
              value={form.product_role}
              onChange={(e) => onChange('product_role', e.target.value as ProductRole | '')}
            >
              <option value="">{t('role_none')}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role_${role}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {field('notes', t('notes'), { multiline: true })}
      </fieldset>
    </>
  );
}
