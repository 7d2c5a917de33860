import type { AppRouter } from '@stockscan/api';
import type { inferRouterOutputs } from '@trpc/server';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { billingPath } from '../../shared/links';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatMoney, formatQty, monthLabel } from '../inventory/scope/format';
import { unitMessages } from '../inventory/scope/units';
import { BarList, CompareBars } from './BarList';
import { m } from './messages';

export type Stats = inferRouterOutputs<AppRouter>['inventory']['stats'];

const MAX_CATEGORIES = 7;

/** Value cards, value by category, losses by reason and the largest changes of the month. */
export function MonthFigures({
  stats,
  previousMonth,
  afterCards,
}: {
  stats: Stats;
  previousMonth: string;
  /** Shown between the value cards and the charts (the alerts: what to act on comes first). */
  afterCards?: ReactNode;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const { can } = useEntitlements();
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
  const lossesAllowed = can('loss_management').ok;

  const categories = stats.by_category
    .filter((c) => c.stock_value_purchase > 0)
    .sort((a, b) => b.stock_value_purchase - a.stock_value_purchase);
  const shown = categories.slice(0, MAX_CATEGORIES);
  const rest = categories.slice(MAX_CATEGORIES);
  const categoryRows = shown.map((c) => ({
    key: c.category ?? '∅',
    label: c.category ?? t('no_category'),
    value: c.stock_value_purchase,
    display: money(c.stock_value_purchase),
  }));
  if (rest.length > 0) {
    const value = rest.reduce((sum, c) => sum + c.stock_value_purchase, 0);
    categoryRows.push({ key: '…', label: t('others'), value, display: money(value) });
  }
  const reasonRows = stats.losses_by_reason
    .filter((r) => r.events > 0)
    .sort((a, b) => b.cost - a.cost)
    .map((r) => ({ key: r.reason, label: t(`reason_${r.reason}`), value: r.cost, display: money(r.cost) }));

  return (
    <>
      <div className="kpis">
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
          <p className="kpi-value">
            {t('counted_value', { counted: totals.counted, total: totals.products })}
          </p>
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
                {totals.losses_events > 0
                  ? t('losses_events', { n: totals.losses_events })
                  : t('losses_none')}
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

      {afterCards}
      <div className="charts">
        <section className="card chart" aria-labelledby="chart-categories">
          <h2 id="chart-categories">{t('by_category')}</h2>
          {categoryRows.some((r) => r.value > 0) ? (
            <BarList rows={categoryRows} />
          ) : (
            <p className="muted">{t('by_category_empty')}</p>
          )}
        </section>
        {reasonRows.length > 0 ? (
          <section className="card chart" aria-labelledby="chart-reasons">
            <h2 id="chart-reasons">{t('by_reason')}</h2>
            <BarList rows={reasonRows} tone="danger" />
          </section>
        ) : null}
        {stats.product_changes.length > 0 ? (
          <section className="card chart" aria-labelledby="chart-changes">
            <h2 id="chart-changes">{t('changes')}</h2>
            <ul className="changes">
              {stats.product_changes.map((c) => (
                <li key={c.product_id}>
                  <span className="change-name">{c.name}</span>
                  <span
                    className={`change-value trend-${c.value_change > 0 ? 'up' : c.value_change < 0 ? 'down' : 'flat'}`}
                  >
                    {signed(c.value_change)}
                  </span>
                  <span className="muted change-qty">
                    {t('change_row', {
                      prev: c.previous_quantity === null ? '—' : formatQty(locale, c.previous_quantity),
                      cur: c.quantity === null ? '—' : formatQty(locale, c.quantity),
                      unit: u(c.unit),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
