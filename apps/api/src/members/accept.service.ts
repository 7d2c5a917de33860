import { randomBytes } from 'node:crypto';
import {
  type AcceptInvitationInput,
  type AcceptInvitationResult,
  type InvitationCanceled,
  type InvitationPreview,
  type Locale,
  Password,
} from '@stockscan/contracts';
import type { Db, Invitation } from '@stockscan/db';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import { verificationEmail } from '../auth/emails';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { issueTokens } from '../auth/refresh-tokens';
import { sessionPayload } from '../auth/session.service';
import { hashToken } from '../auth/tokens';
import { createUserToken } from '../auth/user-tokens';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { hitRateLimit, type RateLimitRule, resetRateLimit } from '../ratelimit/rate-limit.service';
import { isUniqueViolation } from '../tenants/db-errors';
import { isInvitationEmailProof } from './invitation-proof';
import { invitationFacts, invitationStatus } from './invitations.service';

/** The invitee's side: the raw token from the link is the only credential, so every answer is public. */

type AcceptDeps = Pick<Deps, 'db' | 'config' | 'now' | 'mailer'>;

const VERIFICATION_TTL_MS = 2 * 86_400_000;

/** 404 unknown or canceled/declined, 409 already accepted, 410 past its expiry. */
function assertUsable(row: Invitation | undefined, now: Date): asserts row is Invitation {
  if (!row || row.status === 'CANCELED') throw new AppError('NOT_FOUND');
  if (row.status === 'ACCEPTED') throw new AppError('INVITE_ALREADY_ACCEPTED');
  if (invitationStatus(row, now) === 'EXPIRED') throw new AppError('INVITE_EXPIRED');
}

function findByToken(db: Db, token: string) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'is_active', 'email_verified_at'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function previewInvitation(
  deps: Pick<Deps, 'db' | 'now'>,
  token: string,
): Promise<InvitationPreview> {
  const row = await findByToken(deps.db, token);
  assertUsable(row, deps.now());
  const facts = await invitationFacts(deps.db, row);
  return {
    tenant: { id: facts.tenant_id, name: facts.tenant_name },
    email: row.email,
    role: row.role,
    service: row.service_id && facts.service_name ? { id: row.service_id, name: facts.service_name } : null,
    expires_at: row.expires_at.toISOString(),
    invited_by: facts.inviter,
    existing_user: Boolean(await findUserByEmail(deps.db, row.email)),
  };
}

/** A free username from the email's local part: `marie`, else `marie-3f9a`. */
async function freeUsername(db: Db, email: string): Promise<string> {
  const base = (email.split('@')[0] ?? '').replace(/[^\p{L}\p{N}_.+-]/gu, '').slice(0, 40) || 'membre';
  const candidates = [base.length >= 2 ? base : `${base}-membre`];
  for (let i = 0; i < 5; i++) candidates.push(`${base}-${randomBytes(2).toString('hex')}`);
  for (const candidate of candidates) {
    const taken = await db
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(username)`, '=', candidate.toLowerCase())
      .executeTakeFirst();
    if (!taken) return candidate;
  }
  return `${base}-${randomBytes(6).toString('hex')}`;
}

type Account =
  | { kind: 'existing'; userId: string; verified: boolean }
  | { kind: 'new'; username: string; passwordHash: string };

/**
 * The account that accepts: the existing user with the invited email (after checking its password), else a
 * new one with the given password. Argon2 runs here, before any lock is taken.
 */
async function resolveAccount(
  db: Db,
  email: string,
  input: AcceptInvitationInput,
  now: Date,
  rule: RateLimitRule,
): Promise<Account> {
  const existing = await findUserByEmail(db, email);
  if (existing) {
    // The inviting owner also holds the link: without a limit, accept would be a password oracle. Guesses
    // here and at login share the account's budget.
    const limitKey = `login:account:${existing.id}`;
    const attempt = await hitRateLimit(db, limitKey, rule, now);
    if (!attempt.allowed)
      throw new AppError('RATE_LIMITED', undefined, undefined, {
        'retry-after': String(attempt.retryAfterSeconds),
      });
    const ok = await verifyPassword(existing.password_hash, input.password);
    if (!ok || !existing.is_active) throw new AppError('INVALID_CREDENTIALS');
    await resetRateLimit(db, limitKey);
    return { kind: 'existing', userId: existing.id, verified: existing.email_verified_at !== null };
  }
  const fields: Record<string, string> = {};
  const strong = Password.safeParse(input.password);
  if (!strong.success) fields.password = strong.error.issues[0]?.message ?? 'Mot de passe invalide.';
  if (input.password_confirm !== input.password)
    fields.password_confirm = 'Les mots de passe ne correspondent pas.';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_ERROR', undefined, fields);
  if (input.username) {
    const taken = await db
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(username)`, '=', input.username.toLowerCase())
      .executeTakeFirst();
    if (taken)
      throw new AppError('USERNAME_TAKEN', undefined, { username: 'Ce nom d’utilisateur est déjà pris.' });
  }
  return {
    kind: 'new',
    username: input.username ?? (await freeUsername(db, email)),
    passwordHash: await hashPassword(input.password),
  };
}

