import { describe, expect, it } from 'vitest';
import { seesPreviousCounts } from '../src';

describe('seesPreviousCounts (blind counting)', () => {
  it('hides last month from operators of a blind service only', () => {
    expect(seesPreviousCounts('operator', true)).toBe(false);
    expect(seesPreviousCounts('operator', false)).toBe(true);
    expect(seesPreviousCounts('manager', true)).toBe(true);
    expect(seesPreviousCounts('owner', true)).toBe(true);
  });
});
