import {
  currentMonth,
  type ServiceMonthInput,
  type SpotCheck,
  type SpotCheckCreateInput,
  type SpotCheckListResult,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Actor } from '../request/actor';
import { iso } from './dates';
import { assertLocationsOfService } from './locations.service';
import { round3 } from './numbers';
import { loadService } from './scope';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

/**
 * Expected on-hand of a product now (SPEC §11): its last counted month summed over its places' lines, minus
 * the losses recorded after that count. null when it was never counted.
 */
async function expectedOnHand(db: Db, tenantId: string, productId: string): Promise<number | null> {
  const { rows } = await sql<{ counted: number | null; lost: number | null }>`
    with last as (
      select inventory_month, sum(quantity + coalesce(remaining_fraction, 0)) as counted, max(counted_at) as at
      from counts where tenant_id = ${tenantId} and product_id = ${productId}
      group by inventory_month order by inventory_month desc limit 1
    )
    select last.counted, (select coalesce(sum(l.quantity), 0) from loss_events l
      where l.tenant_id = ${tenantId} and l.product_id = ${productId} and l.occurred_at > last.at) as lost
    from last
  `.execute(db);
  const row = rows[0];
  if (!row || row.counted === null) return null;
  return round3(Number(row.counted) - Number(row.lost ?? 0));
}

const spotCheckRows = (db: Db, actor: Actor) =>
  db
    .selectFrom('spot_checks as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .leftJoin('users as u', 'u.id', 's.checked_by')
    .select([
      's.id',
      's.service_id',
      's.product_id',
      'p.name as product_name',
      's.location_id',
      's.inventory_month',
      's.quantity',
      's.expected',
      's.difference',
      's.checked_by',
      'u.username as checked_by_name',
      's.checked_at',
    ])
    .where('s.tenant_id', '=', actor.tenantId);

type SpotCheckRow = Omit<SpotCheck, 'checked_at'> & { checked_at: Date };
const toSpotCheck = (row: SpotCheckRow): SpotCheck => ({ ...row, checked_at: iso(row.checked_at) });

/** Counts one product now and stores it beside what the system expected; the month's counts stay untouched. */
export async function createSpotCheck(
  deps: InventoryDeps,
  actor: Actor,
  input: SpotCheckCreateInput,
): Promise<SpotCheck> {
  const now = deps.now();
  const service = await loadService(deps.db, actor, input.service_id);
  const id = await deps.db.transaction().execute(async (tx) => {
    const product = await tx
      .selectFrom('products')
      .select('id')
      .where('id', '=', input.product_id)
      .where('tenant_id', '=', actor.tenantId)
      .where('service_id', '=', service.id)
      .executeTakeFirst();
    if (!product)
      throw new AppError('NOT_FOUND', undefined, { product_id: 'Produit introuvable dans ce service.' });
    await assertLocationsOfService(tx, actor, service.id, [input.location_id ?? null]);
    const expected = await expectedOnHand(tx, actor.tenantId, product.id);
    const row = await tx
      .insertInto('spot_checks')
      .values({
        tenant_id: actor.tenantId,
        service_id: service.id,
        product_id: product.id,
        location_id: input.location_id ?? null,
        inventory_month: currentMonth(now),
        quantity: input.quantity,
        expected,
        difference: expected === null ? null : round3(input.quantity - expected),
        checked_by: actor.userId,
        checked_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'spot_checks.create',
      object_type: 'product',
      object_id: product.id,
      meta: { quantity: input.quantity, expected },
      at: now,
    });
    return row.id;
  });
  return toSpotCheck(await spotCheckRows(deps.db, actor).where('s.id', '=', id).executeTakeFirstOrThrow());
}

/** The month's spot checks of a service, newest first. */
export async function listSpotChecks(
  deps: InventoryDeps,
  actor: Actor,
  input: ServiceMonthInput,
): Promise<SpotCheckListResult> {
  const service = await loadService(deps.db, actor, input.service_id);
  const rows = await spotCheckRows(deps.db, actor)
    .where('s.service_id', '=', service.id)
    .where('s.inventory_month', '=', input.month)
    .orderBy('s.checked_at', 'desc')
    .execute();
  return { month: input.month, items: rows.map(toSpotCheck) };
}
