/**
 * Suggested orders (SPEC §11): what to order of a product so its stock gets back to its par level, in whole
 * packs. The server suggests it; the order form shows the same rounding when a quantity is retyped.
 */

/** Quantities are stored with three decimals: work in thousandths so 0.1 + 0.2 never makes a pack more. */
const thousandths = (value: number) => Math.round(value * 1000);

export interface OrderQuantity {
  /** Units to order (the product's own unit). */
  quantity: number;
  /** Whole packs of `pack_size` making up `quantity`; null without a pack size. */
  packs: number | null;
}

/**
 * The smallest orderable quantity holding at least `needed` units: whole packs when the product has a pack size
 * (> 1: a pack of one is a unit), whole units for a counted product (`wholeUnits`), else as is (kilos, litres).
 * Nothing needed (≤ 0) orders nothing.
 */
export function roundUpToPacks(needed: number, packSize: number | null, wholeUnits: boolean): OrderQuantity {
  const need = thousandths(needed);
  if (need <= 0) return { quantity: 0, packs: packSize && packSize > 1 ? 0 : null };
  if (packSize && packSize > 1) {
    const pack = thousandths(packSize);
    const packs = Math.ceil(need / pack);
    return { quantity: (packs * pack) / 1000, packs };
  }
  return { quantity: wholeUnits ? Math.ceil(need / 1000) : need / 1000, packs: null };
}

export interface SuggestionInput {
  /** Order-up-to quantity; null: the product is not ordered by suggestion. */
  par_level: number | null;
  /** Expected on-hand (last count + received − losses − sold since); null: never counted. */
  expected: number | null;
  /** Already ordered and not received yet (sent orders): on its way, not to be ordered twice. */
  on_order: number;
  pack_size: number | null;
  /** Counted in pieces (bottles, cans): order whole ones. */
  whole_units: boolean;
}

/**
 * max(0, par − expected on-hand − on order) rounded up to whole packs; null when there is nothing to base it on
 * (no par level, or never counted). A quantity of 0 means the stock, with what is on its way, is at or above par.
 */
export function suggestedOrder(input: SuggestionInput): OrderQuantity | null {
  if (input.par_level === null || input.expected === null) return null;
  return roundUpToPacks(
    input.par_level - input.expected - input.on_order,
    input.pack_size,
    input.whole_units,
  );
}

/** A product and a quantity of it (a line of an order, or of what came of it). */
export interface ProductQuantity {
  product_id: string;
  quantity: number;
}

/**
 * What did not come of an order: each ordered line (one per product) with its quantity lowered to ordered −
 * received (every delivered line of that product counted), kept when above 0. The server keeps it on order (a
 * backorder); the receive form offers that only when something is missing.
 */
export function missingFromDelivery<L extends ProductQuantity>(
  ordered: readonly L[],
  received: readonly ProductQuantity[],
): L[] {
  const came = new Map<string, number>();
  for (const line of received)
    came.set(line.product_id, (came.get(line.product_id) ?? 0) + thousandths(line.quantity));
  return ordered.flatMap((line) => {
    const missing = thousandths(line.quantity) - (came.get(line.product_id) ?? 0);
    return missing > 0 ? [{ ...line, quantity: missing / 1000 }] : [];
  });
}
