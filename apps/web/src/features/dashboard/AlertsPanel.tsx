import type { AppRouter } from '@stockscan/api';
import type { inferRouterOutputs } from '@trpc/server';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { errorCode } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { billingPath } from '../../shared/links';
import { formatDate, formatQty } from '../inventory/scope/format';
import { unitMessages } from '../inventory/scope/units';
import { m } from './messages';

type Alerts = inferRouterOutputs<AppRouter>['inventory']['alerts'];

/** Low stock and expiry dates; what the plan lacks says which plan has it. */
export function AlertsPanel({
  included,
  data,
  error,
  onRetry,
}: {
  /** The plan has at least one kind of alert. */
  included: boolean;
  data: Alerts | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  if (!included || errorCode(error) === 'FEATURE_NOT_INCLUDED')
    return (
      <section className="alerts" aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t('alerts')}</h2>
        <div className="card">
          <Locked text={t('alerts_locked')} />
        </div>
      </section>
    );
  if (error) return <ErrorMessage error={error} onRetry={onRetry} />;
  if (!data) return null;
  const { low_stock, expiry } = data;
  const days = (n: number) =>
    n < 0 ? t('expired_since', { n: -n }) : n === 0 ? t('expires_today') : t('expires_in', { n });
  return (
    <section className="alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alerts')}</h2>
      <div className="alerts-grid">
        <section className="card" aria-labelledby="alerts-low">
          <h3 id="alerts-low">{t('low_stock')}</h3>
          {low_stock === null ? (
            <Locked text={t('alerts_stock_locked')} />
          ) : low_stock.length === 0 ? (
            <p className="muted">{t('low_stock_none')}</p>
          ) : (
            <ul className="alert-list">
              {low_stock.map((a) => (
                <li key={a.product_id}>
                  <span className="alert-name">{a.name}</span>
                  <span className="badge badge-warn">
                    {t('low_stock_row', {
                      qty: formatQty(locale, a.quantity),
                      unit: u(a.unit),
                      min: formatQty(locale, a.min_qty),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="alerts-expiry">
          <h3 id="alerts-expiry">{t('expiry')}</h3>
          {expiry === null ? (
            <Locked text={t('alerts_expiry_locked')} />
          ) : expiry.length === 0 ? (
            <p className="muted">{t('expiry_none')}</p>
          ) : (
            <ul className="alert-list">
              {expiry.map((a) => (
                <li key={`${a.product_id}/${a.expiry_date}`}>
                  <span className="alert-name">
                    {a.name}
                    {a.lot_number ? <span className="muted"> · {a.lot_number}</span> : null}
                  </span>
                  <span className={a.severity === 'critical' ? 'badge badge-danger' : 'badge badge-warn'}>
                    {formatDate(locale, a.expiry_date)} — {days(a.days_left)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}

function Locked({ text }: { text: string }) {
  const t = useT(m);
  return (
    <p className="muted">
      {text} <Link to={billingPath('BOUTIQUE')}>{t('see_plans')}</Link>
    </p>
  );
}
