import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The inviting owner sees the invitation link too (in the 201, or in the UI when the email could not be sent).
 * Only the emailed copy carries this proof, derived from the token with APP_SECRET: accepting with it shows the
 * mailbox was reached, so only then is the new account's email verified.
 */
export function invitationEmailProof(appSecret: string, token: string): string {
  return createHmac('sha256', appSecret).update(`invitation-email:${token}`).digest('base64url');
}

export function isInvitationEmailProof(appSecret: string, token: string, proof: string | undefined): boolean {
  if (!proof) return false;
  const expected = Buffer.from(invitationEmailProof(appSecret, token));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
