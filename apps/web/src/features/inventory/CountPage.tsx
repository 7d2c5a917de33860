import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { billingPath } from '../../shared/links';
import { useEntitlements } from '../entitlements/useEntitlements';
import { CopyPreviousMonth } from './count/CopyPreviousMonth';
import { CountFilters, type CountStatusFilterValue } from './count/CountFilters';
import { CountRow } from './count/CountRow';
import { type CountScope, entryKey, linesOf } from './count/pending-queue';
import { QuickAddForm } from './count/QuickAddForm';
import { ScanDialog } from './count/ScanDialog';
import { LastCounts, ScanNotice, type ScanOutcome } from './count/ScanResult';
import { SyncDock } from './count/SyncDock';
import { tenantOfSession, useCountSync } from './count/useCountSync';
import { m } from './messages';
import { shiftMonth } from './scope/format';
import { monthReadable } from './scope/history';
import { ScopeBar, ScopeGate } from './scope/ScopeBar';
import { useScope } from './scope/useScope';
import './inventory.css';

const PAGE_SIZE = 60;

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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const service = scopeState.service!;
  const { month } = scopeState;
  const { data: entitlements } = useEntitlements();
  const currency = entitlements?.currency_code ?? 'EUR';
  const { sync, snapshot, confirmedVersion } = useCountSync();
  const countScope: CountScope = useMemo(
    () => ({ tenant_id: tenantOfSession() ?? '', service_id: service.id, month }),
    [service.id, month],
  );

  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 300);
    return () => clearTimeout(timer);
  }, [searchText]);
  const [status, setStatus] = useState<CountStatusFilterValue>('all');
  const [category, setCategory] = useState('');
  const input = {
    service_id: service.id,
    month,
    limit: PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(category ? { category } : {}),
    ...(status !== 'all' ? { status } : {}),
  };
  const screen = useInfiniteQuery(
    trpc.inventory.counts.screen.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.next_cursor ?? undefined,
      staleTime: 60_000,
    }),
  );
  const progress = useQuery(trpc.inventory.counts.progress.queryOptions({ service_id: service.id, month }));
  const items = useMemo(() => screen.data?.pages.flatMap((p) => p.items) ?? [], [screen.data]);
  const retentionLimited = screen.data?.pages[0]?.retention_limited === true;
  const pending = useMemo(() => linesOf(snapshot.queue, countScope), [snapshot.queue, countScope]);

  // Scanning -------------------------------------------------------------------------------------------------
  const [scanOpen, setScanOpen] = useState(false);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const pinnedRef = useRef<HTMLDivElement>(null);
  const lookUp = useCallback(
    async (code: string) => {
      setScanOpen(false);
      setOutcome({ kind: 'looking', code });
      try {
        const found = await queryClient.fetchQuery({
          ...trpc.inventory.lookup.queryOptions({ service_id: service.id, code }),
          staleTime: 0,
        });
        if (found.match === 'this_service' && found.product)
          setOutcome({ kind: 'found', product: found.product, lastCounts: found.last_counts });
        else if (found.match === 'other_service' && found.product && found.service)
          setOutcome({ kind: 'other_service', product: found.product, service: found.service });
        else setOutcome({ kind: 'unknown', code });
      } catch (error) {
        setOutcome({ kind: 'failed', code, error });
      }
    },
    [queryClient, trpc, service.id],
  );
  useEffect(() => {
    if (!outcome || outcome.kind === 'looking') return;
    pinnedRef.current?.scrollIntoView({ block: 'start' });
    // The dialog gave focus back to the scan button: move it to what to do next (a found row focuses itself).
    if (outcome.kind !== 'found')
      pinnedRef.current?.querySelector<HTMLElement>('input, .button-primary, button')?.focus();
  }, [outcome]);

  // Infinite scroll ------------------------------------------------------------------------------------------
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = screen;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const filtered = Boolean(search || category || status !== 'all');
  const counted = progress.data?.counted ?? 0;
  const total = progress.data?.total ?? 0;
  const foundCount = outcome?.kind === 'found' ? outcome : null;

  return (
    <section className="page count-page">
      <header className="count-head">
        <h1>{t('title')}</h1>
        <ScopeBar scope={scopeState} />
      </header>

      {progress.data && !retentionLimited && total > 0 ? (
        <div className="count-progress">
          <p>
            <strong>{t('progress', { counted, total })}</strong>
          </p>
          <div
            className="progress-track"
            role="progressbar"
            aria-label={t('progress_label')}
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={counted}
            aria-valuetext={t('progress', { counted, total })}
          >
            <div className="progress-fill" style={{ width: `${progress.data.percent}%` }} />
          </div>
          {monthReadable(entitlements, shiftMonth(month, -1)) ? (
            <CopyPreviousMonth serviceId={service.id} month={month} prominent={counted === 0} />
          ) : null}
        </div>
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
          search={searchText}
          onSearch={setSearchText}
          status={status}
          onStatus={setStatus}
          category={category}
          onCategory={setCategory}
        />
      )}

      <div ref={pinnedRef} className="pinned">
        {outcome?.kind === 'quick_add' ? (
          <QuickAddForm
            service={service}
            currency={currency}
            prefill={outcome.prefill}
            onCancel={() => setOutcome(null)}
            onCreated={(product) => {
              setOutcome({ kind: 'found', product, lastCounts: [] });
              // The list below, its progress and its categories now include it (not "no product yet").
              void queryClient.invalidateQueries(trpc.inventory.counts.pathFilter());
              void queryClient.invalidateQueries(trpc.inventory.categories.pathFilter());
            }}
          />
        ) : foundCount ? (
          <section className="pinned-row card" aria-labelledby="pinned-title">
            <div className="pinned-head">
              <h2 id="pinned-title">{t('pinned_title')}</h2>
              <button type="button" className="button" onClick={() => setOutcome(null)}>
                {t('pinned_close')}
              </button>
            </div>
            <CountRow
              product={foundCount.product}
              serverCount={foundCount.lastCounts.find((c) => c.inventory_month === month) ?? null}
              scope={countScope}
              service={service}
              entry={pending.get(foundCount.product.id)}
              sending={snapshot.inFlight.has(entryKey(countScope, foundCount.product.id))}
              sync={sync}
              confirmedVersion={confirmedVersion}
              autoFocus
            />
            <LastCounts
              counts={foundCount.lastCounts.filter((c) => c.inventory_month !== month)}
              unit={foundCount.product.unit}
            />
          </section>
        ) : outcome && outcome.kind !== 'found' ? (
          <ScanNotice
            outcome={outcome}
            service={service}
            onRetry={(code) => void lookUp(code)}
            onQuickAdd={(prefill) => setOutcome({ kind: 'quick_add', prefill })}
            onSwitchService={(id) => {
              setOutcome(null);
              scopeState.setServiceId(id);
            }}
            onClose={() => setOutcome(null)}
          />
        ) : null}
      </div>

      {retentionLimited ? null : screen.isPending ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : screen.error && items.length === 0 ? (
        <ErrorMessage error={screen.error} onRetry={() => void screen.refetch()} />
      ) : items.length === 0 ? (
        <EmptyList
          filtered={filtered}
          allCounted={status === 'uncounted' && !search && !category && total > 0}
          onClearFilters={() => {
            setStatus('all');
            setCategory('');
            setSearchText('');
            setSearch('');
          }}
          onScan={() => setScanOpen(true)}
        />
      ) : (
        <>
          <ul className="count-list">
            {items.map(({ product, count }) => (
              <li key={product.id} className={pending.get(product.id) ? 'has-pending' : undefined}>
                <CountRow
                  product={product}
                  serverCount={count}
                  scope={countScope}
                  service={service}
                  entry={pending.get(product.id)}
                  sending={snapshot.inFlight.has(entryKey(countScope, product.id))}
                  sync={sync}
                  confirmedVersion={confirmedVersion}
                />
              </li>
            ))}
          </ul>
          <div ref={sentinel} className="list-end">
            {hasNextPage ? (
              <button
                type="button"
                className="button"
                disabled={isFetchingNextPage}
                onClick={() => void fetchNextPage()}
              >
                {isFetchingNextPage ? t('loading_more') : t('load_more')}
              </button>
            ) : (
              <p className="muted">{t('end_of_list')}</p>
            )}
            {screen.error ? <ErrorMessage error={screen.error} onRetry={() => void fetchNextPage()} /> : null}
          </div>
        </>
      )}

      <SyncDock
        snapshot={snapshot}
        tenantId={countScope.tenant_id}
        onRetryAll={() => sync.retry()}
        onScan={() => setScanOpen(true)}
      />
      <ScanDialog open={scanOpen} onClose={() => setScanOpen(false)} onCode={(code) => void lookUp(code)} />
    </section>
  );
}

function EmptyList({
  filtered,
  allCounted,
  onClearFilters,
  onScan,
}: {
  filtered: boolean;
  allCounted: boolean;
  onClearFilters: () => void;
  onScan: () => void;
}) {
  const t = useT(m);
  if (allCounted)
    return (
      <div className="card empty-state">
        <p>{t('all_counted')}</p>
        <button type="button" className="button" onClick={onClearFilters}>
          {t('empty_filtered_action')}
        </button>
      </div>
    );
  if (filtered)
    return (
      <div className="card empty-state">
        <p>{t('empty_filtered')}</p>
        <button type="button" className="button" onClick={onClearFilters}>
          {t('empty_filtered_action')}
        </button>
      </div>
    );
  return (
    <div className="card empty-state">
      <p>
        <strong>{t('empty_catalogue')}</strong>
      </p>
      <p>{t('empty_catalogue_hint')}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onScan}>
          {t('scan_label')}
        </button>
        <Link className="button" to="/app/products/new">
          {t('empty_catalogue_action')}
        </Link>
      </div>
    </div>
  );
}
