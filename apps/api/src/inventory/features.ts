import type { ServiceFeatureKey, ServiceFeatures } from '@stockscan/contracts';

/** Whether a service feature (SPEC §6) is enabled; a missing key counts as off. */
export function featureOn(features: ServiceFeatures, key: ServiceFeatureKey): boolean {
  return features[key]?.enabled === true;
}

/** Prices are tracked per kind: `prices.enabled` and its purchase/selling switches. */
export function priceOn(features: ServiceFeatures, kind: 'purchase' | 'selling'): boolean {
  const prices = features.prices;
  if (prices?.enabled !== true) return false;
  return (kind === 'purchase' ? prices.purchase_enabled : prices.selling_enabled) !== false;
}
