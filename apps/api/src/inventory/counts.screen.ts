import type {
  CountsProgress,
  CountsScreenInput,
  CountsScreenResult,
  ServiceMonthInput,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { sql } from 'kysely';
import type { Deps } from '../deps';
import { isMonthReadable } from '../entitlements/retention';
import { loadTenantPlan } from '../entitlements/tenant-entitlements';
import type { Actor } from '../request/actor';
import { iso } from './dates';
import { decodeCursor, keysetPage } from './keyset-page';
import { loadService } from './scope';
import { productSearch } from './search';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

/** The service exists in the actor's scope, and whether the plan may read `month`. */
async function openMonth(
  deps: InventoryDeps,
  actor: Actor,
  serviceId: string,
  month: string,
): Promise<boolean> {
  const now = deps.now();
  const [, plan] = await Promise.all([
    loadService(deps.db, actor, serviceId),
    loadTenantPlan(deps.db, actor.tenantId, now),
  ]);
  return isMonthReadable(plan.ent, now, month);
}

/** Live products of the service (aliased p) with their count of the month (aliased c), if any. */
function productsWithCounts(db: Db, actor: Actor, serviceId: string, month: string) {
  return db
    .selectFrom('products as p')
    .leftJoin('counts as c', (join) =>
      join.onRef('c.product_id', '=', 'p.id').on('c.inventory_month', '=', month),
    )
    .where('p.tenant_id', '=', actor.tenantId)
    .where('p.service_id', '=', serviceId)
    .where('p.archived_at', 'is', null);
}

/**
 * The count screen in one statement: every live product of the service, sorted by name, with this month's
 * count or null; filters on category, search and counted/uncounted; keyset pages on (name, id).
 */
export async function countsScreen(
  deps: InventoryDeps,
  actor: Actor,
  input: CountsScreenInput,
): Promise<CountsScreenResult> {
  const readable = await openMonth(deps, actor, input.service_id, input.month);
  if (!readable) return { month: input.month, items: [], next_cursor: null, retention_limited: true };
  const limit = input.limit ?? 100;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  let query = productsWithCounts(deps.db, actor, input.service_id, input.month).select([
    'p.id',
    'p.name',
    'p.category',
    'p.brand',
    'p.barcode',
    'p.internal_sku',
    'p.unit',
    'p.min_qty',
    'p.purchase_price',
    'p.pack_size',
    'p.pack_uom',
    'p.variant_value',
    'c.quantity',
    'c.container_status',
    'c.remaining_fraction',
    'c.expiry_date',
    'c.lot_number',
    'c.counted_at',
  ]);
  if (input.status === 'counted') query = query.where('c.id', 'is not', null);
  if (input.status === 'uncounted') query = query.where('c.id', 'is', null);
  if (input.category) query = query.where('p.category', '=', input.category);
  if (input.search) query = query.where(productSearch(input.search));
  if (after)
    query = query.where((eb) => eb(eb.refTuple('p.name', 'p.id'), '>', eb.tuple(after.name, after.id)));
  const rows = await query
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(limit + 1)
    .execute();
  const { page, next_cursor } = keysetPage(rows, limit);
  return {
    month: input.month,
    items: page.map((r) => ({
      product: {
        id: r.id,
        name: r.name,
        category: r.category,
        brand: r.brand,
        barcode: r.barcode,
        internal_sku: r.internal_sku,
        unit: r.unit,
        min_qty: r.min_qty,
        purchase_price: r.purchase_price,
        pack_size: r.pack_size,
        pack_uom: r.pack_uom,
        variant_value: r.variant_value,
      },
      // Left join: every count column is null when the product has no count this month.
      count:
        r.counted_at && r.quantity !== null && r.container_status
          ? {
              quantity: r.quantity,
              container_status: r.container_status,
              remaining_fraction: r.remaining_fraction,
              expiry_date: r.expiry_date,
              lot_number: r.lot_number,
              counted_at: iso(r.counted_at),
            }
          : null,
    })),
    next_cursor,
    retention_limited: false,
  };
}

/** How far the month's count is: live products counted / live products. */
export async function countsProgress(
  deps: InventoryDeps,
  actor: Actor,
  input: ServiceMonthInput,
): Promise<CountsProgress> {
  const readable = await openMonth(deps, actor, input.service_id, input.month);
  const row = await productsWithCounts(deps.db, actor, input.service_id, input.month)
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(c.id)::int`.as('counted')])
    .executeTakeFirstOrThrow();
  const counted = readable ? row.counted : 0;
  return {
    month: input.month,
    counted,
    total: row.total,
    percent: row.total === 0 ? 0 : Math.round((counted / row.total) * 1000) / 10,
    retention_limited: !readable,
  };
}
