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
 * The idempotency key of the check being typed: the same for every retry of the same body (a lost answer
 * is not a second check), a new one once the body changes or the check is stored (the next is another).
 */
export class SubmissionKeys {
  private body: string | null = null;
  private key: string;

  constructor(private readonly newKey: () => string) {
    this.key = newKey();
  }

  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.body !== null && this.body !== text) this.key = this.newKey();
    this.body = text;
    return this.key;
  }

  /** The check was stored: the next submission is a new check. */
  settled(): void {
    this.key = this.newKey();
    this.body = null;
  }
}
