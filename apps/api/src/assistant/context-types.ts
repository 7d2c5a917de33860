import type { LossReason, ProductUnit, ServiceFeatures } from '@stockscan/contracts';
import type { Entitlements } from '@stockscan/entitlements';
import type { ConsumptionContext } from './usage-context';

/**
 * What the model (and the fallback summary) knows: the tenant's business figures, no personal data.
 * A section is null when the plan does not include it (alerts_stock, alerts_expiry, loss_management).
 */
export interface AssistantContext {
  month: string;
  previous_month: string;
  today: string;
  currency: string;
  plan: string;
  services: string[];
  /** The month (or the previous one) is older than the plan may read: its figures are left out. */
  retention_limited: boolean;
  totals: {
    products: number;
    counted: number;
    not_counted: number;
    stock_value_purchase: number;
    stock_value_selling: number;
  };
  previous: { counted: number; stock_value_purchase: number; stock_value_selling: number } | null;
  by_service: { name: string; products: number; counted: number; stock_value_purchase: number }[];
  out_of_stock: {
    count: number;
    items: { name: string; unit: ProductUnit; min_qty: number | null }[];
  } | null;
  low_stock: {
    count: number;
    items: { name: string; quantity: number; min_qty: number; unit: ProductUnit }[];
  } | null;
  expiring_soon: {
    count: number;
    items: { name: string; quantity: number; unit: ProductUnit; expiry_date: string; days_left: number }[];
  } | null;
  losses: {
    events: number;
    cost: number;
    unpriced_events: number;
    previous_cost: number | null;
    by_reason: { reason: LossReason; events: number; cost: number }[];
    top_products: { name: string; events: number; unit: ProductUnit; cost: number | null }[];
  } | null;
  /** Products counted both months, largest value change first. */
  biggest_changes: {
    name: string;
    unit: ProductUnit;
    previous_quantity: number;
    quantity: number;
    value_change: number;
  }[];
  /** BOUTIQUE+ consumption of the month and (PRO) its biggest unexplained gaps; null without the feature. */
  consumption: ConsumptionContext | null;
  data_quality: {
    missing_purchase_price: number;
    missing_selling_price: number;
    missing_identifier: number;
    missing_category: number;
    counted_without_expiry: number;
  };
  plan_features: string[];
}

export interface ScopeService {
  id: string;
  name: string;
  features: ServiceFeatures;
}

export interface ContextRequest {
  services: ScopeService[];
  month: string;
  ent: Entitlements;
  currency: string;
}
