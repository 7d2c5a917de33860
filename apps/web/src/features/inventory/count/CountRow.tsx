import type { AppRouter } from '@stockscan/api';
import type { ContainerStatus } from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../../../i18n/i18n';
import { useTRPC } from '../../../lib/trpc';
import { toast } from '../../../shared/feedback/toast-store';
import { useErrorToast } from '../../../shared/feedback/useErrorToast';
import { m } from '../messages';
import { formatDate, formatQty, parseDecimal, qtyInputValue, round3 } from '../scope/format';
import { featureOn, type Service } from '../scope/service-features';
import { unitMessages } from '../scope/units';
import type { CountSync } from './count-sync';
import { type CountScope, entryKey, lineStatus, type PendingEntry, type PendingLine } from './pending-queue';
import { type Count, confirmedCount, forgetConfirmed, type UpsertResult } from './useCountSync';

type ScreenItem = inferRouterOutputs<AppRouter>['inventory']['counts']['screen']['items'][number];
export type RowProduct = ScreenItem['product'];
/** What the row shows of a stored count: the screen's (or a full one, from the scan or a save). */
type RowCount = NonNullable<ScreenItem['count']>;

interface CountValues {
  quantity: number;
  container_status: ContainerStatus;
  remaining_fraction: number | null;
  expiry_date: string | null;
  lot_number: string | null;
}

const FRACTIONS = [
  { value: 0.25, label: '¼' },
  { value: 0.5, label: '½' },
  { value: 0.75, label: '¾' },
] as const;

function valuesOf(source: PendingLine | RowCount | null | undefined): CountValues | null {
  if (!source) return null;
  return {
    quantity: source.quantity,
    container_status: source.container_status ?? 'SEALED',
    remaining_fraction: source.remaining_fraction ?? null,
    expiry_date: source.expiry_date ?? null,
    lot_number: source.lot_number ?? null,
  };
}

/** The stored count: the one confirmed during this visit, unless the list brought a newer one (another phone). */
function storedCount(serverCount: RowCount | null, confirmed: Count | null | undefined): RowCount | null {
  if (confirmed === undefined) return serverCount;
  if (confirmed === null) return null;
  if (serverCount && serverCount.counted_at > confirmed.counted_at) return serverCount;
  return confirmed;
}

/** A bottle seen from the side: how much is left, at a glance. */
function Gauge({ fraction }: { fraction: number }) {
  const height = Math.round(28 * Math.max(0, Math.min(1, fraction)));
  return (
    <svg className="gauge" width="18" height="32" viewBox="0 0 18 32" aria-hidden="true">
      <rect x="1" y="1" width="16" height="30" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
      <rect
        x="3"
        y={30 - height + 1}
        width="12"
        height={Math.max(0, height - 1)}
        rx="2"
        fill="currentColor"
      />
    </svg>
  );
}

