import type { ExportMode, Month } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import type { ExportRow } from './columns';

export interface RowScope {
  tenantId: string;
  serviceIds: string[];
  from: Month;
  to: Month;
  mode: ExportMode;
}

/** Rows fetched per cursor round trip: large enough to amortise it, small enough to stay flat in memory. */
export const CURSOR_CHUNK = 250;

/**
 * The counts of the scope with their product and service, in file order (service, category, product,
 * month). On PostgreSQL `.stream()` reads through a server-side cursor, so memory stays constant whatever
 * the size; PGlite's dialect loads the result first (dev only).
 */
export function streamExportRows(db: Db, scope: RowScope, chunkSize = CURSOR_CHUNK) {
  let query = db
    .selectFrom('counts as c')
    .innerJoin('products as p', (join) =>
      join.onRef('p.id', '=', 'c.product_id').on('p.tenant_id', '=', scope.tenantId),
    )
    .innerJoin('services as s', (join) =>
      join.onRef('s.id', '=', 'c.service_id').on('s.tenant_id', '=', scope.tenantId),
    )
    .select([
      's.name as service_name',
      'p.name',
      'p.category',
      'p.barcode',
      'p.internal_sku',
      'p.unit',
      'p.purchase_price',
      'p.selling_price',
      'p.vat_rate',
      'p.min_qty',
      'c.inventory_month',
      'c.quantity',
      'c.container_status',
      'c.remaining_fraction',
      'c.expiry_date',
      'c.lot_number',
    ])
    .where('c.tenant_id', '=', scope.tenantId)
    .where('c.service_id', 'in', scope.serviceIds)
    .where('c.inventory_month', '>=', scope.from)
    .where('c.inventory_month', '<=', scope.to);
  if (scope.mode !== 'all')
    query = query.where('c.container_status', '=', scope.mode === 'sealed' ? 'SEALED' : 'OPENED');
  return query
    .orderBy('s.name')
    .orderBy('s.id')
    .orderBy('p.category', (ob) => ob.asc().nullsLast())
    .orderBy('p.name')
    .orderBy('p.id')
    .orderBy('c.inventory_month')
    .stream(chunkSize) satisfies AsyncIterable<ExportRow>;
}
