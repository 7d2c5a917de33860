import type { OrderSendInput, OrderSendResult, PurchaseOrder } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { recordAudit } from '../audit/audit.service';
import { requireVerifiedEmail } from '../auth/verified-email';
import type { Deps } from '../deps';
import type { QuotaReservation } from '../entitlements/enforce';
import { AppError } from '../errors';
import { reserveOrderEmail } from '../exports/email-cap';
import { type IdempotentCall, runIdempotent, storedAnswer } from '../idempotency/idempotency';
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
 * order is never lost. An order sent without a mail (no address then, mail down or off) is mailed when sent
 * again once it can be. A double tap mails once: the first call takes the draft (and its mailing), the second
 * finds it sent. A replay of the same idempotency key answers the first result.
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
  if (draft.status === 'SENT') {
    if (draft.sent_to || !request.email) return alreadySent(draft, from, now);
    if (draft.supplier_email === null) return alreadySent(draft, from, now, 'no_email');
    if (!deps.mailer.enabled) return alreadySent(draft, from, now, 'disabled');
    return mailAgain(deps, actor, draft, draft.supplier_email, from, call);
  }
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

  // Take the draft, and its mailing when it mails: one caller wins; a concurrent tap finds it sent (to the
  // supplier's address) and mails nothing.
  const taken = await deps.db
    .updateTable('purchase_orders')
    .set({ status: 'SENT', sent_at: now, sent_by: actor.userId, sent_to: mails ? to : null, updated_at: now })
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
  else email = await mailOrder(deps, actor, draft, from, to, now, reservation);

  return runIdempotent(deps.db, call, async (tx) => {
    await auditSend(tx, actor, draft, email, now);
    return { order: await loadOrder(tx, actor, draft.id), email, message };
  });
}

/** The order's sending in the audit log: to whom, whether it was mailed, and why not (`again`: mailed later). */
function auditSend(
  tx: Db,
  actor: Actor,
  order: PurchaseOrder,
  email: EmailOutcome,
  now: Date,
  again = false,
): Promise<void> {
  return recordAudit(tx, {
    tenant_id: actor.tenantId,
    user_id: actor.userId,
    action: 'order.send',
    object_type: 'purchase_order',
    object_id: order.id,
    meta: {
      service_id: order.service_id,
      number: order.number,
      supplier: order.supplier_name,
      email_to: email.to,
      email_sent: email.sent,
      reason: email.reason,
      ...(again ? { again: true } : {}),
    },
    at: now,
  });
}

/**
 * Mails the order to `to` with its files (reply-to the sender), dated `at` (when it was sent). When the mail does
 * not go — refused, or anything on the way throws (its files, the reply-to, the mailer) — the order's mailing is
 * given back (sent_to null again, so it can be mailed later) and so is its slot under the daily cap.
 */
async function mailOrder(
  deps: SendDeps,
  actor: Actor,
  order: PurchaseOrder,
  from: OrderSender,
  to: string,
  at: Date,
  reservation: QuotaReservation | null,
): Promise<EmailOutcome> {
  const giveBack = async () => {
    await deps.db
      .updateTable('purchase_orders')
      .set({ sent_to: null, updated_at: deps.now() })
      .where('id', '=', order.id)
      .where('tenant_id', '=', actor.tenantId)
      .where('sent_to', '=', to)
      .execute();
    await reservation?.release();
  };
  let result: Awaited<ReturnType<SendDeps['mailer']['send']>>;
  try {
    const message = orderMessage(order, from, at);
    const files = [await orderXlsx(order, from, at), orderCsv(order, from)];
    const replyTo = await deps.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', actor.userId)
      .executeTakeFirst();
    result = await deps.mailer.send({
      to,
      subject: message.subject,
      text: `${message.text}\n\n(Le détail est joint en fichiers Excel et CSV.)`,
      attachments: files.map((f) => ({ filename: f.filename, content: f.content, type: f.contentType })),
      ...(replyTo?.email ? { replyTo: replyTo.email } : {}),
    });
  } catch (error) {
    await giveBack();
    throw error;
  }
  if (result.sent) return { to, sent: true, reason: null };
  await giveBack();
  return { to, sent: false, reason: result.reason };
}

/**
 * A sent order that went out without a mail, mailed now to the supplier's address (same checks and cap as a
 * first send). One caller takes the mailing; a concurrent one finds it taken and mails nothing.
 */
async function mailAgain(
  deps: SendDeps,
  actor: Actor,
  order: PurchaseOrder,
  to: string,
  from: OrderSender,
  call: IdempotentCall,
): Promise<OrderSendResult> {
  const now = deps.now();
  await requireVerifiedEmail(deps.db, actor.userId);
  const reservation = await reserveOrderEmail(deps.db, {
    tenantId: actor.tenantId,
    userId: actor.userId,
    limit: deps.config.exportEmailDailyLimit,
    now,
    orderId: order.id,
  });
  const taken = await deps.db
    .updateTable('purchase_orders')
    .set({ sent_to: to, updated_at: now })
    .where('id', '=', order.id)
    .where('tenant_id', '=', actor.tenantId)
    .where('status', '=', 'SENT')
    .where('sent_to', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!taken) {
    await reservation.release();
    return alreadySent(await loadOrder(deps.db, actor, order.id), from, now);
  }
  const sentAt = order.sent_at ? new Date(order.sent_at) : now;
  const email = await mailOrder(deps, actor, order, from, to, sentAt, reservation);
  return runIdempotent(deps.db, call, async (tx) => {
    await auditSend(tx, actor, order, email, now, true);
    const sent = await loadOrder(tx, actor, order.id);
    return { order: sent, email, message: orderMessage(sent, from, sentAt) };
  });
}

/** A sent order sent again: nothing is mailed, the answer says how it went out (or why it cannot be mailed). */
function alreadySent(
  order: PurchaseOrder,
  from: OrderSender,
  now: Date,
  reason: NonNullable<EmailOutcome['reason']> = 'manual',
): OrderSendResult {
  const at = order.sent_at ? new Date(order.sent_at) : now;
  return {
    order,
    email: order.sent_to
      ? { to: order.sent_to, sent: true, reason: null }
      : { to: order.supplier_email, sent: false, reason },
    message: orderMessage(order, from, at),
  };
}
