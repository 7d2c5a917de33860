import type { PurchaseOrderStatus } from '@stockscan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatDate, formatMoney, formatQty } from '../inventory/scope/format';
import { unitMessages } from '../inventory/scope/units';
import { OrderDraftEditor } from './OrderDraftEditor';
import { ReceiveForm } from './OrderReceiveForm';
import { ManualWayOut, type NotMailed } from './OrderWayOut';
import { om } from './order-messages';

export const STATUS_KEY: Record<PurchaseOrderStatus, `status_${PurchaseOrderStatus}`> = {
  DRAFT: 'status_DRAFT',
  SENT: 'status_SENT',
  RECEIVED: 'status_RECEIVED',
  CANCELED: 'status_CANCELED',
};

/** One order: its lines, then what can be done at its status (send, download or copy, receive, cancel). */
export function OrderDetail({
  orderId,
  manager,
  enabled,
}: {
  orderId: string;
  manager: boolean;
  enabled: boolean;
}) {
  const t = useT(om);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const { data: ent } = useEntitlements();
  const currency = ent?.currency_code ?? 'EUR';
  const query = useQuery(trpc.purchasing.orders.get.queryOptions({ id: orderId }));
  const [notMailed, setNotMailed] = useState<NotMailed | null>(null);
  const [sendKey] = useState(() => crypto.randomUUID());
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.purchasing.orders.pathFilter());
  };
  const send = useMutation(
    trpc.purchasing.orders.send.mutationOptions({
      onSuccess: (result) => {
        if (result.email.sent && result.email.to)
          toast.ok(t('sent_ok', { number: result.order.number, email: result.email.to }));
        else {
          toast.ok(t('sent_manual', { number: result.order.number }));
          setNotMailed(result.email.reason ?? 'manual');
        }
        refresh();
      },
      onError: (error) => showError(error),
    }),
  );
  const cancel = useMutation(
    trpc.purchasing.orders.cancel.mutationOptions({
      onSuccess: (order) => {
        toast.ok(t('canceled', { number: order.number }));
        refresh();
      },
      onError: (error) => showError(error),
    }),
  );
  if (query.isPending)
    return (
      <p className="muted" role="status">
        {t('loading')}
      </p>
    );
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const order = query.data;
  const canAct = manager && enabled;
  // A backorder is neither mailed nor sent by hand: the supplier already has the order it continues.
  const backorder = order.backorder_of_number !== null;
  return (
    <div className="order-detail">
      {order.status === 'DRAFT' && canAct ? (
        <OrderDraftEditor key={order.updated_at} order={order} onSaved={refresh} />
      ) : (
        <ul className="order-detail-lines">
          {order.lines.map((line) => (
            <li key={line.id}>
              {line.product_name} × {formatQty(locale, line.quantity)} {u(line.unit)}
              {line.packs !== null ? ` (${line.packs} × ${formatQty(locale, line.pack_size as number)})` : ''}
              {line.line_cost !== null ? (
                <span className="muted"> · {formatMoney(locale, currency, line.line_cost)}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <strong>{t('total', { cost: formatMoney(locale, currency, order.total_cost) })}</strong>
      </p>
      {order.backorder_of_number !== null ? (
        <p className="muted">{t('backorder_of', { number: order.backorder_of_number })}</p>
      ) : null}
      {order.status === 'SENT' && order.sent_at ? (
        <p className="muted">
          {order.sent_to
            ? t('sent_to', { email: order.sent_to, date: formatDate(locale, order.sent_at) })
            : t('sent_on', { date: formatDate(locale, order.sent_at) })}
        </p>
      ) : null}
      {order.status === 'DRAFT' && canAct ? (
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={send.isPending}
            onClick={() => send.mutate({ id: order.id, idempotency_key: sendKey })}
          >
            {send.isPending
              ? t('sending')
              : order.supplier_email
                ? t('send_to', { email: order.supplier_email })
                : t('send_manual')}
          </button>
          <button
            type="button"
            className="button button-ghost"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ id: order.id })}
          >
            {t('cancel')}
          </button>
        </div>
      ) : null}
      {order.status === 'DRAFT' && canAct && !order.supplier_email ? (
        <p className="muted">{t('send_manual_hint')}</p>
      ) : null}
      {order.status === 'SENT' && !order.sent_to && !backorder && order.supplier_email && canAct ? (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            disabled={send.isPending}
            // Sent without a mail: mailing it now is a new request (its own key), once only on the server.
            onClick={() => send.mutate({ id: order.id, idempotency_key: crypto.randomUUID() })}
          >
            {send.isPending ? t('sending') : t('mail_now', { email: order.supplier_email })}
          </button>
        </div>
      ) : null}
      {(order.status === 'SENT' && !order.sent_to && !backorder) || notMailed ? (
        <ManualWayOut order={order} reason={notMailed ?? 'manual'} />
      ) : null}
      {order.status === 'SENT' && enabled ? <ReceiveForm order={order} onDone={refresh} /> : null}
      {order.status === 'SENT' && canAct ? (
        <button
          type="button"
          className="button button-ghost"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate({ id: order.id })}
        >
          {t('cancel')}
        </button>
      ) : null}
      {order.status === 'RECEIVED' && order.received_at ? (
        <p>
          {t('received_at', { date: formatDate(locale, order.received_at) })}{' '}
          <Link to="/app/deliveries">{t('see_deliveries')}</Link>
        </p>
      ) : null}
    </div>
  );
}
