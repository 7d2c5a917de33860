import {
  currentMonth,
  type ServiceMonthInput,
  type SpotCheck,
  type SpotCheckCreateInput,
  type SpotCheckListResult,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { runIdempotent } from '../idempotency/idempotency';
import type { Actor } from '../request/actor';
import { iso } from './dates';
import { loadExpectedOnHand } from './expected-on-hand';
import { assertLocationsOfService } from './locations.service';
import { round3 } from './numbers';
import { loadService } from './scope';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

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

/**
 * Counts one product now and stores it beside the expected on-hand (SPEC §11); the month's counts stay
 * untouched. Additive: a replay of the same idempotency key answers the first check.
 */
export async function createSpotCheck(
  deps: InventoryDeps,
  actor: Actor,
  input: SpotCheckCreateInput,
  key?: string,
): Promise<SpotCheck> {
  const now = deps.now();
  const { idempotency_key: _key, ...request } = input;
  const service = await loadService(deps.db, actor, input.service_id);
  return runIdempotent(
    deps.db,
    { tenantId: actor.tenantId, key, operation: 'inventory.spotChecks.create', request, now },
    async (tx) => {
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
      const onHand = (await loadExpectedOnHand(tx, actor.tenantId, service.id, [product.id])).get(product.id);
      const expected = onHand?.expected ?? null;
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
      return toSpotCheck(await spotCheckRows(tx, actor).where('s.id', '=', row.id).executeTakeFirstOrThrow());
    },
  );
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
