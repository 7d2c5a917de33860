// Half away from zero like PostgreSQL's round(numeric); toFixed(6) first absorbs binary noise (1.275 * 100).
const roundTo = (n: number, scale: number): number =>
  (Math.sign(n) * Math.round(Number((Math.abs(n) * scale).toFixed(6)))) / scale || 0;

/** Outputs: money to 2 decimals, quantities to 3 (SPEC wire format). */
export const round2 = (n: number): number => roundTo(n, 100);
export const round3 = (n: number): number => roundTo(n, 1000);

/** Sum of values with at most 6 decimals (numeric from the db), exact before the final rounding. */
export function sumExact(values: Iterable<number>): number {
  let micros = 0;
  for (const value of values) micros += Math.round(value * 1e6);
  return micros / 1e6;
}
