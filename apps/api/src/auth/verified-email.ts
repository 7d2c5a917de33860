import type { Db } from '@stockscan/db';
import { AppError } from '../errors';

/**
 * Sending to an address the user typed (emailed exports, orders to a supplier) and spending the AI quota
 * need a confirmed address: scripted sign-ups must not turn our mail domain and model key into a relay.
 */
export async function isEmailVerified(db: Db, userId: string): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select('email_verified_at')
    .where('id', '=', userId)
    .executeTakeFirst();
  return Boolean(user?.email_verified_at);
}

/** 403 EMAIL_NOT_VERIFIED (SPEC §5: 401 only at login) with what to do about it. */
export function emailNotVerifiedForAction(): AppError {
  return new AppError(
    'EMAIL_NOT_VERIFIED',
    {
      fr: 'Confirmez d’abord votre adresse e-mail (lien reçu à l’inscription, ou « Renvoyer le lien » dans Réglages → Compte) pour envoyer des fichiers par e-mail.',
      en: 'Confirm your email address first (the link sent at sign-up, or “Resend the link” in Settings → Account) to send files by email.',
    },
    undefined,
    undefined,
    undefined,
    403,
  );
}

export async function requireVerifiedEmail(db: Db, userId: string): Promise<void> {
  if (!(await isEmailVerified(db, userId))) throw emailNotVerifiedForAction();
}
