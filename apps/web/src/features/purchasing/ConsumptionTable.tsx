import { useLocale, useT } from '../../i18n/i18n';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatMoney, formatQty } from '../inventory/scope/format';
import { m } from './messages';
import type { UsageReport, UsageRow } from './types';

/** One row per product, biggest gaps first; "comptage manquant" where a count is missing, never a zero. */
export function ConsumptionTable({
  report,
  rows,
  more,
}: {
  /** The first page: totals, categories and which columns apply. */
  report: UsageReport;
  /** Every row loaded so far. */
  rows: UsageRow[];
  more: { loading: boolean; load: () => void } | null;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  const { data: ent } = useEntitlements();
  const money = (n: number | null) =>
    n === null ? '—' : formatMoney(locale, ent?.currency_code ?? 'EUR', n);
  const qty = (n: number | null) => (n === null ? '—' : formatQty(locale, n));
  if (rows.length === 0) return <p className="card muted">{t('no_rows')}</p>;
  const variance = report.totals.unexplained_cost !== null;
  const missing = (_row: UsageRow) => <span className="badge badge-warn">{t('missing')}</span>;
  return (
    <>
      <div className="table-scroll">
        <table className="consumption-table">
          <thead>
            <tr>
              <th scope="col">{t('col_product')}</th>
              <th scope="col">{t('col_opening')}</th>
              <th scope="col">{t('col_received')}</th>
              <th scope="col">{t('col_closing')}</th>
              <th scope="col">{t('col_usage')}</th>
              <th scope="col">{t('col_losses')}</th>
              {report.sales_imported ? <th scope="col">{t('col_sold')}</th> : null}
              {variance ? <th scope="col">{t('col_unexplained')}</th> : null}
              <th scope="col">{t('col_cost')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.product_id}>
                <th scope="row">{row.name}</th>
                <td>{qty(row.opening)}</td>
                <td>{qty(row.received)}</td>
                <td>{qty(row.closing)}</td>
                <td>{row.missing_count ? missing(row) : qty(row.usage)}</td>
                <td>{qty(row.losses)}</td>
                {report.sales_imported ? <td>{qty(row.sold)}</td> : null}
                {variance ? (
                  <td className={(row.unexplained ?? 0) > 0 ? 'gap-positive' : undefined}>
                    {qty(row.unexplained)} <span className="muted">{money(row.unexplained_cost)}</span>
                  </td>
                ) : null}
                <td>{money(row.usage_cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more ? (
        <p className="list-more">
          <button type="button" className="button" disabled={more.loading} onClick={more.load}>
            {more.loading
              ? t('rows_loading')
              : t('rows_more', { shown: rows.length, total: report.row_count })}
          </button>
        </p>
      ) : null}
      <h2>{t('by_category')}</h2>
      <ul className="category-totals">
        {report.categories.map((c) => (
          <li key={c.category ?? ''}>
            <span>{c.category ?? t('uncategorised')}</span> <strong>{money(c.usage_cost)}</strong>
            {c.unexplained_cost !== null ? (
              <span className="muted"> · {money(c.unexplained_cost)}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
