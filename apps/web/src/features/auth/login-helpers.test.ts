import { describe, expect, it } from 'vitest';
import { safeNext } from './login-helpers';

describe('safeNext', () => {
  it('keeps a path of this site and refuses anything that leaves it', () => {
    expect(safeNext('/app/settings?tab=1')).toBe('/app/settings?tab=1');
    expect(safeNext(null)).toBe('/app');
    expect(safeNext('https://evil.example/')).toBe('/app');
    expect(safeNext('//evil.example/')).toBe('/app');
    expect(safeNext('/\\evil.example/')).toBe('/app');
  });
});
