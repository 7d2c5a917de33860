import { seesPreviousCounts } from '@stockscan/entitlements';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { billingPath } from '../../shared/links';
import { useCurrentRole } from '../../shared/session/useCurrentRole';
import { useEntitlements } from '../entitlements/useEntitlements';
import { CountFilters } from './count/CountFilters';
import { CountList } from './count/CountList';
import { CountProgress } from './count/CountProgress';
import { PinnedResult } from './count/PinnedResult';
import { type CountScope, linesOf } from './count/pending-queue';
import type { RowSync } from './count/row-sync';
import { ScanDialog } from './count/ScanDialog';
import { SyncDock } from './count/SyncDock';
import { useCountScreen } from './count/useCountScreen';
import { tenantOfSession, useCountSync } from './count/useCountSync';
import { useLiveCounts } from './count/useLiveCounts';
import { useScanLookup } from './count/useScanLookup';
import { m } from './messages';
import { LocationPicker } from './places/LocationPicker';
import { usePlaceProgress } from './places/usePlaceProgress';
import { MonthStatus } from './review/MonthStatus';
import { shiftMonth } from './scope/format';
import { ScopeBar, ScopeGate } from './scope/ScopeBar';
import { useScope } from './scope/useScope';
import { teamMessages } from './team/team-messages';
import './inventory.css';

/** The count screen: one list for the month, the quantity under the thumb, a scan button always in reach. */
export function CountPage() {
  const t = useT(m);
  const scope = useScope();
  const { service, month } = scope;
  if (!service)
    return (
      <section className="page count-page">
        <h1>{t('title')}</h1>
        <ScopeGate scope={scope} />
      </section>
    );
  return <CountScreen key={`${service.id}/${month}`} scopeState={scope} />;
}

function CountScreen({ scopeState }: { scopeState: ReturnType<typeof useScope> }) {
  const t = useT(m);
  const tt = useT(teamMessages);
  const service = scopeState.service!;
  const { month } = scopeState;
  const { data: entitlements, canRead } = useEntitlements();
  const { role, userId } = useCurrentRole();
  const currency = entitlements?.currency_code ?? 'EUR';
  const { sync, snapshot } = useCountSync();
  const countScope: CountScope = useMemo(
    () => ({ tenant_id: tenantOfSession() ?? '', service_id: service.id, month }),
    [service.id, month],
  );
  const { progress, byLocation, overall, locationId, setPlace, places, place, shown } = usePlaceProgress(
    service.id,
    month,
  );
  const state = useCountScreen(service.id, month, locationId);
  useLiveCounts(service.id, month);
  const { retentionLimited, filters } = state;
  const pending = useMemo(() => linesOf(snapshot.queue, countScope), [snapshot.queue, countScope]);
  const rows: RowSync = {
    scope: countScope,
    service,
    sync,
    pending,
    inFlight: snapshot.inFlight,
    locationId,
    places,
    me: userId,
  };
  const scan = useScanLookup(service.id);
  // Blind counting: an operator sees neither last month's quantities nor "copy from last month".
  const canCopyPrevious =
    canRead(shiftMonth(month, -1)) && role !== null && seesPreviousCounts(role, service.blind_counting);

  return (
    <section className="page count-page">
      <header className="count-head">
        <h1>{t('title')}</h1>
        <ScopeBar scope={scopeState} />
      </header>
      <MonthStatus serviceId={service.id} month={month} />

      {byLocation && byLocation.length > 0 && !retentionLimited ? (
        <LocationPicker
          places={byLocation}
          counted={overall.counted}
          total={overall.total}
          value={locationId}
          onChange={setPlace}
        />
      ) : null}

      {progress.data && !retentionLimited && overall.total > 0 ? (
        <CountProgress
          counted={shown.counted}
          total={shown.total}
          percent={shown.percent}
          serviceId={service.id}
          month={month}
          canCopyPrevious={canCopyPrevious}
        />
      ) : null}
      {place && place.listed > 0 && !retentionLimited ? (
        <p className="muted shelf-hint">{tt('shelf_hint', { place: place.name })}</p>
      ) : null}

      {retentionLimited ? (
        <div className="card empty-state">
          <p>{t('retention_limited')}</p>
          <Link className="button button-primary" to={billingPath('BOUTIQUE')}>
            {t('retention_action')}
          </Link>
        </div>
      ) : (
        <CountFilters
          serviceId={service.id}
          search={filters.searchText}
          onSearch={filters.setSearchText}
          status={filters.status}
          onStatus={filters.setStatus}
          category={filters.category}
          onCategory={filters.setCategory}
        />
      )}

      <div ref={scan.pinnedRef} className="pinned">
        <PinnedResult
          outcome={scan.outcome}
          rows={rows}
          currency={currency}
          onOutcome={scan.setOutcome}
          onLookUp={(code) => void scan.lookUp(code)}
          onSwitchService={scopeState.setServiceId}
          onScanNext={() => scan.setScanOpen(true)}
        />
      </div>

      {retentionLimited ? null : (
        <CountList state={state} rows={rows} total={overall.total} onScan={() => scan.setScanOpen(true)} />
      )}

      <SyncDock
        snapshot={snapshot}
        tenantId={countScope.tenant_id}
        onRetryAll={() => sync.retry()}
        onScan={() => scan.setScanOpen(true)}
      />
      <ScanDialog
        open={scan.scanOpen}
        onClose={() => scan.setScanOpen(false)}
        onCode={(code) => void scan.lookUp(code)}
      />
    </section>
  );
}
