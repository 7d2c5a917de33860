import type { AppRouter } from '@stockscan/api';
import type { CountingMode, ProductUnit, ServiceFeatureKey } from '@stockscan/contracts';
import type { inferRouterOutputs } from '@trpc/server';

export type Service = inferRouterOutputs<AppRouter>['services']['list'][number];

/** Whether the service tracks a feature (SPEC §6); a missing key is off, as on the server. */
export function featureOn(service: Pick<Service, 'features'> | undefined, key: ServiceFeatureKey): boolean {
  return service?.features[key]?.enabled === true;
}

/** Prices are switched per kind under `prices`. */
export function priceOn(
  service: Pick<Service, 'features'> | undefined,
  kind: 'purchase' | 'selling',
): boolean {
  const prices = service?.features.prices;
  if (prices?.enabled !== true) return false;
  return (kind === 'purchase' ? prices.purchase_enabled : prices.selling_enabled) !== false;
}

const UNITS_BY_MODE: Record<CountingMode, ProductUnit[]> = {
  unit: ['pcs'],
  weight: ['kg', 'g'],
  volume: ['l', 'ml'],
  mixed: ['pcs', 'kg', 'g', 'l', 'ml'],
};

/** The units a product of this service may use (the server normalises anything else). */
export function unitsFor(mode: CountingMode): ProductUnit[] {
  return UNITS_BY_MODE[mode];
}
