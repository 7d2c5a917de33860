import type { Db } from '@stockscan/db';

export interface BillingAuditEntry {
  tenant_id: string;
  user_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  meta: Record<string, unknown>;
}

/**
 * Writes one audit_log row with the caller's transaction and clock.
 * Local stand-in until apps/api/src/audit/audit.service.ts (recordAudit) lands; same argument shape.
 */
export async function recordBillingAudit(db: Db, entry: BillingAuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ ...entry, meta: JSON.stringify(entry.meta), created_at: now })
    .execute();
}
