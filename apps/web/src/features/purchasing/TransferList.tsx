import { useQuery } from '@tanstack/react-query';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatDate, formatMoney, formatQty } from '../inventory/scope/format';
import { directionOf } from './transfer-draft';
import { tm } from './transfer-messages';

/** The month's transfers that entered or left the service, newest first, with their lines and cost. */
export function TransferList({ serviceId, month }: { serviceId: string; month: string }) {
  const t = useT(tm);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const { data: ent } = useEntitlements();
  const currency = ent?.currency_code ?? 'EUR';
  const list = useQuery(trpc.purchasing.transfers.list.queryOptions({ service_id: serviceId, month }));
  const items = list.data?.items ?? [];
  return (
    <section className="receipt-list" aria-labelledby="transfer-list-title">
      <h2 id="transfer-list-title">{t('list_title')}</h2>
      {list.isPending ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : list.error ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="card muted">{t('list_empty')}</p>
      ) : (
        <ul className="receipts">
          {items.map((transfer) => {
            const direction = directionOf(transfer, serviceId);
            return (
              <li key={transfer.id} className="transfer-item">
                <p>
                  <span className={`badge-direction badge-${direction}`}>
                    {t(direction === 'in' ? 'direction_in' : 'direction_out')}
                  </span>{' '}
                  <strong>
                    {transfer.from_service_name} → {transfer.to_service_name}
                  </strong>
                </p>
                <p className="muted">
                  {formatDate(locale, transfer.moved_on)} · {t('lines_count', { n: transfer.lines.length })} ·{' '}
                  {formatMoney(locale, currency, transfer.total_cost)}
                </p>
                <p className="transfer-lines">
                  {transfer.lines
                    .map((l) => t('line_item', { name: l.product_name, qty: formatQty(locale, l.quantity) }))
                    .join(' · ')}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
