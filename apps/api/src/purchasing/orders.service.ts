import {
  ORDER_PAGE,
  type OrderCreateInput,
  type OrderFile,
  type OrderFileInput,
  type OrderListInput,
  type OrderListResult,
  type OrderUpdateInput,
  type PurchaseOrder,
  type PurchaseOrderSummary,
} from '@stockscan/contracts';
import type { Database, Db } from '@stockscan/db';
import { sql, type Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { runIdempotent } from '../idempotency/idempotency';
import { iso, isoOrNull } from '../inventory/dates';
import { round2, round3 } from '../inventory/numbers';
import { loadLiveSupplier } from '../inventory/product-supplier';
import { assertFoundInScope, loadService } from '../inventory/scope';
import type { Actor } from '../request/actor';
import { type OrderSender, orderCsv, orderMessage, orderXlsx } from './order-files';
import { requirePurchaseOrders } from './plan-gate';
import { productsOfLines } from './receipts.service';

type OrderDeps = Pick<Deps, 'db' | 'now'>;

function selectHeads(db: Db, tenantId: string) {
  return db
    .selectFrom('purchase_orders as o')
    .leftJoin('suppliers as s', 's.id', 'o.supplier_id')
    .select([
      'o.id',
      'o.service_id',
      'o.number',
      'o.supplier_id',
      's.name as supplier_name',
      's.email as supplier_email',
      'o.status',
      'o.note',
      'o.sent_at',
      'o.sent_to',
      'o.received_at',
      'o.receipt_id',
      'o.canceled_at',
      'o.backorder_of',
      sql<number | null>`(select b.number from purchase_orders b where b.id = o.backorder_of)`.as(
        'backorder_of_number',
      ),
      'o.created_by',
      'o.created_at',
      'o.updated_at',
      sql<number>`(select count(*)::int from purchase_order_lines l where l.order_id = o.id)`.as(
        'lines_count',
      ),
      sql<number>`(select coalesce(sum(l.quantity * l.unit_cost), 0) from purchase_order_lines l
        where l.order_id = o.id)`.as('total_cost'),
    ])
    .where('o.tenant_id', '=', tenantId);
}

type HeadRow = Awaited<ReturnType<ReturnType<typeof selectHeads>['executeTakeFirstOrThrow']>>;

const toSummary = (row: HeadRow): PurchaseOrderSummary => ({
  ...row,
  sent_at: isoOrNull(row.sent_at),
  received_at: isoOrNull(row.received_at),
  canceled_at: isoOrNull(row.canceled_at),
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
  total_cost: round2(row.total_cost),
});

/** Whole packs when the quantity is a whole number of them (a product with a pack size > 1). */
function packsOf(quantity: number, packSize: number | null): number | null {
  if (!packSize || packSize <= 1) return null;
  const packs = Math.round(((quantity * 1000) / Math.round(packSize * 1000)) * 1000) / 1000;
  return Number.isInteger(packs) ? packs : null;
}

export async function loadOrder(db: Db, actor: Actor, id: string): Promise<PurchaseOrder> {
  const head = assertFoundInScope(
    actor,
    await selectHeads(db, actor.tenantId).where('o.id', '=', id).executeTakeFirst(),
  );
  const lines = await db
    .selectFrom('purchase_order_lines as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .select([
      'l.id',
      'l.product_id',
      'p.name as product_name',
      'p.barcode',
      'p.internal_sku',
      'p.unit',
      'p.pack_size',
      'l.quantity',
      'l.unit_cost',
    ])
    .where('l.order_id', '=', id)
    .where('l.tenant_id', '=', actor.tenantId)
    .orderBy('l.position')
    .execute();
  const { lines_count: _count, ...summary } = toSummary(head);
  return {
    ...summary,
    lines: lines.map(({ barcode, internal_sku, ...line }) => ({
      ...line,
      code: barcode ?? internal_sku,
      quantity: round3(line.quantity),
      packs: packsOf(line.quantity, line.pack_size),
      line_cost: line.unit_cost === null ? null : round2(line.quantity * line.unit_cost),
    })),
  };
}

