import { describe, expect, it } from 'vitest';
import { parseDecimal, qtyInputValue, shiftMonth } from '../src/features/inventory/scope/format';
import type { Service } from '../src/features/inventory/scope/service-features';
import { emptyForm, fieldShown, readForm } from '../src/features/products/product-form';

const service = (type: 'bar' | 'retail', features: Record<string, boolean>, selling = true): Service => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: type === 'bar' ? 'Bar' : 'Boutique',
  service_type: type === 'bar' ? 'bar' : 'retail_general',
  counting_mode: type === 'bar' ? 'mixed' : 'unit',
  blind_counting: false,
  created_at: '2026-01-01T00:00:00.000Z',
  features: {
    ...Object.fromEntries(Object.entries(features).map(([k, on]) => [k, { enabled: on, recommended: on }])),
    prices: { enabled: true, recommended: true, purchase_enabled: true, selling_enabled: selling },
  },
});

describe('quantities as typed on a phone', () => {
  it('reads comma and dot decimals, refuses what is not a quantity', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal(' 3 ')).toBe(3);
    expect(parseDecimal('0.125')).toBe(0.125);
    expect(parseDecimal(',5')).toBe(0.5);
    expect(parseDecimal('1,2345')).toBeNull();
    expect(parseDecimal('-1')).toBeNull();
    expect(parseDecimal('12,5,1')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('12,345', 2)).toBeNull();
  });

  it('writes a quantity back with the locale’s decimal mark and no float noise', () => {
    expect(qtyInputValue('fr', 0.1 + 0.2)).toBe('0,3');
    expect(qtyInputValue('en', 4.5)).toBe('4.5');
  });

  it('steps months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
  });
});

describe('product form', () => {
  it('shows only the fields the service tracks', () => {
    const bar = service('bar', { barcode: true, sku: false, vat: true, multi_unit: true }, false);
    expect(fieldShown(bar, 'barcode')).toBe(true);
    expect(fieldShown(bar, 'internal_sku')).toBe(false);
    expect(fieldShown(bar, 'selling_price')).toBe(false);
    expect(fieldShown(bar, 'pack_size')).toBe(true);
    expect(fieldShown(bar, 'unit')).toBe(true);
    const shop = service('retail', { barcode: false, sku: true, variants: true });
    expect(fieldShown(shop, 'unit')).toBe(false);
    expect(fieldShown(shop, 'variant_value')).toBe(true);
  });

  it('sends typed numbers as numbers, emptied fields as null, hidden fields not at all', () => {
    const bar = service('bar', { barcode: true, sku: false, vat: true, multi_unit: false }, false);
    const form = { ...emptyForm(bar), name: ' Gin ', purchase_price: '24,50', vat_rate: '20', barcode: '' };
    const { fields, problems } = readForm(form, bar);
    expect(problems).toEqual({});
    expect(fields).toMatchObject({
      name: 'Gin',
      purchase_price: 24.5,
      vat_rate: 20,
      barcode: null,
      unit: 'pcs',
    });
    expect(fields).not.toHaveProperty('internal_sku');
    expect(fields).not.toHaveProperty('selling_price');
    expect(fields).not.toHaveProperty('pack_size');
  });

  it('names the fields to fix instead of sending', () => {
    const bar = service('bar', { vat: true }, true);
    const form = { ...emptyForm(bar), purchase_price: '12,345', vat_rate: '120' };
    expect(readForm(form, bar).problems).toEqual({
      name: 'name_required',
      purchase_price: 'number_invalid',
      vat_rate: 'vat_range',
    });
  });
});
