import {
  currentMonth,
  type Period,
  type PeriodMark,
  type PeriodMarkInput,
  type PeriodReopenInput,
  type ServiceMonthInput,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { reviewState } from '@stockscan/entitlements';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { requireFeature } from '../entitlements/enforce';
import { AppError } from '../errors';
import { type Actor, requireCan } from '../request/actor';
import { iso } from './dates';
import { assertMonthOpen, lockPeriod } from './month-open';
import { mailRecount } from './recount-email';
import { loadService } from './scope';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

/** The month as its header shows it: OPEN when it has no row, else its status, who closed and reopened it. */
export async function readPeriod(
  db: Db,
  tenantId: string,
  serviceId: string,
  month: string,
): Promise<Period> {
  const row = await db
    .selectFrom('inventory_periods as ip')
    .leftJoin('users as c', 'c.id', 'ip.closed_by')
    .leftJoin('users as r', 'r.id', 'ip.reopened_by')
    .select([
      'ip.status',
      'ip.closed_by',
      'c.username as closed_by_name',
      'ip.closed_at',
      'ip.reopened_by',
      'r.username as reopened_by_name',
      'ip.reopened_at',
      'ip.reopen_reason',
    ])
    .where('ip.tenant_id', '=', tenantId)
    .where('ip.service_id', '=', serviceId)
    .where('ip.month', '=', month)
    .executeTakeFirst();
  return {
    service_id: serviceId,
    month,
    status: row?.status ?? 'OPEN',
    closed_by: row?.closed_by ?? null,
    closed_by_name: row?.closed_by_name ?? null,
    closed_at: row?.closed_at ? iso(row.closed_at) : null,
    reopened_by: row?.reopened_by ?? null,
    reopened_by_name: row?.reopened_by_name ?? null,
    reopened_at: row?.reopened_at ? iso(row.reopened_at) : null,
    reopen_reason: row?.reopen_reason ?? null,
  };
}

/** inventory.periods.get: any member of the service, any plan (a closed month stays closed after a downgrade). */
export async function getPeriod(
  deps: InventoryDeps,
  actor: Actor,
  input: ServiceMonthInput,
): Promise<Period> {
  const service = await loadService(deps.db, actor, input.service_id);
  return readPeriod(deps.db, actor.tenantId, service.id, input.month);
}

/**
 * Closes the month (manager+, BOUTIQUE+): its counts and losses answer MONTH_CLOSED from now on. The row is
 * locked FOR UPDATE: the close waits for the count and loss writes in flight, and the writes after it wait for
 * it and then read CLOSED. Closing a closed month changes nothing.
 */
export async function closePeriod(
  deps: InventoryDeps,
  actor: Actor,
  input: ServiceMonthInput,
): Promise<Period> {
  requireCan(actor, 'month.close');
  const now = deps.now();
  const service = await loadService(deps.db, actor, input.service_id);
  await requireFeature(deps.db, actor.tenantId, 'stock_control', now);
  if (input.month > currentMonth(now))
    throw new AppError('VALIDATION_ERROR', undefined, { month: 'Un mois à venir ne peut pas être clôturé.' });
  await deps.db.transaction().execute(async (tx) => {
    if ((await lockPeriod(tx, actor.tenantId, service.id, input.month, 'update')) === 'CLOSED') return;
    await tx
      .updateTable('inventory_periods')
      .set({ status: 'CLOSED', closed_by: actor.userId, closed_at: now, updated_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('service_id', '=', service.id)
      .where('month', '=', input.month)
      .execute();
    const counted = await tx
      .selectFrom('counts')
      .select((eb) => [
        eb.fn.countAll<number>().as('lines'),
        eb.fn.count<number>('product_id').distinct().as('products'),
      ])
      .where('tenant_id', '=', actor.tenantId)
      .where('service_id', '=', service.id)
      .where('inventory_month', '=', input.month)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'period.close',
      object_type: 'service',
      object_id: service.id,
      meta: { month: input.month, lines: Number(counted.lines), products: Number(counted.products) },
      at: now,
    });
  });
  return readPeriod(deps.db, actor.tenantId, service.id, input.month);
}

/**
 * Reopens a closed month (manager+) with a reason, kept on the month and in the audit log. Not gated by the
 * plan: a business that closed a month on BOUTIQUE and went back to the free plan can still correct it.
 * Reopening an open month changes nothing.
 */
export async function reopenPeriod(
  deps: InventoryDeps,
  actor: Actor,
  input: PeriodReopenInput,
): Promise<Period> {
  requireCan(actor, 'month.close');
  const now = deps.now();
  const service = await loadService(deps.db, actor, input.service_id);
  await deps.db.transaction().execute(async (tx) => {
    if ((await lockPeriod(tx, actor.tenantId, service.id, input.month, 'update')) === 'OPEN') return;
    await tx
      .updateTable('inventory_periods')
      .set({
        status: 'OPEN',
        reopened_by: actor.userId,
        reopened_at: now,
        reopen_reason: input.reason,
        updated_at: now,
      })
      .where('tenant_id', '=', actor.tenantId)
      .where('service_id', '=', service.id)
      .where('month', '=', input.month)
      .execute();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'period.reopen',
      object_type: 'service',
      object_id: service.id,
      meta: { month: input.month, reason: input.reason },
      at: now,
    });
  });
  return readPeriod(deps.db, actor.tenantId, service.id, input.month);
}

