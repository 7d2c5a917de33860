import { useInfiniteQuery } from '@tanstack/react-query';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { useEntitlements } from '../entitlements/useEntitlements';
import { ImportLink } from '../imports/ImportLink';
import { formatMoney, formatQty } from '../inventory/scope/format';
import { ScopeBar, ScopeGate } from '../inventory/scope/ScopeBar';
import { useScope } from '../inventory/scope/useScope';
import { ConsumptionTable } from './ConsumptionTable';
import { LockedCard } from './LockedCard';
import { m } from './messages';
import type { UsageReport } from './types';
import './purchasing.css';

/** The biggest gaps come first: a phone shows them without downloading a 5,000-product catalogue's rows. */
const ROWS_PER_PAGE = 50;

/** The month's consumption: what was used, what was lost or sold, and what went missing (PRO), at cost. */
export function ConsumptionPage() {
  const t = useT(m);
  const scope = useScope();
  const trpc = useTRPC();
  const { can, isPending } = useEntitlements();
  const verdict = can('stock_control');
  const service = scope.service;
  const report = useInfiniteQuery({
    ...trpc.inventory.usage.get.infiniteQueryOptions(
      { service_id: service?.id ?? '', month: scope.month, limit: ROWS_PER_PAGE },
      { getNextPageParam: (last) => last.next_cursor ?? undefined },
    ),
    enabled: Boolean(service) && verdict.ok,
  });
  const first = report.data?.pages[0];
  return (
    <section className="page purchasing-page">
      <h1>{t('consumption_title')}</h1>
      <p className="muted lead-small">{t('consumption_lead')}</p>
      <ImportLink kind="sales" />
      {!service ? (
        <ScopeGate scope={scope} />
      ) : (
        <>
          <ScopeBar scope={scope} />
          {isPending ? null : !verdict.ok ? (
            <LockedCard verdict={verdict} />
          ) : report.isPending ? (
            <p className="muted" role="status">
              {t('loading')}
            </p>
          ) : report.error ? (
            <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />
          ) : first ? (
            <>
              <ConsumptionSummary report={first} />
              <ConsumptionTable
                report={first}
                rows={report.data?.pages.flatMap((page) => page.rows) ?? []}
                more={
                  report.hasNextPage
                    ? { loading: report.isFetchingNextPage, load: () => void report.fetchNextPage() }
                    : null
                }
              />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

export function ConsumptionSummary({ report }: { report: UsageReport }) {
  const t = useT(m);
  const { locale } = useLocale();
  const { data: ent } = useEntitlements();
  const money = (n: number) => formatMoney(locale, ent?.currency_code ?? 'EUR', n);
  const { totals } = report;
  return (
    <div className="consumption-summary">
      <div className="card figure">
        <p className="muted">{t('cost_of_goods')}</p>
        <p className="figure-value">{money(totals.usage_cost)}</p>
        {totals.cost_pct !== null ? (
          <p className="muted">{t('cost_pct', { pct: formatQty(locale, totals.cost_pct) })}</p>
        ) : null}
      </div>
      <div className="card figure">
        <p className="muted">{t('unexplained_total')}</p>
        {totals.unexplained_cost !== null ? (
          <p className="figure-value">{money(totals.unexplained_cost)}</p>
        ) : (
          <p className="muted">
            {report.variance_enabled ? t('unexplained_no_sales') : t('unexplained_pro')}
          </p>
        )}
      </div>
      {!report.opening_counted ? <p className="alert alert-warn">{t('opening_missing')}</p> : null}
      {!report.closing_counted ? <p className="alert alert-warn">{t('closing_missing')}</p> : null}
      {totals.missing_count > 0 && report.opening_counted && report.closing_counted ? (
        <p className="muted">{t('missing_counts', { n: totals.missing_count })}</p>
      ) : null}
    </div>
  );
}
