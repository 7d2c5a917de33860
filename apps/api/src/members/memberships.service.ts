import type { MembershipPatch, MembershipRemoved, MembershipView, Role } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { removesLastOwner, roleTakesServiceScope, type TeamMember } from '@stockscan/entitlements';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { type Actor, requireCan } from '../request/actor';
import { assertServiceAssignable, lockTeam } from './team-guards';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function selectMemberships(db: Db, tenantId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.id',
      'memberships.role',
      'memberships.status',
      'memberships.service_id',
      'memberships.invited_at',
      'memberships.activated_at',
      'memberships.created_at',
      'users.id as user_id',
      'users.username',
      'users.email',
    ])
    .where('memberships.tenant_id', '=', tenantId);
}

type MembershipRow = Awaited<ReturnType<ReturnType<typeof selectMemberships>['executeTakeFirstOrThrow']>>;

function toMembershipView(row: MembershipRow): MembershipView {
  return {
    id: row.id,
    role: row.role,
    status: row.status,
    service_id: row.service_id,
    user: { id: row.user_id, username: row.username, email: row.email },
    invited_at: iso(row.invited_at),
    activated_at: iso(row.activated_at),
    created_at: row.created_at.toISOString(),
  };
}

/** Owner only: every membership of the tenant, oldest first. */
export async function listMemberships(db: Db, actor: Actor): Promise<MembershipView[]> {
  requireCan(actor, 'team.manage');
  const rows = await selectMemberships(db, actor.tenantId)
    .orderBy('memberships.created_at')
    .orderBy('memberships.id')
    .execute();
  return rows.map(toMembershipView);
}

async function lockedMembership(tx: Db, actor: Actor, id: string): Promise<MembershipRow> {
  const row = await selectMemberships(tx, actor.tenantId)
    .where('memberships.id', '=', id)
    .forUpdate(['memberships'])
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** 409 LAST_OWNER when giving `member` the role `next` (null = removing it) leaves no ACTIVE owner. */
async function assertOwnerRemains(
  tx: Db,
  tenantId: string,
  member: TeamMember,
  next: Role | null,
): Promise<void> {
  if (!removesLastOwner(member, next, [member])) return;
  const owners = await tx
    .selectFrom('memberships')
    .select(['id', 'role', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'owner')
    .where('status', '=', 'ACTIVE')
    .execute();
  if (removesLastOwner(member, next, owners)) throw new AppError('LAST_OWNER');
}

/**
 * Owner only: a new role and/or service scope. Promoting to owner clears the scope (owners see every
 * service); the last owner cannot be demoted. The member's next request already acts with the new rights.
 */
export async function updateMembership(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: Actor,
  id: string,
  patch: MembershipPatch,
): Promise<MembershipView> {
  requireCan(actor, 'team.manage');
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    await lockTeam(tx, actor);
    const current = await lockedMembership(tx, actor, id);
    const role = patch.role ?? current.role;
    const serviceId = !roleTakesServiceScope(role)
      ? null
      : patch.service_id === undefined
        ? current.service_id
        : patch.service_id;
    if (role === current.role && serviceId === current.service_id) return toMembershipView(current);
    await assertOwnerRemains(tx, actor.tenantId, current, role);
    if (serviceId && serviceId !== current.service_id)
      await assertServiceAssignable(tx, actor.tenantId, serviceId, now);

    await tx
      .updateTable('memberships')
      .set({ role, service_id: serviceId })
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .execute();
    await recordAudit(tx, {
      at: now,
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'membership.update',
      object_type: 'membership',
      object_id: id,
      meta: {
        member_user_id: current.user_id,
        before: { role: current.role, service_id: current.service_id },
        after: { role, service_id: serviceId },
      },
    });
    return toMembershipView({ ...current, role, service_id: serviceId });
  });
}

/**
 * Owner only: the member loses access to this tenant at its next request (its account and other
 * memberships stay). The last owner cannot be removed.
 */
export async function removeMembership(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: Actor,
  id: string,
): Promise<MembershipRemoved> {
  requireCan(actor, 'team.manage');
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    await lockTeam(tx, actor);
    const current = await lockedMembership(tx, actor, id);
    await assertOwnerRemains(tx, actor.tenantId, current, null);
    await tx.deleteFrom('memberships').where('id', '=', id).where('tenant_id', '=', actor.tenantId).execute();
    await recordAudit(tx, {
      at: now,
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'membership.delete',
      object_type: 'membership',
      object_id: id,
      meta: { member_user_id: current.user_id, username: current.username, role: current.role },
    });
    return { id, deleted: true };
  });
}
