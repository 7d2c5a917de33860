import { describe, expect, it } from 'vitest';
import { issuesByField } from './form-helpers';

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
