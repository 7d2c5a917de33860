import type { Loss, LossCreateInput, LossListInput, LossListResult } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import {
  canDeleteLoss,
  checkFeature,
  isMonthReadable,
  monthKey,
  normaliseUnit,
} from '@stockscan/entitlements';
import { type RawBuilder, sql } from 'kysely';
import type { Deps } from '../deps';
import { denialError } from '../entitlements/enforce';
import { loadTenantPlan } from '../entitlements/tenant-entitlements';
import { AppError } from '../errors';
import { runIdempotent } from '../idempotency/idempotency';
import type { Actor } from '../request/actor';
import { isFutureDay, iso } from './dates';
import { assertMonthOpen } from './month-open';
import { round2, round3 } from './numbers';
import { assertFoundInScope, loadService } from './scope';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

/**
 * Cost of a loss (aliased l) of a product (aliased p), exact: quantity × purchase price, with g↔kg and
 * ml↔l converted to the product's unit; null when it cannot be priced.
 */
export function lossCost(): RawBuilder<number | null> {
  return sql<number | null>`l.quantity * p.purchase_price * (case
    when l.unit = p.unit then 1
    when l.unit = 'g' and p.unit = 'kg' then 0.001 when l.unit = 'kg' and p.unit = 'g' then 1000
    when l.unit = 'ml' and p.unit = 'l' then 0.001 when l.unit = 'l' and p.unit = 'ml' then 1000
  end)`;
}

function selectLosses(db: Db, tenantId: string) {
  return db
    .selectFrom('loss_events as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .select([
      'l.id',
      'l.service_id',
      'l.product_id',
      'p.name as product_name',
      'l.occurred_at',
      'l.inventory_month',
      'l.quantity',
      'l.unit',
      'l.reason',
      'l.note',
      'l.created_by',
      'l.created_at',
      lossCost().as('cost'),
    ])
    .where('l.tenant_id', '=', tenantId);
}

type LossRow = Awaited<ReturnType<ReturnType<typeof selectLosses>['executeTakeFirstOrThrow']>>;

function toLoss(row: LossRow): Loss {
  return {
    ...row,
    quantity: round3(row.quantity),
    occurred_at: iso(row.occurred_at),
    created_at: iso(row.created_at),
    cost: row.cost === null ? null : round2(row.cost),
  };
}

async function requireLossManagement(db: Db, tenantId: string, now: Date) {
  const plan = await loadTenantPlan(db, tenantId, now);
  const verdict = checkFeature(plan.ent, 'loss_management');
  if (!verdict.ok) throw denialError(verdict);
  return plan;
}

/** A day alone means that day, 00:00 UTC (its user's "today" is never the future: see isFutureDay). */
function occurredAt(input: string | undefined, now: Date): Date {
  if (!input) return now;
  const day = input.length === 10;
  const date = new Date(day ? `${input}T00:00:00Z` : input);
  if (day ? isFutureDay(input, now) : date.getTime() > now.getTime())
    throw new AppError('VALIDATION_ERROR', undefined, {
      occurred_at: 'La date ne peut pas être dans le futur.',
    });
  return date;
}

