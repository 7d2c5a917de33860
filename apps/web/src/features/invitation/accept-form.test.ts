import { describe, expect, it } from 'vitest';
import { acceptProblems, suggestedUsername } from './accept-form';

describe('accepting an invitation', () => {
  it('suggests the email’s local part, cleaned of what a username may not hold', () => {
    expect(suggestedUsername('marie.dupont+bar@zinc.test')).toBe('marie.dupont+bar');
    expect(suggestedUsername('jo sé!@x.test')).toBe('josé');
  });

  it('an existing account only proves its password; a new one needs a valid username and the password twice', () => {
    expect(acceptProblems({ existing: true, username: '', password: '', confirm: 'x' })).toEqual({
      password: 'password_required',
    });
    expect(acceptProblems({ existing: false, username: 'a', password: 'short', confirm: 'other' })).toEqual({
      username: 'username_short',
      password: 'password_short',
      password_confirm: 'password_mismatch',
    });
    expect(
      acceptProblems({
        existing: false,
        username: 'lea zinc',
        password: 'comptoir-2026',
        confirm: 'comptoir-2026',
      }),
    ).toEqual({ username: 'username_chars', password: undefined, password_confirm: undefined });
  });
});
