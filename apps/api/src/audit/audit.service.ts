import type { Db } from '@stockscan/db';

export interface AuditEntry {
  tenant_id: string | null;
  user_id: string | null;
  /** `<domain>.<verb>`, e.g. `service.create`, `auth.login`. */
  action: string;
  object_type: string | null;
  object_id: string | null;
  /** Context worth keeping (changed fields, ip…); never secrets. */
  meta?: Record<string, unknown> | null;
  /** When it happened (pass deps.now()); defaults to the database clock. */
  at?: Date;
}

/** Appends one row to audit_log; pass the transaction of the change so both commit or neither. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: entry.tenant_id,
      user_id: entry.user_id,
      action: entry.action,
      object_type: entry.object_type,
      object_id: entry.object_id,
      meta: entry.meta ? JSON.stringify(entry.meta) : null,
      ...(entry.at ? { created_at: entry.at } : {}),
    })
    .execute();
}
