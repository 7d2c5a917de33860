import { describe, expect, it } from 'vitest';
import { newSubmissionKey } from '../../../shared/forms/submission-key';
import { SubmissionKeys, spotVerdict } from './spot-result';

describe('a spot check’s difference', () => {
  it('reads as nothing expected, exact, missing or extra', () => {
    expect(spotVerdict(null)).toEqual({ kind: 'no_expected' });
    expect(spotVerdict(0)).toEqual({ kind: 'exact' });
    expect(spotVerdict(0.0001)).toEqual({ kind: 'exact' });
    expect(spotVerdict(-2.5)).toEqual({ kind: 'missing', qty: 2.5 });
    expect(spotVerdict(1.25)).toEqual({ kind: 'extra', qty: 1.25 });
  });

  it('gets a fresh key for each submission', () => {
    const a = newSubmissionKey();
    const b = newSubmissionKey();
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it('keeps one key for the retries of the same check, a new one for another body or after it is stored', () => {
    let n = 0;
    const keys = new SubmissionKeys(() => `k${++n}`);
    const body = { product_id: 'gin', quantity: 4, location_id: null };
    expect(keys.keyFor(body)).toBe('k1');
    expect(keys.keyFor({ ...body })).toBe('k1');
    // The person corrected the quantity after a failed send: another body, another key (no 409 mismatch).
    expect(keys.keyFor({ ...body, quantity: 5 })).toBe('k2');
    keys.settled();
    expect(keys.keyFor({ ...body, quantity: 5 })).toBe('k3');
  });
});
