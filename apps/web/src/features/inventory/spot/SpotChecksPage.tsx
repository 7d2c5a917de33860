import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../i18n/i18n';
import { useTRPC } from '../../../lib/trpc';
import { ErrorMessage } from '../../../shared/feedback/ErrorMessage';
import { formatQty } from '../scope/format';
import { ScopeBar, ScopeGate } from '../scope/ScopeBar';
import { useScope } from '../scope/useScope';
import { CounterBadge } from '../team/CounterBadge';
import { spotMessages } from './spot-messages';
import '../inventory.css';
import './spot.css';

/** /app/inventory/spot-checks — the month's spot checks of a service, newest first. */
export function SpotChecksPage() {
  const t = useT(spotMessages);
  const scope = useScope();
  const { service, month } = scope;
  return (
    <section className="page spot-page">
      <h1>{t('page_title')}</h1>
      <ScopeBar scope={scope} />
      <p className="muted">{t('page_lead')}</p>
      {service ? <SpotList serviceId={service.id} month={month} /> : <ScopeGate scope={scope} />}
      <p>
        <Link
          className="button"
          to={`/app/inventory${service ? `?service=${service.id}&month=${month}` : ''}`}
        >
          {t('back_to_count')}
        </Link>
      </p>
    </section>
  );
}

function SpotList({ serviceId, month }: { serviceId: string; month: string }) {
  const t = useT(spotMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const list = useQuery(trpc.inventory.spotChecks.list.queryOptions({ service_id: serviceId, month }));
  if (list.isPending)
    return (
      <p className="muted" role="status">
        {t('loading')}
      </p>
    );
  if (list.error) return <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <p className="card empty-state">{t('page_empty')}</p>;
  const qty = (n: number) => formatQty(locale, n);
  return (
    <ul className="spot-list">
      {list.data.items.map((check) => (
        <li key={check.id} className="spot-item">
          <p>
            <strong>{check.product_name}</strong>
          </p>
          <p
            className={`spot-diff${check.difference !== null && check.difference < 0 ? ' spot-missing' : ''}`}
          >
            {check.difference === null ? '—' : `${check.difference > 0 ? '+' : ''}${qty(check.difference)}`}
          </p>
          <p className="muted">
            {qty(check.quantity)} ·{' '}
            {check.expected === null ? t('row_none') : t('row_expected', { qty: qty(check.expected) })}
          </p>
          <CounterBadge userId={check.checked_by} name={check.checked_by_name} at={check.checked_at} />
        </li>
      ))}
    </ul>
  );
}
