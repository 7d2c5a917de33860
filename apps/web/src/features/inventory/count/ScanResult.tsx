import type { AppRouter } from '@stockscan/api';
import type { inferRouterOutputs } from '@trpc/server';
import { useLocale, useT } from '../../../i18n/i18n';
import { ErrorMessage } from '../../entitlements/ErrorMessage';
import { m } from '../messages';
import { formatQty, monthLabel } from '../scope/format';
import type { Service } from '../scope/service-features';
import { unitMessages } from '../scope/units';
import type { QuickAddPrefill } from './QuickAddForm';

export type Lookup = inferRouterOutputs<AppRouter>['inventory']['lookup'];
export type LookupProduct = NonNullable<Lookup['product']>;

/** What the last scan led to, shown above the list until the next scan or "Retirer". */
export type ScanOutcome =
  | { kind: 'looking'; code: string }
  | { kind: 'failed'; code: string; error: unknown }
  | { kind: 'found'; product: LookupProduct; lastCounts: Lookup['last_counts'] }
  | { kind: 'other_service'; product: LookupProduct; service: { id: string; name: string } }
  | { kind: 'unknown'; code: string }
  | { kind: 'quick_add'; prefill: QuickAddPrefill };

/** Messages for the outcomes that are not a row to count (that one is a CountRow). */
export function ScanNotice({
  outcome,
  service,
  onRetry,
  onQuickAdd,
  onSwitchService,
  onClose,
}: {
  outcome: Exclude<ScanOutcome, { kind: 'found' } | { kind: 'quick_add' }>;
  service: Service;
  onRetry: (code: string) => void;
  onQuickAdd: (prefill: QuickAddPrefill) => void;
  onSwitchService: (id: string) => void;
  onClose: () => void;
}) {
  const t = useT(m);
  const close = (
    <button type="button" className="button" onClick={onClose}>
      {t('pinned_close')}
    </button>
  );
  if (outcome.kind === 'looking')
    return (
      <p className="scan-notice muted" role="status">
        {t('scan_looking', { code: outcome.code })}
      </p>
    );
  if (outcome.kind === 'failed')
    return (
      <div className="scan-notice">
        <ErrorMessage error={outcome.error} onRetry={() => onRetry(outcome.code)} onDismiss={onClose} />
      </div>
    );
  if (outcome.kind === 'unknown')
    return (
      <div className="scan-notice card" role="status">
        <p>{t('scan_unknown', { code: outcome.code })}</p>
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => onQuickAdd({ code: outcome.code })}
          >
            {t('scan_quick_add')}
          </button>
          {close}
        </div>
      </div>
    );
  const { product } = outcome;
  return (
    <div className="scan-notice card" role="status">
      <p>{t('scan_other_service', { name: product.name, service: outcome.service.name })}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() =>
            onQuickAdd({
              name: product.name,
              category: product.category,
              unit: product.unit,
              purchase_price: product.purchase_price,
              code: product.barcode ?? product.internal_sku ?? undefined,
            })
          }
        >
          {t('scan_add_here', { service: service.name })}
        </button>
        <button type="button" className="button" onClick={() => onSwitchService(outcome.service.id)}>
          {t('scan_go_service', { service: outcome.service.name })}
        </button>
        {close}
      </div>
    </div>
  );
}

/** "Derniers comptages : février 2025 4 pcs · janvier 2025 6 pcs" under a scanned product. */
export function LastCounts({ counts, unit }: { counts: Lookup['last_counts']; unit: LookupProduct['unit'] }) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  if (counts.length === 0) return null;
  const list = counts
    .map(
      (c) => `${monthLabel(locale, c.inventory_month, 'short')} ${formatQty(locale, c.quantity)} ${u(unit)}`,
    )
    .join(' · ');
  return <p className="muted last-counts">{t('last_counts', { list })}</p>;
}
