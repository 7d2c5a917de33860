import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { billingPath } from '../../shared/links';
import { useEntitlements } from '../entitlements/useEntitlements';
import { tenantOfSession, useCountSync } from '../inventory/count/useCountSync';
import { monthLabel, shiftMonth } from '../inventory/scope/format';
import { ScopeBar, ScopeGate } from '../inventory/scope/ScopeBar';
import { useScope } from '../inventory/scope/useScope';
import { ConsumptionCard } from '../purchasing/ConsumptionCard';
import { AlertsPanel } from './AlertsPanel';
import { MonthFigures } from './MonthFigures';
import { m } from './messages';
import './dashboard.css';

// Its own chunk: the assistant weighs nothing until the dashboard shows it.
const AssistantPanel = lazy(() =>
  import('../assistant/AssistantPanel').then((mod) => ({ default: mod.AssistantPanel })),
);

/**
 * The /app home: the month's stock value and its change, losses, values by category, alerts — and what to do
 * next when there is nothing yet. `assistant` fills the slot kept for the assistant panel.
 */
export function DashboardPage({ assistant }: { assistant?: ReactNode } = {}) {
  const t = useT(m);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const scope = useScope();
  const [params, setParams] = useSearchParams();
  const { can, canRead } = useEntitlements();
  const allAllowed = can('multi_service_analytics').ok && scope.services.length > 1;
  const wantsAll = params.get('service') === 'all';
  const serviceId = wantsAll && allAllowed ? 'all' : scope.service?.id;
  const { month } = scope;
  // Mounting the loop here replays counts an earlier visit left on this device.
  const { snapshot } = useCountSync();
  const tenantId = tenantOfSession();
  const pendingCount = Object.values(snapshot.queue).filter((e) => e.tenant_id === tenantId).length;

  const enabled = serviceId !== undefined;
  const input = { service_id: serviceId ?? 'all', month };
  const stats = useQuery({ ...trpc.inventory.stats.queryOptions({ ...input, changes_limit: 5 }), enabled });
  // Solo has neither alert: the server refuses the call, the panel says which plan has them instead.
  const alertsIncluded = can('alerts_stock').ok || can('alerts_expiry').ok;
  const alerts = useQuery({
    ...trpc.inventory.alerts.queryOptions(input),
    enabled: enabled && alertsIncluded,
  });

  return (
    <section className="page dashboard">
      <h1>{t('title')}</h1>
      {!scope.service ? (
        <ScopeGate scope={scope} />
      ) : (
        <>
          <ScopeBar
            scope={scope}
            allOption={allAllowed}
            value={serviceId}
            onChange={(id) => {
              if (id === 'all')
                setParams(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    next.set('service', 'all');
                    return next;
                  },
                  { replace: true },
                );
              else scope.setServiceId(id);
            }}
          />
          {wantsAll && !allAllowed && scope.services.length > 1 ? (
            <p className="alert alert-warn">{t('all_needs_pro')}</p>
          ) : null}
          {pendingCount > 0 ? (
            <div className="alert alert-warn pending-notice">
              <p>{t('pending_counts', { n: pendingCount })}</p>
              <Link className="button" to="/app/inventory">
                {t('pending_action')}
              </Link>
            </div>
          ) : null}

          {stats.isPending ? (
            <p className="muted" role="status">
              {t('loading')}
            </p>
          ) : stats.error ? (
            <ErrorMessage error={stats.error} onRetry={() => void stats.refetch()} />
          ) : stats.data.retention_limited && !canRead(month) ? (
            <div className="card empty-state">
              <p>{t('retention_limited')}</p>
              <Link className="button button-primary" to={billingPath('BOUTIQUE')}>
                {t('see_plans')}
              </Link>
            </div>
          ) : stats.data.totals.products === 0 ? (
            <div className="card empty-state start-card">
              <h2>{t('start_products_title')}</h2>
              <p>{t('start_products_body')}</p>
              <div className="form-actions">
                <Link className="button button-primary" to="/app/products/new">
                  {t('start_products_action')}
                </Link>
                <Link className="button" to="/app/inventory">
                  {t('start_count_action')}
                </Link>
              </div>
            </div>
          ) : (
            <>
              {stats.data.totals.counted === 0 ? (
                <div className="card empty-state start-card">
                  <h2>
                    {stats.data.previous && stats.data.previous.counted > 0
                      ? t('start_count_again_title', { month: monthLabel(locale, month) })
                      : t('start_count_title')}
                  </h2>
                  <p>
                    {stats.data.previous && stats.data.previous.counted > 0
                      ? t('start_count_again_body')
                      : t('start_count_body')}
                  </p>
                  <Link className="button button-primary" to="/app/inventory">
                    {t('start_count_action')}
                  </Link>
                </div>
              ) : null}
              <MonthFigures
                stats={stats.data}
                previousMonth={shiftMonth(month, -1)}
                afterCards={
                  <AlertsPanel
                    included={alertsIncluded}
                    data={alerts.data}
                    error={alerts.error}
                    onRetry={() => void alerts.refetch()}
                  />
                }
              />
              {serviceId && serviceId !== 'all' ? (
                <ConsumptionCard serviceId={serviceId} month={month} />
              ) : null}
            </>
          )}
        </>
      )}
      {/* Slot for the assistant panel (its own feature renders here). */}
      <section
        id="assistant-slot"
        className="assistant-slot"
        aria-label={assistant ? t('assistant') : undefined}
      >
        {assistant ??
          (scope.service ? (
            <Suspense fallback={null}>
              <AssistantPanel serviceId={serviceId} month={month} />
            </Suspense>
          ) : null)}
      </section>
    </section>
  );
}
