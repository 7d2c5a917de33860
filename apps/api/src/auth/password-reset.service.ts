import type { AuthOk, PasswordResetConfirmInput, PasswordResetRequestInput } from '@stockscan/contracts';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { hitRateLimit } from '../ratelimit/rate-limit.service';
import { passwordResetEmail, userLocale } from './emails';
import { hashPassword } from './passwords';
import { revokeUserTokens } from './refresh-tokens';
import { consumeUserToken, createUserToken, isUserTokenUsable } from './user-tokens';

export const RESET_TOKEN_TTL_MS = 60 * 60_000;
/** At most 5 reset emails per account and hour: nobody can flood a mailbox through us. */
const RESET_EMAIL_LIMIT = { limit: 5, windowMs: 60 * 60_000 } as const;

const linkExpired = () =>
  new AppError('TOKEN_INVALID', {
    fr: 'Ce lien de réinitialisation est invalide, a expiré ou a déjà été utilisé : demandez-en un nouveau.',
    en: 'This reset link is invalid, has expired or was already used: ask for a new one.',
  });

/**
 * Always answers ok, whether the email belongs to an account or not (no enumeration). For an active account,
 * stores a single-use token valid one hour (hashed) and emails the link in the user's language. The email
 * goes out in the background so the answer takes the same time either way.
 */
export async function requestPasswordReset(
  deps: Pick<Deps, 'db' | 'config' | 'now' | 'mailer'>,
  input: PasswordResetRequestInput,
): Promise<AuthOk> {
  const now = deps.now();
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'username', 'email', 'locale'])
    .where(sql`lower(email)`, '=', input.email)
    .where('is_active', '=', true)
    .executeTakeFirst();
  if (!user?.email) return { ok: true };
  const quota = await hitRateLimit(deps.db, `password-reset:${user.id}`, RESET_EMAIL_LIMIT, now);
  if (!quota.allowed) return { ok: true };

  const token = await createUserToken(
    deps.db,
    user.id,
    'password_reset',
    new Date(now.getTime() + RESET_TOKEN_TTL_MS),
  );
  const link = `${deps.config.frontendUrl}/reset-password?token=${encodeURIComponent(token)}`;
  // The mailer never throws; not awaiting it keeps the timing of known and unknown emails alike.
  void deps.mailer.send(passwordResetEmail(user.email, user.username, link, userLocale(user.locale)));
  return { ok: true };
}

/**
 * Sets the new password with a valid reset token (then spent, with any other pending one), and ends every
 * session of the user: a stolen refresh token dies with the old password.
 */
export async function confirmPasswordReset(
  deps: Pick<Deps, 'db' | 'now'>,
  input: PasswordResetConfirmInput,
): Promise<AuthOk> {
  const now = deps.now();
  if (!(await isUserTokenUsable(deps.db, input.token, 'password_reset', now))) throw linkExpired();
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.transaction().execute(async (tx) => {
    const owner = await consumeUserToken(tx, input.token, 'password_reset', now);
    if (!owner) return null;
    await tx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        // Receiving the link proves the address.
        email_verified_at: sql`coalesce(email_verified_at, ${now})`,
      })
      .where('id', '=', owner)
      .execute();
    await tx
      .updateTable('user_tokens')
      .set({ used_at: now })
      .where('user_id', '=', owner)
      .where('purpose', '=', 'password_reset')
      .where('used_at', 'is', null)
      .execute();
    await revokeUserTokens(tx, owner, now);
    await recordAudit(tx, {
      at: now,
      tenant_id: null,
      user_id: owner,
      action: 'auth.password_reset',
      object_type: 'user',
      object_id: owner,
    });
    return owner;
  });
  if (!userId) throw linkExpired();
  return { ok: true };
}