/** The order row locked for the rest of the transaction (404 outside the tenant or the actor's scope). */
export async function lockOrder(tx: Db, actor: Actor, id: string) {
  return assertFoundInScope(
    actor,
    await tx
      .selectFrom('purchase_orders')
      .select(['id', 'service_id', 'supplier_id', 'number', 'status', 'sent_to', 'receipt_id'])
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .forUpdate()
      .executeTakeFirst(),
  );
}

export const notDraft = () =>
  new AppError('CONFLICT', {
    fr: 'Cette commande est déjà envoyée : ses lignes ne se modifient plus.',
    en: 'This order was already sent: its lines can no longer change.',
  });

async function insertLines(
  tx: Transaction<Database>,
  actor: Actor,
  serviceId: string,
  orderId: string,
  lines: OrderCreateInput['lines'],
): Promise<void> {
  const products = await productsOfLines(
    tx,
    actor.tenantId,
    serviceId,
    lines.map((l) => l.product_id),
  );
  await tx
    .insertInto('purchase_order_lines')
    .values(
      lines.map((line, index) => ({
        tenant_id: actor.tenantId,
        order_id: orderId,
        product_id: line.product_id,
        position: index,
        quantity: line.quantity,
        unit_cost:
          line.unit_cost !== undefined
            ? line.unit_cost
            : (products.get(line.product_id)?.purchase_price ?? null),
      })),
    )
    .execute();
}

/** The business's next order number (1, 2, 3…): the tenant row, locked, serialises two orders made at once. */
export async function nextOrderNumber(tx: Db, tenantId: string): Promise<number> {
  await tx.selectFrom('tenants').select('id').where('id', '=', tenantId).forUpdate().execute();
  const { next } = await tx
    .selectFrom('purchase_orders')
    .select(sql<number>`coalesce(max(number), 0)::int + 1`.as('next'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return next;
}

/** A draft order (PRO `purchase_orders`, manager+), from a suggestion or typed. Additive: idempotency key. */
export async function createOrder(
  deps: OrderDeps,
  actor: Actor,
  input: OrderCreateInput,
  key?: string,
): Promise<PurchaseOrder> {
  const now = deps.now();
  const { idempotency_key: _key, ...request } = input;
  const service = await loadService(deps.db, actor, input.service_id);
  await requirePurchaseOrders(deps.db, actor.tenantId, now);
  return runIdempotent(
    deps.db,
    { tenantId: actor.tenantId, key, operation: 'purchasing.orders.create', request, now },
    async (tx) => {
      const supplier = request.supplier_id
        ? await loadLiveSupplier(tx, actor.tenantId, request.supplier_id)
        : null;
      const next = await nextOrderNumber(tx, actor.tenantId);
      const order = await tx
        .insertInto('purchase_orders')
        .values({
          tenant_id: actor.tenantId,
          service_id: service.id,
          supplier_id: supplier?.id ?? null,
          number: next,
          note: request.note ?? null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertLines(tx, actor, service.id, order.id, request.lines);
      await recordAudit(tx, {
        tenant_id: actor.tenantId,
        user_id: actor.userId,
        action: 'order.create',
        object_type: 'purchase_order',
        object_id: order.id,
        meta: {
          service_id: service.id,
          number: next,
          supplier: supplier?.name ?? null,
          lines: request.lines.length,
        },
        at: now,
      });
      return loadOrder(tx, actor, order.id);
    },
  );
}

/** Edits a draft (supplier, note, lines replaced); a sent order's lines are read-only (409 CONFLICT). */
export async function updateOrder(
  deps: OrderDeps,
  actor: Actor,
  input: OrderUpdateInput,
): Promise<PurchaseOrder> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const row = await lockOrder(tx, actor, input.id);
    await requirePurchaseOrders(tx, actor.tenantId, now);
    if (row.status !== 'DRAFT') throw notDraft();
    const supplier = input.supplier_id ? await loadLiveSupplier(tx, actor.tenantId, input.supplier_id) : null;
    await tx
      .updateTable('purchase_orders')
      .set({
        ...(input.supplier_id !== undefined ? { supplier_id: supplier?.id ?? null } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        updated_at: now,
      })
      .where('id', '=', row.id)
      .where('tenant_id', '=', actor.tenantId)
      .execute();
    if (input.lines) {
      await tx
        .deleteFrom('purchase_order_lines')
        .where('order_id', '=', row.id)
        .where('tenant_id', '=', actor.tenantId)
        .execute();
      await insertLines(tx, actor, row.service_id, row.id, input.lines);
    }
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'order.update',
      object_type: 'purchase_order',
      object_id: row.id,
      meta: { service_id: row.service_id, number: row.number, lines: input.lines?.length ?? null },
      at: now,
    });
    return loadOrder(tx, actor, row.id);
  });
}

