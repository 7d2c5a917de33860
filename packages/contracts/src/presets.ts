import type { CountingMode, ServiceType, TenantDomain } from './enums';

export interface FeatureToggle {
  enabled: boolean;
  recommended: boolean;
}
export type ServiceFeatures = Record<string, FeatureToggle & Partial<PriceFeature>>;

export const FEATURE_KEYS = [
  'barcode',
  'sku',
  'prices',
  'dlc',
  'vat',
  'suppliers',
  'lot',
  'multi_unit',
  'variants',
  'open_container_tracking',
  'item_type',
] as const;
export type ServiceFeatureKey = (typeof FEATURE_KEYS)[number];

interface Preset {
  counting_mode: CountingMode;
  /** Enabled beyond barcode + prices. */
  enabled: ServiceFeatureKey[];
  recommended?: ServiceFeatureKey[];
  barcode?: boolean;
  selling_price?: boolean;
}

/** SPEC §6 presets. */
export const SERVICE_PRESETS: Record<ServiceType, Preset> = {
  grocery_food: { counting_mode: 'unit', enabled: ['dlc', 'multi_unit', 'vat'], recommended: ['dlc'] },
  bulk_food: {
    counting_mode: 'weight',
    enabled: ['sku', 'dlc', 'multi_unit', 'open_container_tracking', 'vat'],
  },
  bar: {
    counting_mode: 'mixed',
    enabled: ['dlc', 'lot', 'multi_unit', 'open_container_tracking', 'vat'],
    selling_price: false,
  },
  kitchen: {
    counting_mode: 'weight',
    enabled: ['sku', 'dlc', 'lot', 'multi_unit', 'open_container_tracking', 'item_type'],
  },
  bakery: {
    counting_mode: 'mixed',
    enabled: ['sku', 'dlc', 'lot', 'multi_unit', 'open_container_tracking', 'item_type', 'vat'],
  },
  restaurant_dining: {
    counting_mode: 'mixed',
    enabled: ['sku', 'dlc', 'lot', 'multi_unit', 'open_container_tracking', 'item_type', 'vat'],
  },
  retail_general: { counting_mode: 'unit', enabled: ['sku', 'variants', 'vat'], barcode: false },
  pharmacy_parapharmacy: { counting_mode: 'unit', enabled: ['sku', 'dlc', 'lot', 'vat', 'suppliers'] },
  other: { counting_mode: 'unit', enabled: [] },
};

export interface PriceFeature {
  enabled: boolean;
  recommended: boolean;
  purchase_enabled: boolean;
  selling_enabled: boolean;
}

/** The features jsonb of a new service of this type (domain `general` turns dlc and open containers off). */
export function presetFeatures(serviceType: ServiceType, domain: TenantDomain): ServiceFeatures {
  const preset = SERVICE_PRESETS[serviceType];
  const features: ServiceFeatures = {};
  for (const key of FEATURE_KEYS) {
    const on =
      key === 'barcode' ? preset.barcode !== false : key === 'prices' ? true : preset.enabled.includes(key);
    const offForGeneral = domain === 'general' && (key === 'dlc' || key === 'open_container_tracking');
    const enabled = on && !offForGeneral;
    features[key] = { enabled, recommended: enabled || (preset.recommended?.includes(key) ?? false) };
  }
  features.prices = {
    enabled: true,
    recommended: true,
    purchase_enabled: true,
    selling_enabled: preset.selling_price !== false,
  };
  return features;
}

export function presetCountingMode(serviceType: ServiceType): CountingMode {
  return SERVICE_PRESETS[serviceType].counting_mode;
}

/** Business-type defaults for the web onboarding (SPEC §6). */
export const BUSINESS_DEFAULT_SERVICES: Record<string, { name: string; service_type: ServiceType }[]> = {
  restaurant: [
    { name: 'Cuisine', service_type: 'kitchen' },
    { name: 'Salle', service_type: 'restaurant_dining' },
  ],
  bar: [{ name: 'Bar', service_type: 'bar' }],
  grocery: [{ name: 'Épicerie', service_type: 'grocery_food' }],
  retail: [{ name: 'Boutique', service_type: 'retail_general' }],
  pharmacy: [{ name: 'Pharmacie', service_type: 'pharmacy_parapharmacy' }],
  bakery: [{ name: 'Boulangerie', service_type: 'bakery' }],
  camping_multi: [
    { name: 'Épicerie', service_type: 'grocery_food' },
    { name: 'Bar', service_type: 'bar' },
    { name: 'Restauration', service_type: 'kitchen' },
  ],
  other: [{ name: 'Stock', service_type: 'other' }],
};
