import type { OrderReceiveInput, OrderReceiveResult } from '@stockscan/contracts';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { runIdempotent } from '../idempotency/idempotency';
import type { Actor } from '../request/actor';
import { loadOrder, lockOrder } from './orders.service';
import { requirePurchaseOrders } from './plan-gate';
import { assertNotFuture, getReceipt, insertReceipt } from './receipts.service';

/**
 * Receives a sent order (any member of its service, PRO): creates its delivery (source `order`, the order's
 * supplier, the lines as received — by default as ordered; a line at 0 did not come) in a month that must be
 * open (MONTH_CLOSED). Receiving it again answers the same delivery: one tap or two, one receipt.
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
        },
        at: now,
      });
      return { order: await loadOrder(tx, actor, row.id), receipt: await getReceipt(tx, actor, receiptId) };
    },
  );
}
