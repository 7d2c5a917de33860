import { useLocale, useT } from '../../i18n/i18n';
import { formatMoney, formatQty } from '../inventory/scope/format';
import { unitMessages } from '../inventory/scope/units';
import { BarList } from './BarList';
import { m } from './messages';
import type { Stats } from './month-stats';

const MAX_CATEGORIES = 7;

/** Value by category, losses by reason and the largest changes of the month. */
export function MonthCharts({ stats }: { stats: Stats }) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const money = (n: number) => formatMoney(locale, stats.currency_code, n);
  const signed = (n: number) => (n > 0 ? `+${money(n)}` : money(n));
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
  );
}
