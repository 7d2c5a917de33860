import type { UsageKind } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import {
  COUNT_USAGE_KEYS,
  type CountKey,
  checkCount,
  checkFeature,
  checkQuota,
  type Denial,
  type FeatureKey,
  QUOTA_LIMIT_KEYS,
  type QuotaKind,
} from '@stockscan/entitlements';
import { AppError } from '../errors';
import { loadTenantPlan } from './tenant-entitlements';
import { countUsage, quotaUsage } from './usage.service';

/** A refusal as the error services throw: the verdict's code, its fr/en message, and upsell data. */
export function denialError(denial: Denial): AppError {
  return new AppError(denial.code, denial.message, undefined, undefined, {
    limit: denial.limit,
    current: denial.current,
    upgrade_to: denial.upgrade_to,
  });
}

/** 403 FEATURE_NOT_INCLUDED unless the tenant's effective plan has the feature. */
export async function requireFeature(
  db: Db,
  tenantId: string,
  feature: FeatureKey,
  now: Date,
): Promise<void> {
  const { ent } = await loadTenantPlan(db, tenantId, now);
  const verdict = checkFeature(ent, feature);
  if (!verdict.ok) throw denialError(verdict);
}

/** Serialises count and quota checks of one tenant: concurrent requests queue on the tenant row. */
async function lockTenant(tx: Db, tenantId: string): Promise<void> {
  const row = await tx
    .selectFrom('tenants')
    .select('id')
    .where('id', '=', tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
}

/**
 * Inside the caller's transaction: locks the tenant, then refuses with LIMIT_* when adding `increment`
 * items of `key` would exceed the plan. The caller inserts in the same transaction, so N parallel creates
 * at the edge of a limit let exactly the allowed number through.
 */
export async function reserveCount(
  tx: Db,
  tenantId: string,
  key: CountKey,
  increment: number,
  now: Date,
): Promise<void> {
  await lockTenant(tx, tenantId);
  const { ent } = await loadTenantPlan(tx, tenantId, now);
  if (ent.limits[key] === null) return;
  const usage = await countUsage(tx, tenantId, now);
  const verdict = checkCount(ent, key, usage[COUNT_USAGE_KEYS[key]], increment);
  if (!verdict.ok) throw denialError(verdict);
}

export interface QuotaReservation {
  id: string;
  /** Gives the unit back (the operation failed, or the model did not answer). */
  release(): Promise<void>;
}

/**
 * Atomically checks the monthly quota and writes the ledger row (one transaction, tenant row locked).
 * Throws LIMIT_* when exhausted. Call `release()` if the operation it paid for then fails.
 */
export function consumeQuota(
  db: Db,
  tenantId: string,
  userId: string | null,
  kind: QuotaKind,
  now: Date,
  params: Record<string, unknown> = {},
  /** Another limit on the same ledger (e.g. emailed exports per day), checked under the same lock. */
  alsoCheck?: (tx: Db) => Promise<void>,
): Promise<QuotaReservation> {
  return reserveLedgerRow(db, { tenantId, userId, kind, now, params }, async (tx) => {
    const { ent } = await loadTenantPlan(tx, tenantId, now);
    const used = await quotaUsage(tx, tenantId, now);
    const verdict = checkQuota(ent, kind, used[QUOTA_LIMIT_KEYS[kind]]);
    if (!verdict.ok) throw denialError(verdict);
    if (alsoCheck) await alsoCheck(tx);
  });
}

export interface LedgerRow {
  tenantId: string;
  userId: string | null;
  kind: UsageKind;
  now: Date;
  params: Record<string, unknown>;
}

/**
 * One usage_events row written after `check` passed, both under the tenant lock in one transaction: N parallel
 * requests at the edge of a limit let exactly the allowed number through. `release()` gives the row back.
 */
export async function reserveLedgerRow(
  db: Db,
  row: LedgerRow,
  check: (tx: Db) => Promise<void>,
): Promise<QuotaReservation> {
  const { tenantId } = row;
  const id = await db.transaction().execute(async (tx) => {
    await lockTenant(tx, tenantId);
    await check(tx);
    const inserted = await tx
      .insertInto('usage_events')
      .values({
        tenant_id: tenantId,
        user_id: row.userId,
        kind: row.kind,
        created_at: row.now,
        params: JSON.stringify(row.params),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  });
  return {
    id,
    release: async () => {
      await db.deleteFrom('usage_events').where('id', '=', id).where('tenant_id', '=', tenantId).execute();
    },
  };
}
