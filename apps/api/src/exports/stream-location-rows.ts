import type { ContainerStatus, Month } from '@stockscan/contracts';
import type { Db, ProductUnit } from '@stockscan/db';
import { sql } from 'kysely';
import { CURSOR_CHUNK, type RowScope } from './stream-export-rows';

/** One line of the "Emplacements" sheet: a product counted in one place (or the service as a whole) in a month. */
export interface LocationRow {
  service_name: string;
  /** null = counted for the service as a whole. */
  location_name: string | null;
  name: string;
  category: string | null;
  barcode: string | null;
  internal_sku: string | null;
  unit: ProductUnit;
  inventory_month: string;
  quantity: number;
  container_status: ContainerStatus;
  remaining_fraction: number | null;
  counted_by: string | null;
  counted_at: Date;
}

/** Whether the export's services keep their stock in places: a live location, or located lines in the period. */
export async function hasLocations(
  db: Db,
  tenantId: string,
  serviceIds: string[],
  from: Month,
  to: Month,
): Promise<boolean> {
  if (serviceIds.length === 0) return false;
  const { rows } = await sql<{ yes: boolean }>`select
    exists (select 1 from locations where tenant_id = ${tenantId} and service_id = any(${serviceIds}::uuid[])
      and archived_at is null)
    or exists (select 1 from counts where tenant_id = ${tenantId} and service_id = any(${serviceIds}::uuid[])
      and inventory_month between ${from} and ${to} and location_id is not null) as yes`.execute(db);
  return rows[0]?.yes === true;
}

/** One service's count lines of the period, place by place in the room order, then by category and name. */
function serviceLines(db: Db, scope: RowScope, serviceId: string) {
  return db
    .selectFrom('counts as k')
    .innerJoin('products as p', 'p.id', 'k.product_id')
    .innerJoin('services as s', 's.id', 'k.service_id')
    .leftJoin('locations as loc', 'loc.id', 'k.location_id')
    .leftJoin('users as u', 'u.id', 'k.counted_by')
    .select([
      's.name as service_name',
      'loc.name as location_name',
      'p.name',
      'p.category',
      'p.barcode',
      'p.internal_sku',
      'p.unit',
      'k.inventory_month',
      'k.quantity',
      'k.container_status',
      'k.remaining_fraction',
      'u.username as counted_by',
      'k.counted_at',
    ])
    .where('k.tenant_id', '=', scope.tenantId)
    .where('k.service_id', '=', serviceId)
    .where('k.inventory_month', '>=', scope.from)
    .where('k.inventory_month', '<=', scope.to)
    .$if(scope.mode !== 'all', (q) =>
      q.where('k.container_status', '=', scope.mode === 'sealed' ? 'SEALED' : 'OPENED'),
    )
    .orderBy('k.inventory_month')
    .orderBy(sql`loc.position nulls first`)
    .orderBy('loc.name')
    .orderBy(sql`p.category nulls last`)
    .orderBy('p.name')
    .orderBy('p.id');
}

/** The period's count lines in chunks, service after service, through a server-side cursor (flat memory). */
export async function* streamLocationChunks(
  db: Db,
  scope: RowScope,
  chunkSize = CURSOR_CHUNK,
): AsyncGenerator<LocationRow[]> {
  for (const serviceId of scope.serviceIds) {
    const query = serviceLines(db, scope, serviceId).compile();
    for await (const chunk of db.getExecutor().stream(query, chunkSize)) yield chunk.rows;
  }
}
