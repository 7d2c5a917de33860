import type { MembershipStatus, Role } from '@stockscan/contracts';

/** Rank of each role: a higher rank may do everything a lower one may. */
export const ROLE_RANK: Readonly<Record<Role, number>> = Object.freeze({ operator: 1, manager: 2, owner: 3 });

/** Roles from the least to the most rights. */
export const ROLES_BY_RANK: readonly Role[] = Object.freeze(['operator', 'manager', 'owner']);

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/** Every role-dependent action, with the least role that may take it (the server refuses the others). */
export const ACTION_ROLES = Object.freeze({
  /** Invite, change a role or scope, remove a member; the Team page and its menu entry. */
  'team.manage': 'owner',
  /** Checkout, billing portal, billing status; the pay buttons of the banners. */
  'billing.manage': 'owner',
  /** Establishment details, services and their modules. */
  'settings.manage': 'manager',
  /** Archive and restore products, rename and delete categories. */
  'catalogue.manage': 'manager',
  /** Excel and CSV exports, downloaded or sent by email. */
  'exports.produce': 'manager',
  /** Delete a loss someone else recorded (anyone may delete their own). */
  'losses.delete_any': 'manager',
  /** Review a month (progress, missing products, suspicious lines) and mark lines correct or to recount. */
  'month.review': 'manager',
  /** Close a month (its counts and losses become read-only) and reopen it with a reason. */
  'month.close': 'manager',
} as const satisfies Record<string, Role>);
export type Action = keyof typeof ACTION_ROLES;

/** Whether `role` may take `action`; no role (signed out, no membership, not yet known) may take none. */
export function can(role: Role | null | undefined, action: Action): boolean {
  return role != null && roleAtLeast(role, ACTION_ROLES[action]);
}

/**
 * What concerns the whole business (its name, its currency, new services) needs `action` over every service:
 * a member scoped to one service (`serviceId` not null) may not, whatever their role.
 */
export function canActTenantWide(
  role: Role | null | undefined,
  serviceId: string | null | undefined,
  action: Action,
): boolean {
  return serviceId === null && can(role, action);
}

/** A loss may be deleted by whoever recorded it, or by a role that may delete any. */
export function canDeleteLoss(role: Role | null | undefined, recordedBySelf: boolean): boolean {
  return recordedBySelf || can(role, 'losses.delete_any');
}

export type TeamMember = { id: string; role: Role; status: MembershipStatus };

/** An owner whose membership is ACTIVE: what the last-owner rule counts. */
export function isActiveOwner(member: Pick<TeamMember, 'role' | 'status'>): boolean {
  return member.role === 'owner' && member.status === 'ACTIVE';
}

/**
 * The last-owner rule: a team keeps at least one ACTIVE owner. Whether giving `member` the role `next`
 * (null = removing it) would leave `team` without one.
 */
export function removesLastOwner(
  member: TeamMember,
  next: Role | null,
  team: readonly TeamMember[],
): boolean {
  if (!isActiveOwner(member) || next === 'owner') return false;
  return !team.some((other) => other.id !== member.id && isActiveOwner(other));
}

/** Whether a member with `role` can be limited to one service: an owner always sees every service. */
export function roleTakesServiceScope(role: Role): boolean {
  return role !== 'owner';
}
