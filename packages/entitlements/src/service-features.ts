import type { CountingMode, ProductUnit, ProductUpdateInput, ServiceFeatureKey } from '@stockscan/contracts';

/** A service's `features` jsonb as stored and as the API shows it (SPEC §6). */
export type ServiceFeatureFlags = Readonly<
  Record<
    string,
    { enabled: boolean; purchase_enabled?: boolean | undefined; selling_enabled?: boolean | undefined }
  >
>;

/** Whether a service feature is enabled; a missing key counts as off. */
export function featureOn(features: ServiceFeatureFlags, key: ServiceFeatureKey): boolean {
  return features[key]?.enabled === true;
}

/** Prices are tracked per kind: `prices.enabled` and its purchase/selling switches (a missing switch is on). */
export function priceOn(features: ServiceFeatureFlags, kind: 'purchase' | 'selling'): boolean {
  const prices = features.prices;
  if (prices?.enabled !== true) return false;
  return (kind === 'purchase' ? prices.purchase_enabled : prices.selling_enabled) !== false;
}

/** Product fields a client may send (create and update share them). */
export type ProductField = keyof Omit<ProductUpdateInput, 'id'>;

type Gate = (features: ServiceFeatureFlags) => boolean;
const on =
  (key: ServiceFeatureKey): Gate =>
  (f) =>
    featureOn(f, key);

/** Fields that only exist when the service tracks their feature; the others always exist. */
const FIELD_GATES: Readonly<Partial<Record<ProductField, Gate>>> = Object.freeze({
  purchase_price: (f: ServiceFeatureFlags) => priceOn(f, 'purchase'),
  selling_price: (f: ServiceFeatureFlags) => priceOn(f, 'selling'),
  vat_rate: on('vat'),
  barcode: on('barcode'),
  internal_sku: on('sku'),
  supplier: on('suppliers'),
  variant_name: on('variants'),
  variant_value: on('variants'),
  pack_size: on('multi_unit'),
  pack_uom: on('multi_unit'),
  conversion_unit: on('multi_unit'),
  conversion_factor: on('multi_unit'),
  product_role: on('item_type'),
  full_weight_g: on('open_container_tracking'),
  empty_weight_g: on('open_container_tracking'),
});

/** Whether a product of a service with these features has `field` (the unit follows the counting mode). */
export function productFieldAllowed(features: ServiceFeatureFlags, field: ProductField): boolean {
  return FIELD_GATES[field]?.(features) ?? true;
}

/** Units per counting mode, the default first. */
export const UNITS_BY_MODE: Readonly<Record<CountingMode, readonly ProductUnit[]>> = Object.freeze({
  unit: Object.freeze(['pcs'] as const),
  weight: Object.freeze(['kg', 'g'] as const),
  volume: Object.freeze(['l', 'ml'] as const),
  mixed: Object.freeze(['pcs', 'kg', 'g', 'l', 'ml'] as const),
});

/** The units a product of a service counting in `mode` may use. */
export function unitsFor(mode: CountingMode): readonly ProductUnit[] {
  return UNITS_BY_MODE[mode];
}

/** The unit a product gets when none (or one its counting mode does not allow) is given. */
export function defaultUnit(mode: CountingMode): ProductUnit {
  return UNITS_BY_MODE[mode][0] as ProductUnit;
}

/** Counting mode normalises units: weight → kg|g, volume → l|ml, unit → pcs, mixed → as given. */
export function normaliseUnit(mode: CountingMode, unit: ProductUnit | undefined | null): ProductUnit {
  return unit && UNITS_BY_MODE[mode].includes(unit) ? unit : defaultUnit(mode);
}
