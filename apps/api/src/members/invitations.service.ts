import type {
  InvitationCanceled,
  InvitationView,
  InviteInput,
  InviteResult,
  Locale,
} from '@stockscan/contracts';
import type { Db, Invitation } from '@stockscan/db';
import { DAY_MS } from '@stockscan/entitlements';
import { recordAudit } from '../audit/audit.service';
import { hashToken, newOpaqueToken } from '../auth/tokens';
import type { Deps } from '../deps';
import { reserveCount } from '../entitlements/enforce';
import { AppError } from '../errors';
import type { Log } from '../observability/log';
import { type Actor, requireCan } from '../request/actor';
import { invitationEmail } from './invitation-email';
import { invitationEmailProof } from './invitation-proof';
import { assertInvitable, assertServiceAssignable, lockTeam } from './team-guards';

export const INVITATION_TTL_DAYS = 7;

export type InvitationDeps = Pick<Deps, 'db' | 'config' | 'mailer' | 'now'>;
export type WarnLog = Pick<Log, 'warn'>;

export function inviteLink(frontendUrl: string, token: string): string {
  return `${frontendUrl}/invitation/accept?token=${encodeURIComponent(token)}`;
}

/** The link in the email: the owner's link plus the proof that only the mailbox receives. */
export function emailedInviteLink(
  config: Pick<Deps['config'], 'frontendUrl' | 'appSecret'>,
  token: string,
): string {
  const proof = invitationEmailProof(config.appSecret, token);
  return `${inviteLink(config.frontendUrl, token)}&email_proof=${encodeURIComponent(proof)}`;
}

/** SENT past its expiry reads as EXPIRED before any write marks it. */
export function invitationStatus(row: Pick<Invitation, 'status' | 'expires_at'>, now: Date) {
  return row.status === 'SENT' && row.expires_at.getTime() <= now.getTime() ? 'EXPIRED' : row.status;
}

function toInviteResult(row: Invitation, link: string, emailSent: boolean, now: Date): InviteResult {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    service_id: row.service_id,
    status: invitationStatus(row, now),
    expires_at: row.expires_at.toISOString(),
    invite_link: link,
    email_sent: emailSent,
  };
}

export function toInvitationView(
  row: Invitation & { invited_by_username: string | null },
  now: Date,
): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    service_id: row.service_id,
    status: invitationStatus(row, now),
    expires_at: row.expires_at.toISOString(),
    email_sent: row.email_sent,
    created_at: row.created_at.toISOString(),
    invited_by:
      row.created_by && row.invited_by_username
        ? { id: row.created_by, username: row.invited_by_username }
        : null,
  };
}

/** What the email and the preview name: the tenant, the inviter and the service of the scope. */
export function invitationFacts(db: Db, row: Invitation) {
  return db
    .selectFrom('tenants')
    .leftJoin('users', (join) => join.on('users.id', '=', row.created_by))
    .leftJoin('services', (join) =>
      join.on('services.id', '=', row.service_id).on('services.tenant_id', '=', row.tenant_id),
    )
    .select([
      'tenants.id as tenant_id',
      'tenants.name as tenant_name',
      'users.username as inviter',
      'services.name as service_name',
    ])
    .where('tenants.id', '=', row.tenant_id)
    .executeTakeFirstOrThrow();
}

/**
 * Emails the link unless INVITATIONS_SEND_EMAILS=false. A failed or slow send (the mailer gives up after 5 s)
 * never fails the invitation: the owner gets the link to share by hand, and we log a warning.
 */
async function sendInvitationEmail(
  deps: InvitationDeps,
  row: Invitation,
  link: string,
  log: WarnLog,
): Promise<boolean> {
  const warn = (reason: string) =>
    log.warn({ invitation_id: row.id, tenant_id: row.tenant_id, reason }, 'invitation email not sent');
  if (!deps.config.invitationsSendEmails) {
    warn('INVITATIONS_SEND_EMAILS=false');
    return false;
  }
  const facts = await invitationFacts(deps.db, row);
  const message = invitationEmail(
    {
      to: row.email,
      link,
      tenantName: facts.tenant_name,
      inviter: facts.inviter,
      role: row.role,
      serviceName: facts.service_name,
      expiresAt: row.expires_at,
    },
    row.locale === 'en' ? 'en' : 'fr',
  );
  const result = await deps.mailer.send(message);
  if (!result.sent) {
    warn(result.reason);
    return false;
  }
  await deps.db
    .updateTable('invitations')
    .set({ email_sent: true })
    .where('id', '=', row.id)
    .where('tenant_id', '=', row.tenant_id)
    .execute();
  return true;
}

