import type { Db } from '@stockscan/db';
import type { Actor } from '../auth/actor';

/**
 * One audit_log row for an inventory change, written in the caller's transaction at `now` (deps.now).
 * Local until the shared audit service lands; the row shape is the same.
 */
export async function recordInventoryAudit(
  tx: Db,
  actor: Actor,
  entry: { action: string; object_type: string; object_id: string; meta: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: entry.action,
      object_type: entry.object_type,
      object_id: entry.object_id,
      meta: JSON.stringify(entry.meta),
      created_at: now,
    })
    .execute();
}
