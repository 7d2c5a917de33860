import type { Db } from '@stockscan/db';
import { sql } from 'kysely';
import { requireFeature } from '../entitlements/enforce';
import { AppError } from '../errors';
import type { Actor } from '../request/actor';

/**
 * Serialises team changes of one tenant (invites, role changes, removals) on its row, inside `tx`, then
 * re-reads the actor's role under that lock: an owner demoted by a concurrent request can no longer act.
 */
export async function lockTeam(tx: Db, actor: Actor): Promise<void> {
  const row = await tx
    .selectFrom('tenants')
    .select('id')
    .where('id', '=', actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const still = await tx
    .selectFrom('memberships')
    .select('id')
    .where('id', '=', actor.membershipId)
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'owner')
    .where('status', '=', 'ACTIVE')
    .executeTakeFirst();
  if (!still) throw new AppError('FORBIDDEN_ROLE');
}

/**
 * A scope must be one of the tenant's services (another tenant's id answers 404) and the plan must
 * include roles per service.
 */
export async function assertServiceAssignable(
  db: Db,
  tenantId: string,
  serviceId: string,
  now: Date,
): Promise<{ id: string; name: string }> {
  const service = await db
    .selectFrom('services')
    .select(['id', 'name'])
    .where('id', '=', serviceId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!service) throw new AppError('NOT_FOUND', { fr: 'Service introuvable.', en: 'Service not found.' });
  await requireFeature(db, tenantId, 'roles_per_service', now);
  return service;
}

/**
 * 409 ALREADY_MEMBER_OR_INVITED when `email` already belongs to a member, 409 INVITE_ALREADY_SENT when a
 * live invitation (other than `exceptId`) exists. Lapsed invitations for the email are marked EXPIRED on the
 * way, so a new one supersedes them. Call with the tenant row locked.
 */
export async function assertInvitable(
  tx: Db,
  tenantId: string,
  email: string,
  now: Date,
  exceptId?: string,
): Promise<void> {
  const member = await tx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.id')
    .where('memberships.tenant_id', '=', tenantId)
    .where(sql<string>`lower(users.email)`, '=', email)
    .where('memberships.status', 'in', ['ACTIVE', 'INVITED'])
    .executeTakeFirst();
  if (member) throw new AppError('ALREADY_MEMBER_OR_INVITED');

  let lapsed = tx
    .updateTable('invitations')
    .set({ status: 'EXPIRED' })
    .where('tenant_id', '=', tenantId)
    .where(sql<string>`lower(email)`, '=', email)
    .where('status', '=', 'SENT')
    .where('expires_at', '<=', now);
  if (exceptId) lapsed = lapsed.where('id', '!=', exceptId);
  await lapsed.execute();

  let live = tx
    .selectFrom('invitations')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where(sql<string>`lower(email)`, '=', email)
    .where('status', '=', 'SENT')
    .where('expires_at', '>', now);
  if (exceptId) live = live.where('id', '!=', exceptId);
  if (await live.executeTakeFirst()) throw new AppError('INVITE_ALREADY_SENT');
}