/** Records a loss (BOUTIQUE+ `loss_management`) of a product of the service, in the month it occurred. */
export async function createLoss(
  deps: InventoryDeps,
  actor: Actor,
  input: LossCreateInput,
  key?: string,
): Promise<Loss> {
  const now = deps.now();
  const { idempotency_key: _key, ...request } = input;
  const [service] = await Promise.all([
    loadService(deps.db, actor, input.service_id),
    requireLossManagement(deps.db, actor.tenantId, now),
  ]);
  const product = await deps.db
    .selectFrom('products')
    .select(['id', 'unit'])
    .where('id', '=', input.product_id)
    .where('tenant_id', '=', actor.tenantId)
    .where('service_id', '=', service.id)
    .executeTakeFirst();
  if (!product)
    throw new AppError('NOT_FOUND', undefined, { product_id: 'Produit introuvable dans ce service.' });
  const at = occurredAt(input.occurred_at, now);
  const month = monthKey(at);
  // A replay answers the first loss; the same key with another body is 409 IDEMPOTENCY_MISMATCH.
  const call = { tenantId: actor.tenantId, key, operation: 'inventory.losses.create', request, now };
  return runIdempotent(deps.db, call, async (tx) => {
    await assertMonthOpen(tx, actor.tenantId, service.id, month);
    const inserted = await tx
      .insertInto('loss_events')
      .values({
        tenant_id: actor.tenantId,
        service_id: service.id,
        product_id: product.id,
        occurred_at: at,
        inventory_month: month,
        quantity: input.quantity,
        unit: normaliseUnit(service.counting_mode, input.unit ?? product.unit),
        reason: input.reason,
        note: input.note ?? null,
        created_by: actor.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return toLoss(
      await selectLosses(tx, actor.tenantId).where('l.id', '=', inserted.id).executeTakeFirstOrThrow(),
    );
  });
}

const LOSS_PAGE = 50;

/**
 * One page of the month's losses of a service, newest first (keyset on occurred_at desc, id), with the whole
 * month's cost and count; readable even without the feature: reading never blocks.
 */
export async function listLosses(
  deps: InventoryDeps,
  actor: Actor,
  input: LossListInput,
): Promise<LossListResult> {
  const now = deps.now();
  const [service, plan] = await Promise.all([
    loadService(deps.db, actor, input.service_id),
    loadTenantPlan(deps.db, actor.tenantId, now),
  ]);
  if (!isMonthReadable(plan.ent, now, input.month))
    return {
      month: input.month,
      items: [],
      total_cost: 0,
      total_count: 0,
      retention_limited: true,
      next_cursor: null,
    };
  const limit = input.limit ?? LOSS_PAGE;
  let page = selectLosses(deps.db, actor.tenantId)
    .where('l.service_id', '=', service.id)
    .where('l.inventory_month', '=', input.month);
  if (input.cursor) {
    const after = sql`(select c.occurred_at from loss_events c where c.id = ${input.cursor} and c.tenant_id = ${actor.tenantId})`;
    page = page.where(
      sql<boolean>`(l.occurred_at < ${after} or (l.occurred_at = ${after} and l.id > ${input.cursor}))`,
    );
  }
  const [rows, totals] = await Promise.all([
    page
      .orderBy('l.occurred_at', 'desc')
      .orderBy('l.id')
      .limit(limit + 1)
      .execute(),
    deps.db
      .selectFrom('loss_events as l')
      .innerJoin('products as p', 'p.id', 'l.product_id')
      .select([
        sql<number>`coalesce(round(sum(${lossCost()}), 2), 0)`.as('cost'),
        sql<number>`count(*)::int`.as('count'),
      ])
      .where('l.tenant_id', '=', actor.tenantId)
      .where('l.service_id', '=', service.id)
      .where('l.inventory_month', '=', input.month)
      .executeTakeFirstOrThrow(),
  ]);
  const items = rows.slice(0, limit);
  return {
    month: input.month,
    items: items.map(toLoss),
    total_cost: Number(totals.cost),
    total_count: Number(totals.count),
    retention_limited: false,
    next_cursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
  };
}

/** Deletes a loss: managers, or the operator who recorded it. */
export async function deleteLoss(deps: InventoryDeps, actor: Actor, id: string): Promise<{ deleted: true }> {
  const now = deps.now();
  const loss = assertFoundInScope(
    actor,
    await deps.db
      .selectFrom('loss_events')
      .select(['id', 'service_id', 'created_by', 'inventory_month'])
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .executeTakeFirst(),
  );
  if (!canDeleteLoss(actor.role, loss.created_by === actor.userId)) throw new AppError('FORBIDDEN_ROLE');
  await requireLossManagement(deps.db, actor.tenantId, now);
  await deps.db.transaction().execute(async (tx) => {
    await assertMonthOpen(tx, actor.tenantId, loss.service_id, loss.inventory_month);
    await tx
      .deleteFrom('loss_events')
      .where('id', '=', loss.id)
      .where('tenant_id', '=', actor.tenantId)
      .execute();
  });
  return { deleted: true };
}
