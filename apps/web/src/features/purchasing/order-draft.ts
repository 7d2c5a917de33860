import type { OrderLineInput, ProductUnit } from '@stockscan/contracts';
import { roundUpToPacks } from '@stockscan/entitlements';
import { parseDecimal } from '../inventory/scope/format';

/** A line of a suggestion or an order as the form holds it: the quantity as typed, in packs when it has some. */
export interface OrderLineDraft {
  product_id: string;
  product_name: string;
  unit: ProductUnit;
  pack_size: number | null;
  /** Packs when the product has a pack size > 1, else units — as typed ("2", "1,5"). */
  text: string;
  unit_cost: number | null;
}

export const ordersByPack = (packSize: number | null): boolean => packSize !== null && packSize > 1;

/** The text a form starts from: the whole packs when the quantity is some, else the units. */
export function draftText(quantity: number, packSize: number | null): string {
  const whole = roundUpToPacks(quantity, packSize, false);
  const byPack = ordersByPack(packSize) && whole.quantity === quantity;
  return String(byPack ? whole.packs : quantity).replace('.', ',');
}

/** The units a typed line stands for (packs × pack size); null when not a number. */
export function draftQuantity(line: Pick<OrderLineDraft, 'text' | 'pack_size'>): number | null {
  const value = parseDecimal(line.text, 3);
  if (value === null) return null;
  if (!ordersByPack(line.pack_size)) return value;
  return Math.round(value * (line.pack_size as number) * 1000) / 1000;
}

/**
 * The lines to save: each typed quantity in units; a line left at 0 (or emptied) is dropped. null when a
 * line is not a number (the form says which), or nothing is left to order.
 */
export function orderLines(lines: readonly OrderLineDraft[]): OrderLineInput[] | null {
  const out: OrderLineInput[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    const quantity = draftQuantity(line);
    if (quantity === null) return null;
    if (quantity > 0) out.push({ product_id: line.product_id, quantity, unit_cost: line.unit_cost });
  }
  return out.length > 0 ? out : null;
}
