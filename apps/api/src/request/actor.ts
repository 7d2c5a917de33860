import { type Db, type MemberRole, preparedQuery } from '@stockscan/db';
import { type Action, can, canActTenantWide, roleAtLeast } from '@stockscan/entitlements';
import { AppError } from '../errors';
import type { AccessClaims } from './access-token';

/** Who is acting, on which tenant, with which role and service scope. Every tenant query filters on it. */
export interface Actor {
  userId: string;
  tenantId: string;
  membershipId: string;
  role: MemberRole;
  /** null = all services of the tenant. */
  serviceId: string | null;
}

export function hasRole(actor: Pick<Actor, 'role'>, minimum: MemberRole): boolean {
  return roleAtLeast(actor.role, minimum);
}

export function requireRole(actor: Pick<Actor, 'role'>, minimum: MemberRole): void {
  if (!hasRole(actor, minimum)) throw new AppError('FORBIDDEN_ROLE');
}

/** 403 FORBIDDEN_ROLE unless the actor's role may take `action` (the capability table the web reads too). */
export function requireCan(actor: Pick<Actor, 'role'>, action: Action): void {
  if (!can(actor.role, action)) throw new AppError('FORBIDDEN_ROLE');
}

/**
 * What concerns the whole tenant (its name, its currency, new services) needs `action` over every service:
 * a member scoped to one service is refused with 403 FORBIDDEN_ROLE whatever their role.
 */
export function requireTenantWide(actor: Pick<Actor, 'role' | 'serviceId'>, action: Action): void {
  requireCan(actor, action);
  if (!canActTenantWide(actor.role, actor.serviceId, action))
    throw new AppError('FORBIDDEN_ROLE', {
      fr: 'Votre accès est limité à un service : cette action concerne tout l’établissement.',
      en: 'Your access is limited to one service: this action concerns the whole business.',
    });
}

/** Runs on every authenticated call: compiled once. */
const activeMembership = preparedQuery<{ userId: string; tenantId: string }>()((db, param) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.id', 'memberships.role', 'memberships.service_id'])
    .where('memberships.user_id', '=', param('userId'))
    .where('memberships.tenant_id', '=', param('tenantId'))
    .where('memberships.status', '=', 'ACTIVE')
    .where('users.is_active', '=', true),
);

/** Loads the active membership behind a verified access token; 401 when it no longer holds. */
export async function resolveActor(db: Db, claims: AccessClaims): Promise<Actor> {
  if (!claims.tenantId)
    throw new AppError('NOT_AUTHENTICATED', {
      fr: 'Aucune organisation sélectionnée.',
      en: 'No organisation selected.',
    });
  const row = await activeMembership.executeTakeFirst(db, {
    userId: claims.userId,
    tenantId: claims.tenantId,
  });
  if (!row) throw new AppError('TOKEN_INVALID');
  return {
    userId: claims.userId,
    tenantId: claims.tenantId,
    membershipId: row.id,
    role: row.role,
    serviceId: row.service_id,
  };
}

/** An operator scoped to one service sees only that one: other ids answer 404, like another tenant's. */
export function assertServiceInScope(actor: Actor, serviceId: string): void {
  if (actor.serviceId && actor.serviceId !== serviceId) throw new AppError('NOT_FOUND');
}
