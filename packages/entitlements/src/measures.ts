/**
 * How a count typed behind the bar becomes the stored quantity (SPEC §11 "cases and units", "weighing"):
 * the web shows the result as it is typed, the server stores it. Pure arithmetic, one home.
 */

/** Quantities are stored with three decimals. */
const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Packs + loose units → units (a product with `pack_size` > 1: "3 cartons + 4" of 24 = 76). */
export function unitsFromPacks(packs: number, units: number, packSize: number): number {
  return round3(packs * packSize + units);
}

/** Units → whole packs and the loose rest, for "3 cartons + 4 = 76" (no pack size: all loose). */
export function splitIntoPacks(total: number, packSize: number | null): { packs: number; units: number } {
  if (!packSize || packSize <= 1 || total < 0) return { packs: 0, units: total };
  const packs = Math.floor(round3(total / packSize));
  return { packs, units: round3(total - packs * packSize) };
}

/** A product can be weighed once both weights are known and the full one is heavier. */
export function canWeigh(fullG: number | null, emptyG: number | null): boolean {
  return fullG !== null && emptyG !== null && fullG > emptyG;
}

/**
 * remaining_fraction = (weight − empty) ÷ (full − empty), clamped to [0, 1] and kept to three decimals
 * (a scale read by eye is a few grams off; under the empty weight is empty, over the full one is full).
 * null when the product cannot be weighed.
 */
export function fractionFromWeight(
  weightG: number,
  fullG: number | null,
  emptyG: number | null,
): number | null {
  if (!canWeigh(fullG, emptyG)) return null;
  const full = fullG as number;
  const empty = emptyG as number;
  const fraction = (weightG - empty) / (full - empty);
  return round3(Math.min(1, Math.max(0, fraction)));
}

export interface BottleSize {
  /** Nominal volume in millilitres. */
  volume_ml: number;
  kind: 'spirits' | 'wine';
  /** A full bottle with its pour spout, grams. */
  full_g: number;
  /** The same bottle empty, spout included, grams. */
  empty_g: number;
}

/**
 * Common bottle sizes to pre-fill a product's weights (typical glass, a pour spout of ~12 g; spirits at 40 %
 * weigh ~0.95 g/ml, wine ~0.99 g/ml). A starting point the owner corrects by weighing one bottle.
 */
export const COMMON_BOTTLES: readonly BottleSize[] = [
  { volume_ml: 200, kind: 'spirits', full_g: 452, empty_g: 262 },
  { volume_ml: 350, kind: 'spirits', full_g: 725, empty_g: 392 },
  { volume_ml: 500, kind: 'spirits', full_g: 937, empty_g: 462 },
  { volume_ml: 700, kind: 'spirits', full_g: 1197, empty_g: 532 },
  { volume_ml: 750, kind: 'wine', full_g: 1237, empty_g: 492 },
  { volume_ml: 1000, kind: 'spirits', full_g: 1612, empty_g: 662 },
  { volume_ml: 1500, kind: 'wine', full_g: 2402, empty_g: 912 },
];

/** The table's bottle for a volume (exact match), or null. */
export function bottleFor(volumeMl: number): BottleSize | null {
  return COMMON_BOTTLES.find((bottle) => bottle.volume_ml === volumeMl) ?? null;
}
