import { useInfiniteQuery } from '@tanstack/react-query';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { LoadMore } from '../../shared/ui/LoadMore';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatDate, formatMoney } from '../inventory/scope/format';
import { OrderDetail, STATUS_KEY } from './OrderDetail';
import { om } from './order-messages';

const PAGE_SIZE = 30;

/** The service's orders, newest first, 30 at a time; one opens in place (send, download, receive). */
export function OrderList({
  serviceId,
  openId,
  onOpen,
  manager,
  enabled,
}: {
  serviceId: string;
  openId: string | null;
  onOpen: (id: string | null) => void;
  manager: boolean;
  /** The plan has ordering: actions are offered (reading stays open). */
  enabled: boolean;
}) {
  const t = useT(om);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const { data: ent } = useEntitlements();
  const currency = ent?.currency_code ?? 'EUR';
  const list = useInfiniteQuery(
    trpc.purchasing.orders.list.infiniteQueryOptions(
      { service_id: serviceId, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.next_cursor ?? undefined },
    ),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card order-list" aria-labelledby="orders-title">
      <h2 id="orders-title">{t('list_title')}</h2>
      {list.isPending ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : list.error ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{t('list_empty')}</p>
      ) : (
        <ul className="receipts">
          {items.map((order) => {
            const open = order.id === openId;
            const label = t('order_label', { number: order.number });
            return (
              <li key={order.id} className="order-item">
                <div className="order-item-head">
                  <p>
                    <strong>{label}</strong> · {order.supplier_name ?? t('no_supplier')}
                    <br />
                    <span className={`order-status status-${order.status.toLowerCase()}`}>
                      {t(STATUS_KEY[order.status])}
                    </span>
                    {order.backorder_of_number !== null ? (
                      <span className="muted">
                        {' '}
                        · {t('backorder_tag', { number: order.backorder_of_number })}
                      </span>
                    ) : null}
                    <span className="muted">
                      {' '}
                      · {formatDate(locale, order.created_at)} · {t('lines_count', { n: order.lines_count })}{' '}
                      · {formatMoney(locale, currency, order.total_cost)}
                    </span>
                  </p>
                  <button
                    type="button"
                    className="button"
                    aria-expanded={open}
                    aria-label={`${open ? t('close') : t('open')} — ${label}`}
                    onClick={() => onOpen(open ? null : order.id)}
                  >
                    {open ? t('close') : t('open')}
                  </button>
                </div>
                {open ? <OrderDetail orderId={order.id} manager={manager} enabled={enabled} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore list={list} label={t('load_more', { shown: items.length })} loadingLabel={t('loading')} />
    </section>
  );
}
