import { featureOn } from '@stockscan/entitlements';
import { memo, useId, useState } from 'react';
import { useLocale, useT } from '../../../i18n/i18n';
import { m } from '../messages';
import { formatDate, formatQty } from '../scope/format';
import type { Service } from '../scope/service-features';
import { unitMessages } from '../scope/units';
import { CountDetails } from './CountDetails';
import type { CountSync } from './count-sync';
import {
  type CountValues,
  changedValues,
  type RowCount,
  type RowProduct,
  storedCount,
  valuesOf,
} from './count-values';
import { OpenedContainer } from './OpenedContainer';
import { type CountScope, entryKey, lineStatus, type PendingEntry } from './pending-queue';
import { QuantityInput } from './QuantityInput';
import { RowStatus } from './RowStatus';
import { confirmedCount, type UpsertResult } from './useCountSync';

/** One product of the count: name, where its count stands, the quantity, an opened container, its details. */
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
  void confirmedVersion;
  const stored = storedCount(serverCount, confirmedCount(scope.service_id, scope.month, product.id));
  const current = valuesOf(entry?.line) ?? valuesOf(stored);
  const tracksOpened = featureOn(service.features, 'open_container_tracking');
  const tracksExpiry = featureOn(service.features, 'dlc');
  const tracksLot = featureOn(service.features, 'lot');
  const [showDetails, setShowDetails] = useState(false);
  const hasDetails = tracksExpiry || tracksLot || Boolean(stored);

  function save(patch: Partial<CountValues>) {
    const next = changedValues(current, patch);
    sync.put(scope, { product_id: product.id, ...next, counted_at: new Date().toISOString() });
  }

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
      <RowStatus
        status={status}
        name={product.name}
        sending={sending}
        onRetry={() => sync.retry([entryKey(scope, product.id)])}
      />
      <QuantityInput
        name={product.name}
        unit={u(product.unit)}
        quantity={current?.quantity}
        autoFocus={autoFocus}
        onSave={(quantity) => save({ quantity })}
      />

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
            <OpenedContainer
              opened={current?.container_status === 'OPENED'}
              fraction={current?.remaining_fraction ?? null}
              onSave={save}
            />
          ) : null}
        </div>
      ) : null}

      {hasDetails && showDetails ? (
        <CountDetails
          id={`${ids}-details`}
          product={product}
          scope={scope}
          current={current}
          tracksExpiry={tracksExpiry}
          tracksLot={tracksLot}
          canClear={Boolean(stored) && !entry}
          onSave={save}
        />
      ) : null}
    </div>
  );
});
