import type { OrderSendInput, OrderSendResult, PurchaseOrder } from '@stockscan/contracts';
import { recordAudit } from '../audit/audit.service';
import { requireVerifiedEmail } from '../auth/verified-email';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { reserveOrderEmail } from '../exports/email-cap';
import { runIdempotent, storedAnswer } from '../idempotency/idempotency';
import type { Actor } from '../request/actor';
import { type OrderSender, orderCsv, orderMessage, orderXlsx } from './order-files';
import { loadOrder, notDraft, senderOf } from './orders.service';
import { requirePurchaseOrders } from './plan-gate';

type SendDeps = Pick<Deps, 'db' | 'now' | 'mailer' | 'config'>;

type EmailOutcome = OrderSendResult['email'];

/**
 * Sends a draft (PRO, manager+): mailed to the supplier with the order as XLSX and CSV attachments when mail is
 * configured and the supplier has an address (the sender's address confirmed, under the emailed files' daily
 * cap); otherwise it is marked sent and the answer carries the text to copy (the files stay downloadable) — the
 * order is never lost. A double tap mails once: the first call takes the draft, the second finds it sent. A
 * replay of the same idempotency key answers the first result.
 */
export async function sendOrder(
  deps: SendDeps,
  actor: Actor,
  input: OrderSendInput,
  key?: string,
): Promise<OrderSendResult> {
  const now = deps.now();
  const request = { id: input.id, email: input.email ?? true };
  const call = { tenantId: actor.tenantId, key, operation: 'purchasing.orders.send', request, now };
  const first = await storedAnswer<OrderSendResult>(deps.db, call);
  if (first) return first;
  const draft = await loadOrder(deps.db, actor, input.id);
  await requirePurchaseOrders(deps.db, actor.tenantId, now);
  const from = await senderOf(deps.db, actor.tenantId, draft.service_id);
  if (draft.status === 'SENT') return alreadySent(draft, from, now);
  if (draft.status === 'CANCELED')
    throw new AppError('CONFLICT', { fr: 'Cette commande est annulée.', en: 'This order is canceled.' });
  if (draft.status !== 'DRAFT') throw notDraft();

  const to = draft.supplier_email;
  const mails = request.email && to !== null && deps.mailer.enabled;
  if (mails) await requireVerifiedEmail(deps.db, actor.userId);
  const reservation = mails
    ? await reserveOrderEmail(deps.db, {
        tenantId: actor.tenantId,
        userId: actor.userId,
        limit: deps.config.exportEmailDailyLimit,
        now,
        orderId: draft.id,
      })
    : null;

  // Take the draft: one caller wins; a concurrent tap finds it sent and mails nothing.
  const taken = await deps.db
    .updateTable('purchase_orders')
    .set({ status: 'SENT', sent_at: now, sent_by: actor.userId, updated_at: now })
    .where('id', '=', draft.id)
    .where('tenant_id', '=', actor.tenantId)
    .where('status', '=', 'DRAFT')
    .returning('id')
    .executeTakeFirst();
  if (!taken) {
    await reservation?.release();
    const current = await loadOrder(deps.db, actor, draft.id);
    if (current.status === 'SENT') return alreadySent(current, from, now);
    throw notDraft();
  }

  const message = orderMessage(draft, from, now);
  let email: EmailOutcome;
  if (!request.email) email = { to, sent: false, reason: 'manual' };
  else if (to === null) email = { to: null, sent: false, reason: 'no_email' };
  else if (!deps.mailer.enabled) email = { to, sent: false, reason: 'disabled' };
  else {
    const files = [await orderXlsx(draft, from, now), orderCsv(draft, from)];
    const replyTo = await deps.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', actor.userId)
      .executeTakeFirst();
    const result = await deps.mailer.send({
      to,
      subject: message.subject,
      text: `${message.text}\n\n(Le détail est joint en fichiers Excel et CSV.)`,
      attachments: files.map((f) => ({ filename: f.filename, content: f.content, type: f.contentType })),
      ...(replyTo?.email ? { replyTo: replyTo.email } : {}),
    });
    if (result.sent) email = { to, sent: true, reason: null };
    else {
      await reservation?.release();
      email = { to, sent: false, reason: result.reason };
    }
  }

  return runIdempotent(deps.db, call, async (tx) => {
    if (email.sent)
      await tx
        .updateTable('purchase_orders')
        .set({ sent_to: email.to, updated_at: now })
        .where('id', '=', draft.id)
        .where('tenant_id', '=', actor.tenantId)
        .execute();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'order.send',
      object_type: 'purchase_order',
      object_id: draft.id,
      meta: {
        service_id: draft.service_id,
        number: draft.number,
        supplier: draft.supplier_name,
        email_to: email.to,
        email_sent: email.sent,
        reason: email.reason,
      },
      at: now,
    });
    return { order: await loadOrder(tx, actor, draft.id), email, message };
  });
}

/** A sent order sent again: nothing is mailed, the answer says how it went out. */
function alreadySent(order: PurchaseOrder, from: OrderSender, now: Date): OrderSendResult {
  const at = order.sent_at ? new Date(order.sent_at) : now;
  return {
    order,
    email: order.sent_to
      ? { to: order.sent_to, sent: true, reason: null }
      : { to: order.supplier_email, sent: false, reason: 'manual' },
    message: orderMessage(order, from, at),
  };
}
