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

/**
 * One key per submission: a retry of the same check sends it again, a new check gets a new one.
 * `crypto.randomUUID` exists only on https (and localhost); elsewhere 16 random bytes in hex do.
 */
export function newSubmissionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}
