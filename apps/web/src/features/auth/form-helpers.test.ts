import { describe, expect, it } from 'vitest';
import { issuesByField, safeNext } from './form-helpers';

describe('safeNext', () => {
  it('keeps a path of this site and refuses anything that leaves it', () => {
    expect(safeNext('/app/settings?tab=1')).toBe('/app/settings?tab=1');
    expect(safeNext(null)).toBe('/app');
    expect(safeNext('https://evil.example/')).toBe('/app');
    expect(safeNext('//evil.example/')).toBe('/app');
    expect(safeNext('/\\evil.example/')).toBe('/app');
  });
});

describe('issuesByField', () => {
  it('keeps the first message of each field and names nested fields with dots', () => {
    expect(
      issuesByField([
        { path: ['username'], message: 'Au moins 2 caractères.' },
        { path: ['username'], message: 'second' },
        { path: ['extra_services', 1, 'name'], message: 'Nom obligatoire.' },
      ]),
    ).toEqual({ username: 'Au moins 2 caractères.', 'extra_services.1.name': 'Nom obligatoire.' });
  });
});