export function getOrder(db: Db, actor: Actor, id: string): Promise<PurchaseOrder> {
  return loadOrder(db, actor, id);
}

/**
 * A service's orders, newest first, a page at a time (readable on every plan: what was ordered stays visible). The
 * page after `cursor` starts below that order in (created_at, number) order; a cursor of another tenant or service
 * matches nothing, so it gives an empty page.
 */
export async function listOrders(db: Db, actor: Actor, input: OrderListInput): Promise<OrderListResult> {
  const service = await loadService(db, actor, input.service_id);
  const limit = input.limit ?? ORDER_PAGE;
  let query = selectHeads(db, actor.tenantId).where('o.service_id', '=', service.id);
  if (input.status) query = query.where('o.status', '=', input.status);
  if (input.cursor)
    query = query.where(
      sql<boolean>`(o.created_at, o.number) < (select c.created_at, c.number from purchase_orders c
        where c.id = ${input.cursor} and c.tenant_id = ${actor.tenantId} and c.service_id = ${service.id})`,
    );
  const rows = await query
    .orderBy('o.created_at', 'desc')
    .orderBy('o.number', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toSummary);
  return { items, next_cursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

export async function senderOf(db: Db, tenantId: string, serviceId: string): Promise<OrderSender> {
  const row = await db
    .selectFrom('tenants')
    .innerJoin('services', 'services.tenant_id', 'tenants.id')
    .select(['tenants.name as tenant_name', 'tenants.currency_code', 'services.name as service_name'])
    .where('tenants.id', '=', tenantId)
    .where('services.id', '=', serviceId)
    .executeTakeFirstOrThrow();
  return { tenantName: row.tenant_name, serviceName: row.service_name, currency: row.currency_code };
}

/** The order as an XLSX or CSV file and its text: the way out when it is not mailed. */
export async function orderFile(deps: OrderDeps, actor: Actor, input: OrderFileInput): Promise<OrderFile> {
  const order = await loadOrder(deps.db, actor, input.id);
  const from = await senderOf(deps.db, actor.tenantId, order.service_id);
  const at = order.sent_at ? new Date(order.sent_at) : deps.now();
  const file = input.format === 'xlsx' ? await orderXlsx(order, from, at) : orderCsv(order, from);
  return {
    filename: file.filename,
    content_type: file.contentType,
    content_base64: file.content.toString('base64'),
    message: orderMessage(order, from, at),
  };
}

/** Cancels a draft or a sent order (manager+); a received one has its delivery (delete that instead). */
export async function cancelOrder(deps: OrderDeps, actor: Actor, id: string): Promise<PurchaseOrder> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const row = await lockOrder(tx, actor, id);
    if (row.status === 'CANCELED') return loadOrder(tx, actor, row.id);
    if (row.status === 'RECEIVED' && row.receipt_id)
      throw new AppError('CONFLICT', {
        fr: 'Cette commande est réceptionnée : supprimez sa livraison pour l’annuler.',
        en: 'This order was received: delete its delivery to cancel it.',
      });
    await tx
      .updateTable('purchase_orders')
      .set({ status: 'CANCELED', canceled_at: now, updated_at: now })
      .where('id', '=', row.id)
      .where('tenant_id', '=', actor.tenantId)
      .execute();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'order.cancel',
      object_type: 'purchase_order',
      object_id: row.id,
      meta: { service_id: row.service_id, number: row.number, was: row.status },
      at: now,
    });
    return loadOrder(tx, actor, row.id);
  });
}
