import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { billingPath } from '../../shared/links';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatMoney, formatQty, monthLabel } from '../inventory/scope/format';
import { CompareBars } from './BarList';
import { m } from './messages';
import type { Stats } from './month-stats';

/** The stock value at purchase price, against the previous month (bars, arrow, amount and percent). */
function PurchaseValueCard({ stats, previousMonth }: { stats: Stats; previousMonth: string }) {
  const t = useT(m);
  const { locale } = useLocale();
  const money = (n: number) => formatMoney(locale, stats.currency_code, n);
  const signed = (n: number) => (n > 0 ? `+${money(n)}` : money(n));
  const { totals, change, previous } = stats;
  const percent =
    change && previous && previous.stock_value_purchase > 0
      ? Math.round((change.stock_value_purchase / previous.stock_value_purchase) * 1000) / 10
      : null;
  const trend = !change
    ? 'flat'
    : change.stock_value_purchase > 0
      ? 'up'
      : change.stock_value_purchase < 0
        ? 'down'
        : 'flat';
  return (
    <article className="card kpi">
      <h2>{t('value_purchase')}</h2>
      <div className="kpi-main">
        <p className="kpi-value">{money(totals.stock_value_purchase)}</p>
        {previous && change ? (
          <CompareBars
            previous={previous.stock_value_purchase}
            current={totals.stock_value_purchase}
            label={t('compare_label', {
              prev: money(previous.stock_value_purchase),
              prevMonth: monthLabel(locale, previous.month),
              cur: money(totals.stock_value_purchase),
              curMonth: monthLabel(locale, stats.month),
            })}
          />
        ) : null}
      </div>
      <p className={`kpi-change trend-${trend}`}>
        {change ? (
          <>
            <span aria-hidden="true">{trend === 'up' ? '▲ ' : trend === 'down' ? '▼ ' : ''}</span>
            {t('change_vs', {
              month: monthLabel(locale, previousMonth),
              change: `${signed(change.stock_value_purchase)}${percent !== null ? ` (${percent > 0 ? '+' : ''}${formatQty(locale, percent)} %)` : ''}`,
            })}
          </>
        ) : stats.retention_limited ? (
          t('no_previous_history')
        ) : previous ? (
          t('previous_not_counted', { month: monthLabel(locale, previous.month) })
        ) : (
          t('no_previous')
        )}
      </p>
    </article>
  );
}

/** The month's cards: value at purchase and selling price, how much is counted, the losses. */
export function ValueCards({ stats, previousMonth }: { stats: Stats; previousMonth: string }) {
  const t = useT(m);
  const { locale } = useLocale();
  const { can } = useEntitlements();
  const money = (n: number) => formatMoney(locale, stats.currency_code, n);
  const signed = (n: number) => (n > 0 ? `+${money(n)}` : money(n));
  const { totals, change } = stats;
  const lossesAllowed = can('loss_management').ok;
  return (
    <div className="kpis">
      <PurchaseValueCard stats={stats} previousMonth={previousMonth} />
      {totals.stock_value_selling > 0 ? (
        <article className="card kpi">
          <h2>{t('value_selling')}</h2>
          <p className="kpi-value">{money(totals.stock_value_selling)}</p>
          {change ? (
            <p className="kpi-change">
              {t('change_vs', {
                month: monthLabel(locale, previousMonth),
                change: signed(change.stock_value_selling),
              })}
            </p>
          ) : null}
        </article>
      ) : null}
      <article className="card kpi">
        <h2>{t('counted')}</h2>
        <p className="kpi-value">{t('counted_value', { counted: totals.counted, total: totals.products })}</p>
        <div className="kpi-progress" aria-hidden="true">
          <div style={{ width: `${totals.products ? (totals.counted / totals.products) * 100 : 0}%` }} />
        </div>
        <Link to="/app/inventory" className="kpi-link">
          {totals.counted < totals.products ? t('continue_count') : t('see_count')}
        </Link>
      </article>
      <article className="card kpi">
        <h2>{t('losses')}</h2>
        {lossesAllowed || totals.losses_events > 0 ? (
          <>
            <p className="kpi-value">{money(totals.losses_cost)}</p>
            <p className="kpi-change">
              {totals.losses_events > 0 ? t('losses_events', { n: totals.losses_events }) : t('losses_none')}
            </p>
            <Link to="/app/losses" className="kpi-link">
              {t('losses_action')}
            </Link>
          </>
        ) : (
          <>
            <p className="muted">{t('losses_locked')}</p>
            <Link to={billingPath('BOUTIQUE')} className="kpi-link">
              {t('see_plans')}
            </Link>
          </>
        )}
      </article>
    </div>
  );
}
