import type { invitationMessages } from './messages';

export type InvitationMessageKey = keyof (typeof invitationMessages)['fr'];

/** Codes that end the journey here: each has its sentence and its next step. */
export const DEAD_ENDS: Record<
  string,
  { title: InvitationMessageKey; text: InvitationMessageKey; login: boolean }
> = {
  NOT_FOUND: { title: 'not_found_title', text: 'not_found_text', login: false },
  TOKEN_INVALID: { title: 'not_found_title', text: 'not_found_text', login: false },
  VALIDATION_ERROR: { title: 'not_found_title', text: 'not_found_text', login: false },
  INVITE_EXPIRED: { title: 'expired_title', text: 'expired_text', login: false },
  INVITE_ALREADY_ACCEPTED: { title: 'accepted_title', text: 'accepted_text', login: true },
};
