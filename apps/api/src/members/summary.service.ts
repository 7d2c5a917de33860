import type { ActivityEntry, MembersSummary } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { type Actor, requireCan } from '../request/actor';
import { toInvitationView } from './invitations.service';

export const RECENT_ACTIVITY_LIMIT = 20;

/** The Team page in one read: members with their last action, pending invitations, recent activity. */
export async function membersSummary(db: Db, actor: Actor, now: Date): Promise<MembersSummary> {
  requireCan(actor, 'team.manage');
  const tenantId = actor.tenantId;

  const [members, invitations, activity] = await Promise.all([
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .leftJoin('services', (join) =>
        join.onRef('services.id', '=', 'memberships.service_id').on('services.tenant_id', '=', tenantId),
      )
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('audit_log')
            .select(['audit_log.action', 'audit_log.created_at'])
            .whereRef('audit_log.user_id', '=', 'memberships.user_id')
            .where('audit_log.tenant_id', '=', tenantId)
            .orderBy('audit_log.created_at', 'desc')
            .limit(1)
            .as('last'),
        (join) => join.onTrue(),
      )
      .select([
        'memberships.id',
        'memberships.role',
        'memberships.status',
        'memberships.service_id',
        'services.name as service_name',
        'users.id as user_id',
        'users.username',
        'users.email',
        'last.action as last_action',
        'last.created_at as last_action_at',
      ])
      .where('memberships.tenant_id', '=', tenantId)
      .orderBy('memberships.created_at')
      .orderBy('memberships.id')
      .execute(),
    db
      .selectFrom('invitations')
      .leftJoin('users', 'users.id', 'invitations.created_by')
      .selectAll('invitations')
      .select('users.username as invited_by_username')
      .where('invitations.tenant_id', '=', tenantId)
      .where('invitations.status', '=', 'SENT')
      .orderBy('invitations.created_at', 'desc')
      .orderBy('invitations.id')
      .execute(),
    db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.user_id')
      .select([
        'audit_log.id',
        'audit_log.action',
        'audit_log.object_type',
        'audit_log.object_id',
        'audit_log.meta',
        'audit_log.created_at',
        'audit_log.user_id',
        'users.username',
      ])
      .where('audit_log.tenant_id', '=', tenantId)
      .orderBy('audit_log.created_at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(RECENT_ACTIVITY_LIMIT)
      .execute(),
  ]);

  return {
    members: members.map((m) => ({
      id: m.id,
      role: m.role,
      status: m.status,
      service_scope: m.service_id && m.service_name ? { id: m.service_id, name: m.service_name } : null,
      user: { id: m.user_id, username: m.username, email: m.email },
      last_action:
        m.last_action && m.last_action_at
          ? { action: m.last_action, created_at: m.last_action_at.toISOString() }
          : null,
    })),
    invitations: invitations.map((row) => toInvitationView(row, now)),
    recent_activity: activity.map(
      (row): ActivityEntry => ({
        id: row.id,
        action: row.action,
        object_type: row.object_type,
        object_id: row.object_id,
        user: row.user_id && row.username ? { id: row.user_id, username: row.username } : null,
        meta: row.meta,
        created_at: row.created_at.toISOString(),
      }),
    ),
  };
}
