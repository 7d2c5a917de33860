import type { InventoryWarning, ProductUpdateInput } from '@stockscan/contracts';
import type { ProductUpdate } from '@stockscan/db';
import {
  featureOn,
  normaliseUnit,
  type ProductField,
  priceOn,
  productFieldAllowed,
} from '@stockscan/entitlements';
import type { ServiceRow } from './scope';
import { warning } from './warnings';

/** Product fields a client may send (create and update share them). */
export type ProductFields = Omit<ProductUpdateInput, 'id'>;

/**
 * The columns to write for the fields given, shaped by the service: a field of a disabled feature is
 * stored as null (with a FIELD_IGNORED warning), the unit follows the counting mode. `isCreate` gives
 * the unit its default; on update an omitted field is left as it is.
 */
export function applyServiceFeatures(
  service: ServiceRow,
  input: ProductFields,
  isCreate: boolean,
): { values: ProductUpdate; warnings: InventoryWarning[] } {
  const values: Record<string, unknown> = {};
  const warnings: InventoryWarning[] = [];
  for (const [key, value] of Object.entries(input) as [ProductField, unknown][]) {
    if (value === undefined || key === 'unit') continue;
    if (!productFieldAllowed(service.features, key)) {
      if (value !== null) warnings.push(warning('FIELD_IGNORED', { field: key }));
      values[key] = null;
    } else values[key] = value;
  }
  if (isCreate || input.unit != null) {
    const unit = normaliseUnit(service.counting_mode, input.unit ?? null);
    if (input.unit != null && input.unit !== unit)
      warnings.push(warning('UNIT_NORMALISED', { field: 'unit', detail: unit }));
    values.unit = unit;
  }
  return { values: values as ProductUpdate, warnings };
}

/** Advice on a stored product: how it can be found and valued. */
export function productWarnings(
  service: ServiceRow,
  product: { barcode: string | null; internal_sku: string | null; purchase_price: number | null },
): InventoryWarning[] {
  const warnings: InventoryWarning[] = [];
  const identifiable = featureOn(service.features, 'barcode') || featureOn(service.features, 'sku');
  if (identifiable && !product.barcode && !product.internal_sku) warnings.push(warning('NO_IDENTIFIER'));
  if (priceOn(service.features, 'purchase') && product.purchase_price === null)
    warnings.push(warning('MISSING_PURCHASE_PRICE', { field: 'purchase_price' }));
  return warnings;
}
