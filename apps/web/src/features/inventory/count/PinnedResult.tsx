import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../i18n/i18n';
import { useTRPC } from '../../../lib/trpc';
import { m } from '../messages';
import { CountRow } from './CountRow';
import type { LineView } from './line-store';
import { QuickAddForm } from './QuickAddForm';
import { type RowSync, rowSyncProps } from './row-sync';
import { LastCounts, type Lookup, ScanNotice, type ScanOutcome } from './ScanResult';

/** The scanned product's lines of the month (the lookup does not name who counted them). */
function scannedLines(counts: Lookup['last_counts'], month: string): LineView[] {
  return counts.filter((c) => c.inventory_month === month).map((c) => ({ ...c, counted_by_name: null }));
}

/** What the last scan led to, above the list: the product's row to count, a quick add, or what went wrong. */
export function PinnedResult({
  outcome,
  rows,
  currency,
  onOutcome,
  onLookUp,
  onSwitchService,
  onScanNext,
}: {
  outcome: ScanOutcome | null;
  rows: RowSync;
  currency: string;
  onOutcome: (outcome: ScanOutcome | null) => void;
  onLookUp: (code: string) => void;
  onSwitchService: (serviceId: string) => void;
  /** Scan, count, next: the scanner again. */
  onScanNext: () => void;
}) {
  const t = useT(m);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { service, scope } = rows;
  if (!outcome) return null;
  if (outcome.kind === 'quick_add')
    return (
      <QuickAddForm
        service={service}
        currency={currency}
        prefill={outcome.prefill}
        onCancel={() => onOutcome(null)}
        onCreated={(product) => {
          onOutcome({ kind: 'found', product, lastCounts: [] });
          // The list below, its progress and its categories now include it (not "no product yet").
          void queryClient.invalidateQueries(trpc.inventory.counts.pathFilter());
          void queryClient.invalidateQueries(trpc.inventory.categories.pathFilter());
        }}
      />
    );
  if (outcome.kind === 'found')
    return (
      <section
        className="pinned-row card"
        aria-labelledby="pinned-title"
        onKeyDown={(e) => {
          // Enter ("suivant") in the last quantity field: the next product, scanned.
          const target = e.target as HTMLElement;
          if (e.key !== 'Enter' || !target.classList.contains('qty-input')) return;
          e.preventDefault();
          const fields = [...e.currentTarget.querySelectorAll<HTMLInputElement>('.qty-input')];
          const next = fields[fields.indexOf(target as HTMLInputElement) + 1];
          if (next) next.focus();
          else onScanNext();
        }}
      >
        <div className="pinned-head">
          <h2 id="pinned-title">{t('pinned_title')}</h2>
          <button type="button" className="button button-primary" onClick={onScanNext}>
            {t('scan_next')}
          </button>
          <button type="button" className="button" onClick={() => onOutcome(null)}>
            {t('pinned_close')}
          </button>
        </div>
        <CountRow
          product={outcome.product}
          pageLines={scannedLines(outcome.lastCounts, scope.month)}
          {...rowSyncProps(rows, outcome.product.id)}
          autoFocus
        />
        <LastCounts
          counts={outcome.lastCounts.filter((c) => c.inventory_month !== scope.month)}
          unit={outcome.product.unit}
        />
      </section>
    );
  return (
    <ScanNotice
      outcome={outcome}
      service={service}
      onRetry={onLookUp}
      onQuickAdd={(prefill) => onOutcome({ kind: 'quick_add', prefill })}
      onSwitchService={(id) => {
        onOutcome(null);
        onSwitchService(id);
      }}
      onClose={() => onOutcome(null)}
    />
  );
}