async function createUser(
  tx: Db,
  account: Extract<Account, { kind: 'new' }>,
  email: string,
  locale: Locale,
  now: Date,
  emailProven: boolean,
) {
  try {
    const user = await tx
      .insertInto('users')
      .values({
        username: account.username,
        email,
        password_hash: account.passwordHash,
        // Verified only when the emailed link (with its proof) was used: the owner holds the plain link too.
        email_verified_at: emailProven ? now : null,
        locale,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return user.id;
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_ci'))
      throw new AppError('USERNAME_TAKEN', undefined, { username: 'Ce nom d’utilisateur est déjà pris.' });
    if (isUniqueViolation(error, 'users_email_ci')) throw new AppError('EMAIL_TAKEN');
    throw error;
  }
}

/**
 * Creates (or links) the user and its ACTIVE membership, marks the invitation ACCEPTED and opens a session,
 * all in one transaction. The invitation row is locked, so two concurrent accepts give one member and one 409.
 */
export async function acceptInvitation(
  deps: AcceptDeps,
  input: AcceptInvitationInput,
  locale: Locale,
): Promise<AcceptInvitationResult> {
  const now = deps.now();
  const found = await findByToken(deps.db, input.token);
  assertUsable(found, now);
  const account = await resolveAccount(deps.db, found.email, input, now, deps.config.rateLimits.login);
  const emailProven = isInvitationEmailProof(deps.config.appSecret, input.token, input.email_proof);

  const accepted = await deps.db.transaction().execute(async (tx) => {
    const invitation = await tx
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', found.id)
      .forUpdate()
      .executeTakeFirst();
    assertUsable(invitation, now);
    const { tenant_id: tenantId } = invitation;
    const userId =
      account.kind === 'existing'
        ? account.userId
        : await createUser(tx, account, invitation.email, locale, now, emailProven);
    // A new account reached through the owner's copy of the link proves its address the usual way; with
    // EMAIL_VERIFICATION_REQUIRED, so does an existing account that never did (login would refuse it).
    const unproven = account.kind === 'new' ? !emailProven : !account.verified;
    const mustConfirm = deps.config.emailVerificationRequired && unproven;
    const verificationToken =
      (account.kind === 'new' && !emailProven) || mustConfirm
        ? await createUserToken(
            tx,
            userId,
            'email_verification',
            new Date(now.getTime() + VERIFICATION_TTL_MS),
          )
        : null;

    const previous = await tx
      .selectFrom('memberships')
      .select(['id', 'status'])
      .where('user_id', '=', userId)
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    if (previous && previous.status !== 'DISABLED') throw new AppError('ALREADY_MEMBER_OR_INVITED');
    const membership = {
      role: invitation.role,
      service_id: invitation.service_id,
      status: 'ACTIVE' as const,
    };
    const { id: membershipId } = previous
      ? await tx
          .updateTable('memberships')
          .set({ ...membership, invited_at: invitation.created_at, activated_at: now })
          .where('id', '=', previous.id)
          .returning('id')
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('memberships')
          .values({
            ...membership,
            user_id: userId,
            tenant_id: tenantId,
            invited_at: invitation.created_at,
            activated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();

    await tx
      .updateTable('invitations')
      .set({ status: 'ACCEPTED', accepted_at: now })
      .where('id', '=', invitation.id)
      .execute();
    await recordAudit(tx, {
      at: now,
      tenant_id: tenantId,
      user_id: userId,
      action: 'invitation.accept',
      object_type: 'invitation',
      object_id: invitation.id,
      meta: { email: invitation.email, new_user: account.kind === 'new' },
    });
    await recordAudit(tx, {
      at: now,
      tenant_id: tenantId,
      user_id: userId,
      action: 'membership.create',
      object_type: 'membership',
      object_id: membershipId,
      meta: { role: invitation.role, service_id: invitation.service_id, invitation_id: invitation.id },
    });
    const tokens = mustConfirm
      ? { access: null, refresh: null }
      : await issueTokens(tx, deps, { userId, tenantId });
    const session = await sessionPayload(tx, userId, tenantId, tokens);
    return { session: { ...session, email_verification_required: mustConfirm }, verificationToken };
  });

  if (accepted.verificationToken) {
    const { session } = accepted;
    const link = `${deps.config.frontendUrl}/verify-email?token=${encodeURIComponent(accepted.verificationToken)}`;
    await deps.mailer.send(
      verificationEmail(
        found.email,
        session.user.username,
        link,
        locale,
        deps.config.emailVerificationRequired,
      ),
    );
  }
  return accepted.session;
}

/** The invitee says no: the invitation is CANCELED and its seat freed. */
export async function declineInvitation(
  deps: Pick<Deps, 'db' | 'now'>,
  token: string,
): Promise<InvitationCanceled> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const found = await findByToken(tx, token);
    const invitation = found
      ? await tx
          .selectFrom('invitations')
          .selectAll()
          .where('id', '=', found.id)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    assertUsable(invitation, now);
    await tx.updateTable('invitations').set({ status: 'CANCELED' }).where('id', '=', invitation.id).execute();
    await recordAudit(tx, {
      at: now,
      tenant_id: invitation.tenant_id,
      user_id: null,
      action: 'invitation.decline',
      object_type: 'invitation',
      object_id: invitation.id,
      meta: { email: invitation.email },
    });
    return { id: invitation.id, status: 'CANCELED' };
  });
}
