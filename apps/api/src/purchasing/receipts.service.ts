import type {
  Receipt,
  ReceiptCreateInput,
  ReceiptListInput,
  ReceiptListResult,
  ReceiptSummary,
} from '@stockscan/contracts';
import type { Database, Db } from '@stockscan/db';
import { sql, type Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { runIdempotent } from '../idempotency/idempotency';
import { isFutureDay, iso } from '../inventory/dates';
import { assertMonthOpen } from '../inventory/month-open';
import { round2, round3, sumExact } from '../inventory/numbers';
import { loadLiveSupplier } from '../inventory/product-supplier';
import { assertFoundInScope, loadService } from '../inventory/scope';
import { type Actor, hasRole } from '../request/actor';
import { requireStockControl } from './plan-gate';

type PurchasingDeps = Pick<Deps, 'db' | 'now'>;

/** A date of delivery or transfer: never after today (in the user's time zone, whichever it is). */
export function assertNotFuture(day: string, now: Date, field: string): void {
  if (isFutureDay(day, now))
    throw new AppError('VALIDATION_ERROR', undefined, { [field]: 'La date ne peut pas être dans le futur.' });
}

function selectHeads(db: Db, tenantId: string) {
  return db
    .selectFrom('receipts as r')
    .leftJoin('suppliers as s', 's.id', 'r.supplier_id')
    .select([
      'r.id',
      'r.service_id',
      'r.supplier_id',
      's.name as supplier_name',
      'r.received_on',
      'r.month',
      'r.reference',
      'r.note',
      'r.source',
      'r.created_by',
      'r.created_at',
      sql<number>`(select count(*)::int from receipt_lines rl where rl.receipt_id = r.id)`.as('lines_count'),
      sql<number>`(select coalesce(sum(rl.quantity * rl.unit_cost), 0) from receipt_lines rl
        where rl.receipt_id = r.id)`.as('total_cost'),
    ])
    .where('r.tenant_id', '=', tenantId);
}

type HeadRow = Awaited<ReturnType<ReturnType<typeof selectHeads>['executeTakeFirstOrThrow']>>;

const toSummary = (row: HeadRow): ReceiptSummary => ({
  ...row,
  created_at: iso(row.created_at),
  total_cost: round2(row.total_cost),
});

async function loadReceipt(db: Db, actor: Actor, id: string): Promise<Receipt> {
  const head = assertFoundInScope(
    actor,
    await selectHeads(db, actor.tenantId).where('r.id', '=', id).executeTakeFirst(),
  );
  const lines = await db
    .selectFrom('receipt_lines as rl')
    .innerJoin('products as p', 'p.id', 'rl.product_id')
    .select([
      'rl.id',
      'rl.product_id',
      'p.name as product_name',
      'p.unit',
      'rl.quantity',
      'rl.unit_cost',
      'rl.lot_number',
      'rl.expiry_date',
    ])
    .where('rl.receipt_id', '=', id)
    .where('rl.tenant_id', '=', actor.tenantId)
    .orderBy('rl.position')
    .execute();
  const { lines_count: _count, ...summary } = toSummary(head);
  return {
    ...summary,
    lines: lines.map((line) => ({
      ...line,
      quantity: round3(line.quantity),
      line_cost: line.unit_cost === null ? null : round2(line.quantity * line.unit_cost),
    })),
  };
}

/** Products of the service named by the lines (live or archived): 404 naming the first unknown line. */
export async function productsOfLines(tx: Db, tenantId: string, serviceId: string, ids: string[]) {
  const rows = await tx
    .selectFrom('products')
    .select(['id', 'pack_size', 'purchase_price'])
    .where('tenant_id', '=', tenantId)
    .where('service_id', '=', serviceId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const unknown = ids.findIndex((id) => !byId.has(id));
  if (unknown >= 0)
    throw new AppError('NOT_FOUND', undefined, {
      [`lines.${unknown}.product_id`]: 'Produit introuvable dans ce service.',
    });
  return byId;
}

/** Units of a line: packs × the product's pack size + loose units. */
function lineQuantity(
  line: ReceiptCreateInput['lines'][number],
  packSize: number | null,
  index: number,
): number {
  if (line.packs && !(packSize && packSize > 0))
    throw new AppError('VALIDATION_ERROR', undefined, {
      [`lines.${index}.packs`]: 'Ce produit n’a pas de colisage : saisissez des unités.',
    });
  return round3((line.packs ?? 0) * (packSize ?? 0) + (line.quantity ?? 0));
}

/** Where a receipt comes from: typed in, a file import (with the import's id) or an order. */
export interface ReceiptOrigin {
  source: 'manual' | 'import' | 'order';
  import_id: string | null;
}

/** A delivery's rows in the caller's transaction (receipts.create and the file import share it). */
export async function insertReceipt(
  tx: Transaction<Database>,
  actor: Actor,
  serviceId: string,
  input: Omit<ReceiptCreateInput, 'idempotency_key'>,
  now: Date,
  origin: ReceiptOrigin = { source: 'manual', import_id: null },
): Promise<string> {
  const month = input.received_on.slice(0, 7);
  await assertMonthOpen(tx, actor.tenantId, serviceId, month);
  const supplier = input.supplier_id ? await loadLiveSupplier(tx, actor.tenantId, input.supplier_id) : null;
  const products = await productsOfLines(
    tx,
    actor.tenantId,
    serviceId,
    input.lines.map((l) => l.product_id),
  );
  const receipt = await tx
    .insertInto('receipts')
    .values({
      tenant_id: actor.tenantId,
      service_id: serviceId,
      supplier_id: supplier?.id ?? null,
      received_on: input.received_on,
      month,
      reference: input.reference ?? null,
      note: input.note ?? null,
      source: origin.source,
      import_id: origin.import_id,
      created_by: actor.userId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lines = input.lines.map((line, index) => ({
    tenant_id: actor.tenantId,
    receipt_id: receipt.id,
    product_id: line.product_id,
    position: index,
    quantity: lineQuantity(line, products.get(line.product_id)?.pack_size ?? null, index),
    unit_cost: line.unit_cost ?? null,
    lot_number: line.lot_number ?? null,
    expiry_date: line.expiry_date ?? null,
  }));
  await tx.insertInto('receipt_lines').values(lines).execute();
  if (input.update_purchase_prices) {
    // The last priced line of a product wins (a delivery lists a product once, usually).
    const prices = new Map(lines.filter((l) => l.unit_cost !== null).map((l) => [l.product_id, l.unit_cost]));
    for (const [productId, cost] of prices)
      await tx
        .updateTable('products')
        .set({ purchase_price: round2(cost as number), updated_at: now })
        .where('id', '=', productId)
        .where('tenant_id', '=', actor.tenantId)
        .execute();
  }
  await recordAudit(tx, {
    tenant_id: actor.tenantId,
    user_id: actor.userId,
    action: 'receipt.create',
    object_type: 'receipt',
    object_id: receipt.id,
    meta: { service_id: serviceId, lines: lines.length, received_on: input.received_on },
    at: now,
  });
  return receipt.id;
}

/**
 * Records a delivery (BOUTIQUE+ `stock_control`) in one transaction: lines in the product's unit, optional
 * purchase price update. Additive: a replay of the same idempotency key answers the first receipt.
 */
export async function createReceipt(
  deps: PurchasingDeps,
  actor: Actor,
  input: ReceiptCreateInput,
  key?: string,
): Promise<Receipt> {
  const now = deps.now();
  const { idempotency_key: _key, ...request } = input;
  const service = await loadService(deps.db, actor, input.service_id);
  await requireStockControl(deps.db, actor.tenantId, now);
  assertNotFuture(input.received_on, now, 'received_on');
  return runIdempotent(
    deps.db,
    { tenantId: actor.tenantId, key, operation: 'purchasing.receipts.create', request, now },
    async (tx) => loadReceipt(tx, actor, await insertReceipt(tx, actor, service.id, request, now)),
  );
}

export function getReceipt(db: Db, actor: Actor, id: string): Promise<Receipt> {
  return loadReceipt(db, actor, id);
}

/** The month's deliveries of a service, newest first (readable on every plan). */
export async function listReceipts(
  db: Db,
  actor: Actor,
  input: ReceiptListInput,
): Promise<ReceiptListResult> {
  const service = await loadService(db, actor, input.service_id);
  const rows = await selectHeads(db, actor.tenantId)
    .where('r.service_id', '=', service.id)
    .where('r.month', '=', input.month)
    .orderBy('r.received_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .execute();
  return {
    month: input.month,
    items: rows.map(toSummary),
    total_cost: round2(sumExact(rows.map((r) => r.total_cost))),
  };
}

/** Deletes a delivery of an open month: managers, or whoever entered it. */
export async function deleteReceipt(
  deps: PurchasingDeps,
  actor: Actor,
  id: string,
): Promise<{ deleted: true }> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const receipt = assertFoundInScope(
      actor,
      await tx
        .selectFrom('receipts')
        .select(['id', 'service_id', 'month', 'created_by'])
        .where('id', '=', id)
        .where('tenant_id', '=', actor.tenantId)
        .forUpdate()
        .executeTakeFirst(),
    );
    if (!hasRole(actor, 'manager') && receipt.created_by !== actor.userId)
      throw new AppError('FORBIDDEN_ROLE');
    await requireStockControl(tx, actor.tenantId, now);
    await assertMonthOpen(tx, actor.tenantId, receipt.service_id, receipt.month);
    await tx.deleteFrom('receipts').where('id', '=', id).where('tenant_id', '=', actor.tenantId).execute();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'receipt.delete',
      object_type: 'receipt',
      object_id: id,
      meta: { service_id: receipt.service_id, month: receipt.month },
      at: now,
    });
    return { deleted: true as const };
  });
}
