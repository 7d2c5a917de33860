/** How a spot check's difference reads: nothing to compare, exact, missing or extra (and by how much). */
export type SpotVerdict =
  | { kind: 'no_expected' }
  | { kind: 'exact' }
  | { kind: 'missing'; qty: number }
  | { kind: 'extra'; qty: number };

export function spotVerdict(difference: number | null): SpotVerdict {
  if (difference === null) return { kind: 'no_expected' };
  const rounded = Math.round(difference * 1000) / 1000;
  if (rounded === 0) return { kind: 'exact' };
  return rounded < 0 ? { kind: 'missing', qty: -rounded } : { kind: 'extra', qty: rounded };
}
