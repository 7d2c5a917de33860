import type { Db } from '@stockscan/db';
import { requireFeature } from '../entitlements/enforce';

/** Suppliers, deliveries, transfers and the consumption report: BOUTIQUE+ (SPEC §11 `stock_control`). */
export function requireStockControl(db: Db, tenantId: string, now: Date): Promise<void> {
  return requireFeature(db, tenantId, 'stock_control', now);
}

/** Suggested orders and purchase orders: PRO (SPEC §11 `purchase_orders`). */
export function requirePurchaseOrders(db: Db, tenantId: string, now: Date): Promise<void> {
  return requireFeature(db, tenantId, 'purchase_orders', now);
}