/**
 * A review decision on a product of the month (manager+, BOUTIQUE+): OK ("c'est correct") takes it off the
 * list until its count changes; RECOUNT ("recompter") flags it on the count screen until someone counts it
 * again. The month must be open: a closed month is read-only, its review too.
 */
export async function markReview(
  deps: Pick<Deps, 'db' | 'now' | 'mailer' | 'config'>,
  actor: Actor,
  input: PeriodMarkInput,
): Promise<PeriodMark> {
  requireCan(actor, 'month.review');
  const now = deps.now();
  const service = await loadService(deps.db, actor, input.service_id);
  await requireFeature(deps.db, actor.tenantId, 'stock_control', now);
  const { mark, alreadyAsked } = await deps.db.transaction().execute(async (tx) => {
    const product = await tx
      .selectFrom('products')
      .select('id')
      .where('id', '=', input.product_id)
      .where('tenant_id', '=', actor.tenantId)
      .where('service_id', '=', service.id)
      .executeTakeFirst();
    if (!product)
      throw new AppError('NOT_FOUND', undefined, { product_id: 'Produit introuvable dans ce service.' });
    await assertMonthOpen(tx, actor.tenantId, service.id, input.month);
    const previous = await tx
      .selectFrom('count_reviews')
      .select(['decision', 'decided_at'])
      .where('service_id', '=', service.id)
      .where('month', '=', input.month)
      .where('product_id', '=', product.id)
      .executeTakeFirst();
    const lastWrite = previous
      ? await tx
          .selectFrom('counts')
          .select((eb) => eb.fn.max('updated_at').as('at'))
          .where('tenant_id', '=', actor.tenantId)
          .where('product_id', '=', product.id)
          .where('inventory_month', '=', input.month)
          .executeTakeFirst()
      : undefined;
    const row = await tx
      .insertInto('count_reviews')
      .values({
        tenant_id: actor.tenantId,
        service_id: service.id,
        product_id: product.id,
        month: input.month,
        decision: input.decision,
        decided_by: actor.userId,
        decided_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['service_id', 'month', 'product_id']).doUpdateSet({
          decision: input.decision,
          decided_by: actor.userId,
          decided_at: now,
        }),
      )
      .returning(['product_id', 'month', 'decision', 'decided_by', 'decided_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: input.decision === 'OK' ? 'period.review_ok' : 'period.review_recount',
      object_type: 'product',
      object_id: product.id,
      meta: { month: input.month },
      at: now,
    });
    // A recount still pending was already asked (and mailed): asking again mails nobody twice.
    const pending =
      previous !== undefined &&
      reviewState(
        { decision: previous.decision, decidedAt: previous.decided_at },
        lastWrite?.at ? new Date(lastWrite.at) : new Date(0),
      ) === 'RECOUNT_REQUESTED';
    return { mark: { ...row, decided_at: iso(row.decided_at) }, alreadyAsked: pending };
  });
  const emailed =
    input.decision === 'RECOUNT' && !alreadyAsked
      ? await mailRecount(deps, actor, {
          serviceId: service.id,
          serviceName: service.name,
          month: input.month,
          productId: input.product_id,
        })
      : 0;
  return { ...mark, emailed };
}
