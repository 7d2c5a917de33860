import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { TwoTapDelete } from '../../shared/ui/TwoTapDelete';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatDate, formatMoney } from '../inventory/scope/format';
import { m } from './messages';
import type { ReceiptSummary } from './types';

/** The month's deliveries of the service, newest first, with their cost. */
export function ReceiptList({
  serviceId,
  month,
  canDelete,
}: {
  serviceId: string;
  month: string;
  canDelete: boolean;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const { data: ent } = useEntitlements();
  const currency = ent?.currency_code ?? 'EUR';
  const list = useQuery(trpc.purchasing.receipts.list.queryOptions({ service_id: serviceId, month }));
  const items = list.data?.items ?? [];
  return (
    <section className="receipt-list" aria-labelledby="receipt-list-title">
      <h2 id="receipt-list-title">{t('list_title')}</h2>
      {list.isPending ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : list.error ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="card muted">{t('list_empty')}</p>
      ) : (
        <>
          <p>
            <strong>{t('total', { cost: formatMoney(locale, currency, list.data?.total_cost ?? 0) })}</strong>
          </p>
          <ul className="receipts">
            {items.map((r) => (
              <li key={r.id} className="receipt-item">
                <div>
                  <p>
                    <strong>{r.supplier_name ?? t('supplier_none')}</strong>
                    {r.reference ? <span className="muted"> · {r.reference}</span> : null}
                  </p>
                  <p className="muted">
                    {formatDate(locale, r.received_on)} · {t('lines_count', { n: r.lines_count })} ·{' '}
                    {formatMoney(locale, currency, r.total_cost)}
                  </p>
                </div>
                {canDelete ? <DeleteReceipt receipt={r} /> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DeleteReceipt({ receipt }: { receipt: ReceiptSummary }) {
  const t = useT(m);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const remove = useMutation(
    trpc.purchasing.receipts.delete.mutationOptions({
      onSuccess: () => {
        toast.ok(t('deleted'));
        void queryClient.invalidateQueries(trpc.purchasing.receipts.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.usage.pathFilter());
      },
      onError: (error) => showError(error),
    }),
  );
  return (
    <TwoTapDelete
      label={t('delete')}
      confirmLabel={t('delete_confirm')}
      pending={remove.isPending}
      onConfirm={() => remove.mutate({ id: receipt.id })}
    />
  );
}
