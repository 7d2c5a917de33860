import type { OrderReceiveInput, OrderReceiveResult, PurchaseOrder } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { missingFromDelivery, type ProductQuantity } from '@stockscan/entitlements';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { runIdempotent } from '../idempotency/idempotency';
import type { Actor } from '../request/actor';
import { loadOrder, lockOrder, nextOrderNumber } from './orders.service';
import { requirePurchaseOrders } from './plan-gate';
import { assertNotFuture, getReceipt, insertReceipt } from './receipts.service';

/**
 * Receives a sent order (any member of its service, PRO): creates its delivery (source `order`, the order's
 * supplier, the lines as received — by default as ordered; a line at 0 did not come) in a month that must be
 * open (MONTH_CLOSED). With `backorder`, what did not come stays on order (keepRestOnOrder). Receiving it again
 * answers the same delivery and backorder: one tap or two, one receipt.
 */
export async function receiveOrder(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: Actor,
  input: OrderReceiveInput,
  key?: string,
): Promise<OrderReceiveResult> {
  const now = deps.now();
  const { idempotency_key: _key, ...request } = input;
  await loadOrder(deps.db, actor, input.id);
  await requirePurchaseOrders(deps.db, actor.tenantId, now);
  const receivedOn = request.received_on ?? now.toISOString().slice(0, 10);
  assertNotFuture(receivedOn, now, 'received_on');
  return runIdempotent(
    deps.db,
    { tenantId: actor.tenantId, key, operation: 'purchasing.orders.receive', request, now },
    async (tx) => {
      const row = await lockOrder(tx, actor, input.id);
      if (row.status === 'RECEIVED') {
        if (!row.receipt_id)
          throw new AppError('CONFLICT', {
            fr: 'La livraison de cette commande a été supprimée.',
            en: 'The delivery of this order was deleted.',
          });
        return {
          order: await loadOrder(tx, actor, row.id),
          receipt: await getReceipt(tx, actor, row.receipt_id),
          backorder: await backorderOf(tx, actor, row.id),
        };
      }
      if (row.status !== 'SENT')
        throw new AppError('CONFLICT', {
          fr:
            row.status === 'DRAFT'
              ? 'Envoyez d’abord la commande : un brouillon ne se réceptionne pas.'
              : 'Cette commande est annulée.',
          en:
            row.status === 'DRAFT'
              ? 'Send the order first: a draft is not received.'
              : 'This order is canceled.',
        });
      const order = await loadOrder(tx, actor, row.id);
      const ordered = new Map(order.lines.map((l) => [l.product_id, l.unit_cost]));
      const asked: { product_id: string; quantity: number; unit_cost?: number | null | undefined }[] =
        request.lines ?? order.lines;
      // What came, at the order's cost unless the delivery says otherwise; a line at 0 did not come.
      const lines = asked
        .filter((l) => l.quantity > 0)
        .map((l) => ({
          product_id: l.product_id,
          quantity: l.quantity,
          unit_cost: l.unit_cost !== undefined ? l.unit_cost : (ordered.get(l.product_id) ?? null),
        }));
      if (lines.length === 0)
        throw new AppError('VALIDATION_ERROR', undefined, { lines: 'Au moins une ligne reçue.' });
      const supplier = row.supplier_id
        ? await tx
            .selectFrom('suppliers')
            .select('id')
            .where('id', '=', row.supplier_id)
            .where('tenant_id', '=', actor.tenantId)
            .where('archived_at', 'is', null)
            .executeTakeFirst()
        : undefined;
      const receiptId = await insertReceipt(
        tx,
        actor,
        row.service_id,
        {
          service_id: row.service_id,
          supplier_id: supplier?.id ?? null,
          received_on: receivedOn,
          reference: request.reference ?? `Commande n° ${row.number}`,
          note: null,
          lines,
          update_purchase_prices: request.update_purchase_prices ?? false,
        },
        now,
        { source: 'order', import_id: null },
      );
      await tx
        .updateTable('purchase_orders')
        .set({ status: 'RECEIVED', received_at: now, receipt_id: receiptId, updated_at: now })
        .where('id', '=', row.id)
        .where('tenant_id', '=', actor.tenantId)
        .execute();
      const backorder = request.backorder ? await keepRestOnOrder(tx, actor, order, lines, now) : null;
      await recordAudit(tx, {
        tenant_id: actor.tenantId,
        user_id: actor.userId,
        action: 'order.receive',
        object_type: 'purchase_order',
        object_id: row.id,
        meta: {
          service_id: row.service_id,
          number: row.number,
          supplier: order.supplier_name,
          receipt_id: receiptId,
          lines: lines.length,
          backorder: backorder?.number ?? null,
        },
        at: now,
      });
      return {
        order: await loadOrder(tx, actor, row.id),
        receipt: await getReceipt(tx, actor, receiptId),
        backorder: backorder ? await loadOrder(tx, actor, backorder.id) : null,
      };
    },
  );
}

/** The backorder created when this order was received, if any. */
async function backorderOf(db: Db, actor: Actor, orderId: string): Promise<PurchaseOrder | null> {
  const row = await db
    .selectFrom('purchase_orders')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('backorder_of', '=', orderId)
    .executeTakeFirst();
  return row ? loadOrder(db, actor, row.id) : null;
}

/**
 * What did not come stays on order: a new order, already sent (the supplier has the first one), to the same
 * supplier, with each product's ordered − received quantity at the order's cost. Nothing missing: none.
 */
async function keepRestOnOrder(
  tx: Db,
  actor: Actor,
  order: PurchaseOrder,
  received: readonly ProductQuantity[],
  now: Date,
): Promise<{ id: string; number: number } | null> {
  const rest = missingFromDelivery(order.lines, received).map((line) => ({
    product_id: line.product_id,
    quantity: line.quantity,
    unit_cost: line.unit_cost,
  }));
  if (rest.length === 0) return null;
  const number = await nextOrderNumber(tx, actor.tenantId);
  const backorder = await tx
    .insertInto('purchase_orders')
    .values({
      tenant_id: actor.tenantId,
      service_id: order.service_id,
      supplier_id: order.supplier_id,
      number,
      status: 'SENT',
      note: null,
      sent_at: now,
      sent_to: null,
      sent_by: actor.userId,
      backorder_of: order.id,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('purchase_order_lines')
    .values(
      rest.map((line, position) => ({
        tenant_id: actor.tenantId,
        order_id: backorder.id,
        position,
        ...line,
      })),
    )
    .execute();
  return { id: backorder.id, number };
}