export const CountRow = memo(function CountRow({
  product,
  serverCount,
  scope,
  service,
  entry,
  sending,
  sync,
  autoFocus = false,
  confirmedVersion,
}: {
  product: RowProduct;
  serverCount: RowCount | null;
  scope: CountScope;
  service: Service;
  entry: PendingEntry | undefined;
  sending: boolean;
  sync: CountSync<UpsertResult>;
  autoFocus?: boolean;
  /** Re-renders the row when a count is confirmed (the map lives outside React). */
  confirmedVersion: number;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const ids = useId();
  const trpc = useTRPC();
  const showError = useErrorToast();
  void confirmedVersion;
  const stored = storedCount(serverCount, confirmedCount(scope.service_id, scope.month, product.id));
  const current = valuesOf(entry?.line) ?? valuesOf(stored);
  const tracksOpened = featureOn(service, 'open_container_tracking');
  const tracksExpiry = featureOn(service, 'dlc');
  const tracksLot = featureOn(service, 'lot');

  const [text, setText] = useState(() => (current ? qtyInputValue(locale, current.quantity) : ''));
  const editing = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const quantity = current?.quantity;
  // Follow values from elsewhere (another tab, a confirmed count) unless the person is typing in this field.
  useEffect(() => {
    if (!editing.current) setText(quantity === undefined ? '' : qtyInputValue(locale, quantity));
  }, [quantity, locale]);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const [showDetails, setShowDetails] = useState(false);
  const hasDetails = tracksExpiry || tracksLot || Boolean(stored);
  const invalid = text.trim() !== '' && parseDecimal(text) === null;

  function save(patch: Partial<CountValues>) {
    const next: CountValues = {
      quantity: current?.quantity ?? 0,
      container_status: current?.container_status ?? 'SEALED',
      remaining_fraction: current?.remaining_fraction ?? null,
      expiry_date: current?.expiry_date ?? null,
      lot_number: current?.lot_number ?? null,
      ...patch,
    };
    if (next.container_status !== 'OPENED') next.remaining_fraction = null;
    sync.put(scope, { product_id: product.id, ...next, counted_at: new Date().toISOString() });
  }

  function type(value: string) {
    setText(value);
    const n = parseDecimal(value);
    if (n !== null) save({ quantity: n });
  }

  function step(delta: number) {
    const n = Math.max(0, round3((parseDecimal(text) ?? current?.quantity ?? 0) + delta));
    setText(qtyInputValue(locale, n));
    save({ quantity: n });
  }

  const opened = current?.container_status === 'OPENED';
  const fraction = current?.remaining_fraction ?? null;
  function setFraction(value: number) {
    save({ container_status: 'OPENED', remaining_fraction: round3(Math.max(0, Math.min(1, value))) });
  }

  const clear = useMutation(
    trpc.inventory.counts.clear.mutationOptions({
      onSuccess: () => {
        forgetConfirmed(scope.service_id, scope.month, product.id);
        toast.ok(t('cleared', { name: product.name }));
      },
      onError: (error) => showError(error),
    }),
  );

  const status = entry ? lineStatus(entry) : stored ? 'saved' : 'todo';
  const meta = [
    product.category,
    product.brand,
    product.variant_value,
    product.barcode ?? product.internal_sku,
    product.min_qty !== null
      ? t('min_qty', { qty: `${formatQty(locale, product.min_qty)} ${u(product.unit)}` })
      : null,
  ].filter(Boolean);

  return (
    <div className={`count-row count-row-${status}`}>
      <div className="count-info">
        <p className="count-name" id={`${ids}-name`}>
          {product.name}
        </p>
        {meta.length > 0 ? <p className="count-meta">{meta.join(' · ')}</p> : null}
      </div>
      <div className="count-status" aria-live="polite">
        {status === 'failed' ? (
          <button
            type="button"
            className="status-failed"
            aria-label={t('status_failed_label', { name: product.name })}
            onClick={() => sync.retry([entryKey(scope, product.id)])}
          >
            {t('status_failed')}
          </button>
        ) : status === 'pending' ? (
          <span className="status-pending">
            <span className="dot" aria-hidden="true" />
            {sending ? t('sync_sending') : t('status_pending')}
          </span>
        ) : status === 'saved' ? (
          <span className="status-saved">
            <span aria-hidden="true">✓</span> {t('status_saved')}
          </span>
        ) : (
          <span className="status-todo">{t('status_todo')}</span>
        )}
      </div>

      <div className="count-qty">
        <button type="button" className="qty-step" aria-label={t('minus')} onClick={() => step(-1)}>
          <span aria-hidden="true">−</span>
        </button>
        <label className="sr-only" htmlFor={`${ids}-qty`}>
          {t('qty_label', { name: product.name })}
        </label>
        <input
          ref={input}
          id={`${ids}-qty`}
          className="qty-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          enterKeyHint="next"
          value={text}
          placeholder="—"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${ids}-err` : undefined}
          onFocus={(e) => {
            editing.current = true;
            e.currentTarget.select();
          }}
          onBlur={() => {
            editing.current = false;
            const n = parseDecimal(text);
            if (n !== null) setText(qtyInputValue(locale, n));
            // An emptied field saves nothing: show the stored quantity again.
            else if (text.trim() === '' && current) setText(qtyInputValue(locale, current.quantity));
          }}
          onChange={(e) => type(e.target.value)}
          onKeyDown={(e) => {
            // Enter ("suivant" on a phone keyboard) goes to the next product's quantity.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            const fields = [...document.querySelectorAll<HTMLInputElement>('.count-list .qty-input')];
            fields[fields.indexOf(e.currentTarget) + 1]?.focus();
          }}
        />
        <button type="button" className="qty-step" aria-label={t('plus')} onClick={() => step(1)}>
          <span aria-hidden="true">+</span>
        </button>
        <span className="qty-unit">{u(product.unit)}</span>
      </div>
      {invalid ? (
        <p className="field-error count-error" id={`${ids}-err`}>
          {t('qty_invalid')}
        </p>
      ) : null}

      {hasDetails || tracksOpened ? (
        <div className="count-extras">
          {hasDetails ? (
            <button
              type="button"
              className="details-toggle"
              aria-expanded={showDetails}
              aria-controls={`${ids}-details`}
              onClick={() => setShowDetails((v) => !v)}
            >
              <span aria-hidden="true">{showDetails ? '▾' : '▸'}</span>{' '}
              {current?.expiry_date
                ? t('details_with', { date: formatDate(locale, current.expiry_date) })
                : tracksExpiry || tracksLot
                  ? t('details')
                  : t('more')}
              {current?.lot_number ? ` · ${current.lot_number}` : ''}
            </button>
          ) : null}

          {tracksOpened ? (
            <label className="opened-toggle">
              <input
                type="checkbox"
                checked={opened}
                onChange={(e) =>
                  save(
                    e.target.checked
                      ? { container_status: 'OPENED', remaining_fraction: fraction ?? 0.5 }
                      : { container_status: 'SEALED' },
                  )
                }
              />
              <span>{t('opened')}</span>
            </label>
          ) : null}
          {tracksOpened && opened ? (
            <fieldset className="fractions">
              <legend className="sr-only">{t('fraction_label')}</legend>
              {FRACTIONS.map((f) => (
                <button
                  key={f.value}
                  type="button"
                  className="fraction"
                  aria-pressed={fraction === f.value}
                  onClick={() => setFraction(f.value)}
                >
                  {f.label}
                </button>
              ))}
              <button
                type="button"
                className="fraction fraction-step"
                aria-label={t('fraction_less')}
                onClick={() => setFraction((fraction ?? 0) - 0.1)}
              >
                −{formatQty(locale, 0.1)}
              </button>
              <output className="fraction-value" aria-live="polite">
                <Gauge fraction={fraction ?? 0} />
                <span className="sr-only">{t('fraction_label')} : </span>
                {formatQty(locale, fraction ?? 0)}
              </output>
              <button
                type="button"
                className="fraction fraction-step"
                aria-label={t('fraction_more')}
                onClick={() => setFraction((fraction ?? 0) + 0.1)}
              >
                +{formatQty(locale, 0.1)}
              </button>
            </fieldset>
          ) : null}
        </div>
      ) : null}

      {hasDetails && showDetails ? (
        <div className="details-fields" id={`${ids}-details`}>
          {tracksExpiry ? (
            <div>
              <label htmlFor={`${ids}-dlc`}>{t('expiry_label')}</label>
              <input
                id={`${ids}-dlc`}
                type="date"
                value={current?.expiry_date ?? ''}
                onChange={(e) => save({ expiry_date: e.target.value || null })}
              />
            </div>
          ) : null}
          {tracksLot ? (
            <div>
              <label htmlFor={`${ids}-lot`}>{t('lot_label')}</label>
              <input
                id={`${ids}-lot`}
                type="text"
                autoComplete="off"
                maxLength={100}
                value={current?.lot_number ?? ''}
                onChange={(e) => save({ lot_number: e.target.value || null })}
              />
            </div>
          ) : null}
          {stored && !entry ? (
            <button
              type="button"
              className="button"
              disabled={clear.isPending}
              onClick={() =>
                clear.mutate({ service_id: scope.service_id, month: scope.month, product_ids: [product.id] })
              }
            >
              {t('clear_count')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});
