import { z } from 'zod';
import { AuthSession, Username } from './auth';
import { InvitationStatus, MembershipStatus } from './enums';
import { Email, IsoDateTime, Role, Uuid } from './primitives';

/** Team: memberships, invitations and activity — SPEC §3, §7 (`/api/auth/memberships/`, `/invitations/…`). */

/** An owner always sees every service: a scope makes sense for managers and operators only. */
const ownerIsUnscoped = <
  T extends z.ZodType<{ role?: Role | undefined; service_id?: string | null | undefined }>,
>(
  schema: T,
) =>
  schema.refine((v) => !(v.role === 'owner' && v.service_id), {
    path: ['service_id'],
    message: 'Un propriétaire a accès à tous les services.',
  });

/** `POST /api/auth/memberships/`, tRPC `members.invite`. */
export const InviteInput = ownerIsUnscoped(
  z.object({
    email: Email,
    role: Role,
    /** null or absent = all services. */
    service_id: Uuid.nullable().optional(),
  }),
);
export type InviteInput = z.infer<typeof InviteInput>;

/** An invitation as the owner sees it. The raw link exists only in the answer that created (or renewed) it. */
export const InvitationView = z.object({
  id: Uuid,
  email: z.string(),
  role: Role,
  service_id: Uuid.nullable(),
  /** EXPIRED as soon as expires_at has passed, even before any write marks it. */
  status: InvitationStatus,
  expires_at: IsoDateTime,
  email_sent: z.boolean(),
  created_at: IsoDateTime,
  invited_by: z.object({ id: Uuid, username: z.string() }).nullable(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** 201 of invite, and the answer of resend (a new token: the previous link stops working). */
export const InviteResult = z.object({
  id: Uuid,
  email: z.string(),
  role: Role,
  service_id: Uuid.nullable(),
  status: InvitationStatus,
  expires_at: IsoDateTime,
  invite_link: z.url(),
  email_sent: z.boolean(),
});
export type InviteResult = z.infer<typeof InviteResult>;

export const InvitationIdInput = z.object({ id: Uuid });
export type InvitationIdInput = z.infer<typeof InvitationIdInput>;

export const MemberUser = z.object({ id: Uuid, username: z.string(), email: z.string().nullable() });

export const MembershipView = z.object({
  id: Uuid,
  role: Role,
  status: MembershipStatus,
  /** null = all services. */
  service_id: Uuid.nullable(),
  user: MemberUser,
  invited_at: IsoDateTime.nullable(),
  activated_at: IsoDateTime.nullable(),
  created_at: IsoDateTime,
});
export type MembershipView = z.infer<typeof MembershipView>;

export const MembershipIdInput = z.object({ id: Uuid });
export type MembershipIdInput = z.infer<typeof MembershipIdInput>;

/** PATCH body: a new role and/or service scope (null = all services). */
const MembershipPatchFields = z.object({ role: Role.optional(), service_id: Uuid.nullable().optional() });
export const MembershipPatch = ownerIsUnscoped(MembershipPatchFields);
export type MembershipPatch = z.infer<typeof MembershipPatch>;

export const MembershipUpdateInput = ownerIsUnscoped(MembershipPatchFields.extend({ id: Uuid }));
export type MembershipUpdateInput = z.infer<typeof MembershipUpdateInput>;

export const MembershipRemoved = z.object({ id: Uuid, deleted: z.literal(true) });
export type MembershipRemoved = z.infer<typeof MembershipRemoved>;

export const ActivityEntry = z.object({
  id: Uuid,
  action: z.string(),
  object_type: z.string().nullable(),
  object_id: z.string().nullable(),
  user: z.object({ id: Uuid, username: z.string() }).nullable(),
  meta: z.record(z.string(), z.unknown()).nullable(),
  created_at: IsoDateTime,
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const MemberSummary = z.object({
  id: Uuid,
  role: Role,
  status: MembershipStatus,
  /** null = all services. */
  service_scope: z.object({ id: Uuid, name: z.string() }).nullable(),
  user: MemberUser,
  last_action: z.object({ action: z.string(), created_at: IsoDateTime }).nullable(),
});
export type MemberSummary = z.infer<typeof MemberSummary>;

/** `GET /api/auth/members/summary/`, tRPC `members.summary`. */
export const MembersSummary = z.object({
  members: z.array(MemberSummary),
  /** Not accepted, canceled or declined yet (expired ones included so they can be resent). */
  invitations: z.array(InvitationView),
  /** The tenant's last 20 audit entries, newest first. */
  recent_activity: z.array(ActivityEntry),
});
export type MembersSummary = z.infer<typeof MembersSummary>;

// Public side: the invitee holds the raw token from the link. --------------------------------------------

export const InvitationToken = z.string().trim().min(1).max(200);

export const InvitationTokenInput = z.object({ token: InvitationToken });
export type InvitationTokenInput = z.infer<typeof InvitationTokenInput>;

/** `GET /api/auth/invitations/accept/?token=`: what the invitee is about to join. */
export const InvitationPreview = z.object({
  tenant: z.object({ id: Uuid, name: z.string() }),
  email: z.string(),
  role: Role,
  service: z.object({ id: Uuid, name: z.string() }).nullable(),
  expires_at: IsoDateTime,
  invited_by: z.string().nullable(),
  /** An account with this email exists: accepting asks for its password instead of creating one. */
  existing_user: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/**
 * `POST /api/auth/invitations/accept/`. A new account needs password_confirm (and takes username, else one
 * is derived from the email); an existing account only proves its password.
 */
export const AcceptInvitationInput = z.object({
  token: InvitationToken,
  password: z.string().min(1, { message: 'Mot de passe obligatoire.' }).max(200),
  password_confirm: z.string().max(200).optional(),
  username: Username.optional(),
  /** From the emailed link only: proves the mailbox was reached, so the new account's email is verified. */
  email_proof: z.string().max(200).optional(),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

/**
 * Accepting opens a session, except with EMAIL_VERIFICATION_REQUIRED for an address nobody has proven yet (the
 * owner's copy of the link, or an existing unconfirmed account): the membership exists, tokens are null and a
 * confirmation link was mailed, as at sign-up.
 */
export const AcceptInvitationResult = AuthSession.extend({
  access: z.string().nullable(),
  refresh: z.string().nullable(),
  email_verification_required: z.boolean(),
});
export type AcceptInvitationResult = z.infer<typeof AcceptInvitationResult>;

/** Answer of cancel (owner) and decline (invitee). */
export const InvitationCanceled = z.object({ id: Uuid, status: z.literal('CANCELED') });
export type InvitationCanceled = z.infer<typeof InvitationCanceled>;
