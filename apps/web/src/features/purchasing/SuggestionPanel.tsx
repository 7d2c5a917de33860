import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { om } from './order-messages';
import { SuggestionGroup } from './SuggestionGroup';

/** The suggested order of the service, one card per supplier, editable before it is saved as a draft. */
export function SuggestionPanel({
  serviceId,
  onSaved,
}: {
  serviceId: string;
  onSaved: (orderId: string) => void;
}) {
  const t = useT(om);
  const trpc = useTRPC();
  const suggestion = useQuery(trpc.purchasing.orders.suggest.queryOptions({ service_id: serviceId }));
  const data = suggestion.data;
  return (
    <section className="card order-suggestion" aria-labelledby="suggest-title">
      <h2 id="suggest-title">{t('suggest_title')}</h2>
      {suggestion.isPending ? (
        <p className="muted" role="status">
          {t('suggest_loading')}
        </p>
      ) : suggestion.error ? (
        <ErrorMessage error={suggestion.error} onRetry={() => void suggestion.refetch()} />
      ) : data ? (
        <>
          {data.groups.length === 0 ? (
            data.covered_by_orders > 0 ? (
              <p>{t('suggest_nothing_on_order')}</p>
            ) : data.at_par === 0 && data.not_counted.length === 0 ? (
              <p>
                {t('suggest_no_par')} <Link to="/app/products">{t('suggest_no_par_link')}</Link>
              </p>
            ) : (
              <p>{t('suggest_nothing')}</p>
            )
          ) : (
            data.groups.map((group) => (
              <SuggestionGroup
                key={`${group.supplier_id ?? 'none'}:${group.lines.map((l) => `${l.product_id}=${l.quantity}`).join()}`}
                serviceId={serviceId}
                group={group}
                onSaved={onSaved}
              />
            ))
          )}
          {data.covered_by_orders > 0 ? (
            <p className="muted">{t('covered_by_orders', { n: data.covered_by_orders })}</p>
          ) : null}
          {data.at_par > 0 ? <p className="muted">{t('at_par', { n: data.at_par })}</p> : null}
          {data.not_counted.length > 0 ? (
            <p className="muted">
              {t('not_counted', { names: data.not_counted.map((p) => p.product_name).join(', ') })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
