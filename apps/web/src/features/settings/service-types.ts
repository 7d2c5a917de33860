import type { ServiceType } from '@stockscan/contracts';

/** Service types in the order offered in selects (the trades first, "other" last). */
export const SERVICE_TYPES: readonly ServiceType[] = [
  'grocery_food',
  'bulk_food',
  'bar',
  'kitchen',
  'bakery',
  'restaurant_dining',
  'retail_general',
  'pharmacy_parapharmacy',
  'other',
];
