import type { InvitationMessageKey } from './dead-ends';

export type AcceptField = 'username' | 'password' | 'password_confirm';
export type AcceptFields = Partial<Record<AcceptField, string>>;

/** A suggestion the server would also accept: the email's local part, cleaned. */
export function suggestedUsername(email: string): string {
  return (email.split('@')[0] ?? '').replace(/[^\p{L}\p{N}_.+-]/gu, '').slice(0, 40);
}

const USERNAME_CHARS = /^[\p{L}\p{N}_.+-]+$/u;

/** The checks the server would make, said before sending: an existing account only proves its password. */
export function acceptProblems(draft: {
  existing: boolean;
  username: string;
  password: string;
  confirm: string;
}): Partial<Record<AcceptField, InvitationMessageKey>> {
  const { password } = draft;
  if (draft.existing) return { password: password ? undefined : 'password_required' };
  const name = draft.username.trim();
  return {
    username: !name
      ? 'username_required'
      : name.length < 2
        ? 'username_short'
        : USERNAME_CHARS.test(name)
          ? undefined
          : 'username_chars',
    password: !password ? 'password_required' : password.length < 8 ? 'password_short' : undefined,
    password_confirm: draft.confirm === password ? undefined : 'password_mismatch',
  };
}
