import type { AppRouter } from '@stockscan/api';
import { PLAN_NAMES } from '@stockscan/entitlements';
import type { inferRouterOutputs } from '@trpc/server';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../i18n/i18n';
import { ErrorMessage } from '../../../shared/feedback/ErrorMessage';
import { errorMessages } from '../../../shared/feedback/error-messages';
import { billingPath } from '../../../shared/links';
import { useEntitlements } from '../../entitlements/useEntitlements';
import { m } from '../messages';
import { formatQty, monthLabel, round3 } from '../scope/format';
import type { Service } from '../scope/service-features';
import { unitMessages } from '../scope/units';
import type { RowProduct } from './count-values';
import type { QuickAddPrefill } from './QuickAddForm';

export type Lookup = inferRouterOutputs<AppRouter>['inventory']['lookup'];
export type LookupProduct = NonNullable<Lookup['product']>;

/** What the last scan led to, shown above the list until the next scan or "Retirer". */
export type ScanOutcome =
  | { kind: 'looking'; code: string }
  | { kind: 'failed'; code: string; error: unknown }
  | { kind: 'found'; product: RowProduct; lastCounts: Lookup['last_counts'] }
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
  const tErr = useT(errorMessages);
  const { locale } = useLocale();
  const { canAdd } = useEntitlements();
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
  // At the plan's product limit, say so here rather than after the form is filled.
  const full = canAdd('max_products');
  const limitNotice = full.ok ? null : <p className="scan-limit">{full.message[locale]}</p>;
  const upgrade =
    !full.ok && full.upgrade_to ? (
      <Link className="button button-primary" to={billingPath(full.upgrade_to)}>
        {tErr('action_upgrade', { plan: PLAN_NAMES[full.upgrade_to] })}
      </Link>
    ) : null;
  if (outcome.kind === 'unknown')
    return (
      <div className="scan-notice card" role="status">
        <p>{t('scan_unknown', { code: outcome.code })}</p>
        {limitNotice}
        <div className="form-actions">
          {full.ok ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => onQuickAdd({ code: outcome.code })}
            >
              {t('scan_quick_add')}
            </button>
          ) : (
            upgrade
          )}
          {close}
        </div>
      </div>
    );
  const { product } = outcome;
  return (
    <div className="scan-notice card" role="status">
      <p>{t('scan_other_service', { name: product.name, service: outcome.service.name })}</p>
      {limitNotice}
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          hidden={!full.ok}
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
        {upgrade}
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
  // One figure per month: the sum of its places' lines.
  const byMonth = new Map<string, number>();
  for (const c of counts)
    byMonth.set(
      c.inventory_month,
      (byMonth.get(c.inventory_month) ?? 0) + c.quantity + (c.remaining_fraction ?? 0),
    );
  const list = [...byMonth]
    .map(
      ([month, qty]) => `${monthLabel(locale, month, 'short')} ${formatQty(locale, round3(qty))} ${u(unit)}`,
    )
    .join(' · ');
  return <p className="muted last-counts">{t('last_counts', { list })}</p>;
}
