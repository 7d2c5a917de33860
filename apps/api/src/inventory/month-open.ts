import type { Database } from '@stockscan/db';
import type { Kysely } from 'kysely';
import { AppError } from '../errors';

/**
 * 409 MONTH_CLOSED when the service's month is closed (SPEC §11: no row = OPEN). Call it inside the writing
 * transaction, before the write, for every month the write touches.
 */
export async function assertMonthOpen(
  db: Kysely<Database>,
  tenantId: string,
  serviceId: string,
  month: string,
): Promise<void> {
  const period = await db
    .selectFrom('inventory_periods')
    .select('status')
    .where('tenant_id', '=', tenantId)
    .where('service_id', '=', serviceId)
    .where('month', '=', month)
    .executeTakeFirst();
  if (period?.status === 'CLOSED') throw new AppError('MONTH_CLOSED');
}
