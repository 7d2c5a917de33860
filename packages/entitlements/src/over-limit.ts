import { type CountKey, type Limits, withinLimit } from './entitlements';

export type CountUsage = { products_count: number; services_count: number; users_count: number };
export type OverLimit = { products: boolean; services: boolean; users: boolean };

/** Already beyond a limit (e.g. after a downgrade): blocks creating more, never reading or exporting. */
export function overLimit(usage: CountUsage, limits: Pick<Limits, CountKey>): OverLimit {
  return {
    products: !withinLimit(limits.max_products, usage.products_count),
    services: !withinLimit(limits.max_services, usage.services_count),
    users: !withinLimit(limits.max_users, usage.users_count),
  };
}
