import type { Database, PeriodStatus } from '@stockscan/db';
import type { Kysely } from 'kysely';
import { AppError } from '../errors';

type Lock = 'share' | 'update';

/**
 * Locks the service's month row (created OPEN when absent: SPEC §11, no row = OPEN) and returns its status.
 * Writers take it FOR SHARE, so they run side by side; closing takes it FOR UPDATE, so it waits for the
 * writers in flight and the writers after it wait for its commit, then read CLOSED. Call it inside the
 * writing transaction: the lock lasts until that transaction ends.
 */
export async function lockPeriod(
  db: Kysely<Database>,
  tenantId: string,
  serviceId: string,
  month: string,
  lock: Lock,
): Promise<PeriodStatus> {
  const read = () => {
    const query = db
      .selectFrom('inventory_periods')
      .select('status')
      .where('tenant_id', '=', tenantId)
      .where('service_id', '=', serviceId)
      .where('month', '=', month);
    return (lock === 'update' ? query.forUpdate() : query.forShare()).executeTakeFirst();
  };
  // One statement once the month has its row (every month after its first write).
  const existing = await read();
  if (existing) return existing.status;
  await db
    .insertInto('inventory_periods')
    .values({ tenant_id: tenantId, service_id: serviceId, month })
    .onConflict((oc) => oc.columns(['service_id', 'month']).doNothing())
    .execute();
  const created = await read();
  // The row exists now (ours, or a concurrent writer's that committed first); only a deleted service lacks it.
  if (!created) throw new AppError('NOT_FOUND');
  return created.status;
}

/**
 * 409 MONTH_CLOSED when the service's month is closed, else holds the month open (a share lock) until the
 * calling transaction ends, so a concurrent close waits for this write. Call it inside the writing
 * transaction, before the write, for every month the write touches (several: in a stable order).
 */
export async function assertMonthOpen(
  db: Kysely<Database>,
  tenantId: string,
  serviceId: string,
  month: string,
): Promise<void> {
  if ((await lockPeriod(db, tenantId, serviceId, month, 'share')) === 'CLOSED')
    throw new AppError('MONTH_CLOSED');
}
