import type { CountingMode, ServiceFeatures } from '@stockscan/contracts';
import { type Db, preparedQuery } from '@stockscan/db';
import { seesPreviousCounts } from '@stockscan/entitlements';
import { AppError } from '../errors';
import { type Actor, assertServiceInScope } from '../request/actor';

export interface ServiceRow {
  id: string;
  name: string;
  counting_mode: CountingMode;
  features: ServiceFeatures;
  blind_counting: boolean;
}

/** Read by every inventory call: compiled once. */
const serviceOfTenant = preparedQuery<{ serviceId: string; tenantId: string }>()((db, param) =>
  db
    .selectFrom('services')
    .select(['id', 'name', 'counting_mode', 'features', 'blind_counting'])
    .where('id', '=', param('serviceId'))
    .where('tenant_id', '=', param('tenantId')),
);

/** A service of the actor's tenant within the actor's scope; anything else answers 404. */
export async function loadService(db: Db, actor: Actor, serviceId: string): Promise<ServiceRow> {
  assertServiceInScope(actor, serviceId);
  const row = await serviceOfTenant.executeTakeFirst(db, { serviceId, tenantId: actor.tenantId });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A row of the actor's tenant that carries a service_id: 404 unless it exists and is in scope. */
export function assertFoundInScope<T extends { service_id: string }>(actor: Actor, row: T | undefined): T {
  if (!row) throw new AppError('NOT_FOUND');
  assertServiceInScope(actor, row.service_id);
  return row;
}

/** Blind counting: may this actor see the service's past months' quantities (and copy from last month)? */
export function seesPastCounts(actor: Actor, service: ServiceRow): boolean {
  return seesPreviousCounts(actor.role, service.blind_counting);
}