async function inviterLocale(db: InvitationDeps['db'], userId: string): Promise<Locale> {
  const user = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return user?.locale === 'en' ? 'en' : 'fr';
}

/**
 * Owner only. Saves an invitation (7 days; only the token's hash is stored) that holds a seat of max_users,
 * then emails its link. The tenant row stays locked from the duplicate checks to the insert, so two
 * concurrent invites can neither both pass for one email nor overshoot the seat limit.
 */
export async function invite(
  deps: InvitationDeps,
  actor: Actor,
  input: InviteInput,
  log: WarnLog,
): Promise<InviteResult> {
  requireCan(actor, 'team.manage');
  const now = deps.now();
  const serviceId = input.service_id ?? null;
  if (serviceId) await assertServiceAssignable(deps.db, actor.tenantId, serviceId, now);
  const token = newOpaqueToken();
  const locale = await inviterLocale(deps.db, actor.userId);

  const row = await deps.db.transaction().execute(async (tx) => {
    await lockTeam(tx, actor);
    await assertInvitable(tx, actor.tenantId, input.email, now);
    await reserveCount(tx, actor.tenantId, 'max_users', 1, now);
    const created = await tx
      .insertInto('invitations')
      .values({
        tenant_id: actor.tenantId,
        email: input.email,
        role: input.role,
        service_id: serviceId,
        token_hash: hashToken(token),
        status: 'SENT',
        expires_at: new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS),
        email_sent: false,
        locale,
        created_by: actor.userId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      at: now,
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'invitation.create',
      object_type: 'invitation',
      object_id: created.id,
      meta: { email: created.email, role: created.role, service_id: created.service_id },
    });
    return created;
  });

  const emailSent = await sendInvitationEmail(deps, row, emailedInviteLink(deps.config, token), log);
  return toInviteResult(row, inviteLink(deps.config.frontendUrl, token), emailSent, now);
}

async function lockedInvitation(tx: InvitationDeps['db'], actor: Actor, id: string): Promise<Invitation> {
  const row = await tx
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.status === 'CANCELED') throw new AppError('NOT_FOUND');
  if (row.status === 'ACCEPTED') throw new AppError('INVITE_ALREADY_ACCEPTED');
  return row;
}

/**
 * Owner only. A new token and 7 more days for a pending or lapsed invitation (the previous link stops
 * working), then the email again. A lapsed one takes a seat back, so it is checked like a new invite.
 */
export async function resendInvitation(
  deps: InvitationDeps,
  actor: Actor,
  id: string,
  log: WarnLog,
): Promise<InviteResult> {
  requireCan(actor, 'team.manage');
  const now = deps.now();
  const token = newOpaqueToken();

  const row = await deps.db.transaction().execute(async (tx) => {
    await lockTeam(tx, actor);
    const current = await lockedInvitation(tx, actor, id);
    await assertInvitable(tx, actor.tenantId, current.email, now, current.id);
    if (invitationStatus(current, now) === 'EXPIRED')
      await reserveCount(tx, actor.tenantId, 'max_users', 1, now);
    const renewed = await tx
      .updateTable('invitations')
      .set({
        token_hash: hashToken(token),
        status: 'SENT',
        expires_at: new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS),
        email_sent: false,
      })
      .where('id', '=', current.id)
      .where('tenant_id', '=', actor.tenantId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      at: now,
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'invitation.resend',
      object_type: 'invitation',
      object_id: renewed.id,
      meta: { email: renewed.email },
    });
    return renewed;
  });

  const emailSent = await sendInvitationEmail(deps, row, emailedInviteLink(deps.config, token), log);
  return toInviteResult(row, inviteLink(deps.config.frontendUrl, token), emailSent, now);
}

/** Owner only. The link stops working and the seat is freed; canceling twice answers the same. */
export async function cancelInvitation(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: Actor,
  id: string,
): Promise<InvitationCanceled> {
  requireCan(actor, 'team.manage');
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('invitations')
      .select(['id', 'email', 'status'])
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND');
    if (current.status === 'ACCEPTED') throw new AppError('INVITE_ALREADY_ACCEPTED');
    if (current.status !== 'CANCELED') {
      await tx
        .updateTable('invitations')
        .set({ status: 'CANCELED' })
        .where('id', '=', id)
        .where('tenant_id', '=', actor.tenantId)
        .execute();
      await recordAudit(tx, {
        at: now,
        tenant_id: actor.tenantId,
        user_id: actor.userId,
        action: 'invitation.cancel',
        object_type: 'invitation',
        object_id: id,
        meta: { email: current.email },
      });
    }
    return { id, status: 'CANCELED' };
  });
}
