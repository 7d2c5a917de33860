import type { RecountRequest } from '@stockscan/contracts';
import { featureOn } from '@stockscan/entitlements';
import { memo, useId, useState } from 'react';
import { useLocale, useT } from '../../../i18n/i18n';
import { m } from '../messages';
import type { Places } from '../places/usePlace';
import { RecountFlag } from '../review/RecountFlag';
import { formatDate, formatQty } from '../scope/format';
import type { Service } from '../scope/service-features';
import { unitMessages } from '../scope/units';
import { CountDetails } from './CountDetails';
import { CountLines } from './CountLines';
import { countKind, stepsFor } from './count-kind';
import type { CountSync } from './count-sync';
import { type CountValues, changedValues, type RowProduct, valuesOf } from './count-values';
import { type LineView, mergedLines } from './line-store';
import { OpenedContainer } from './OpenedContainer';
import { PacksInput } from './PacksInput';
import { type CountScope, entryKey, lineStatus, type PendingEntry } from './pending-queue';
import { QuantityInput } from './QuantityInput';
import { RowStatus } from './RowStatus';
import { lineStore, type UpsertResult, useLearntVersion } from './useCountSync';

/**
 * One product of the count: name, where its count stands, the quantity of its line in the place being
 * counted, an opened container, its details; under it who counted and the product's other places.
 */
export const CountRow = memo(function CountRow({
  product,
  pageLines,
  scope,
  service,
  locationId,
  places,
  me,
  entry,
  sending,
  sync,
  autoFocus = false,
  recount,
}: {
  product: RowProduct;
  /** The product's lines as the list's page (or the scan) brought them. */
  pageLines: readonly LineView[];
  scope: CountScope;
  service: Service;
  locationId: string | null;
  places: Places;
  me: string | null;
  entry: PendingEntry | undefined;
  sending: boolean;
  sync: CountSync<UpsertResult>;
  autoFocus?: boolean;
  /** A manager asked for a recount while reviewing the month. */
  recount?: RecountRequest | null;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const ids = useId();
  // Re-rendered when our saves or other people's polled counts touch this product, and only then.
  useLearntVersion(scope.service_id, scope.month, product.id);
  const learnt = lineStore.learntOf(scope.service_id, scope.month, product.id);
  const lines = mergedLines(pageLines, learnt, product.id, places.order);
  const stored = lines.find((line) => line.location_id === locationId);
  const current = valuesOf(entry?.line) ?? valuesOf(stored);
  const tracksOpened = featureOn(service.features, 'open_container_tracking');
  const tracksExpiry = featureOn(service.features, 'dlc');
  const tracksLot = featureOn(service.features, 'lot');
  const [showDetails, setShowDetails] = useState(false);

  const kind = countKind(product);
  const steps = stepsFor(kind, product.unit);

  function save(patch: Partial<CountValues>) {
    const next = changedValues(current, patch);
    sync.put(
      scope,
      {
        product_id: product.id,
        ...next,
        counted_at: new Date().toISOString(),
        ...(locationId ? { location_id: locationId } : {}),
      },
      product.name,
    );
  }

  // The whole service is counted once any place has a line; a place, once its own line exists.
  const counted = locationId ? Boolean(stored) : lines.length > 0;
  const status = entry ? lineStatus(entry) : counted ? 'saved' : 'todo';
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
        <RecountFlag recount={recount} />
      </div>
      <RowStatus
        status={status}
        name={product.name}
        sending={sending}
        failedCode={entry?.failed?.code}
        onRetry={() => sync.retry([entryKey(scope, product.id, locationId)])}
      />
      {kind === 'packs' && product.pack_size !== null ? (
        <PacksInput
          name={product.name}
          unit={u(product.unit)}
          packSize={product.pack_size}
          packUom={product.pack_uom}
          quantity={current?.quantity}
          packed={current?.packed ?? null}
          autoFocus={autoFocus}
          onSave={(quantity, packed) => save({ quantity, packed })}
        />
      ) : (
        <QuantityInput
          name={product.name}
          unit={u(product.unit)}
          quantity={current?.quantity}
          step={steps.big}
          fineStep={steps.small}
          autoFocus={autoFocus}
          onSave={(quantity) => save({ quantity })}
        />
      )}
      <CountLines
        lines={lines}
        here={stored}
        locationId={locationId}
        places={places}
        unit={u(product.unit)}
        mine={lineStore.isMine(scope.service_id, scope.month, product.id, locationId)}
        me={me}
      />

      {/* Always unfoldable: the spot check is there, with the expiry and lot where tracked. */}
      <div className="count-extras">
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
        {tracksOpened ? (
          <OpenedContainer
            name={product.name}
            opened={current?.container_status === 'OPENED'}
            fraction={current?.remaining_fraction ?? null}
            weight={current?.weight_g ?? null}
            weights={{ full: product.full_weight_g, empty: product.empty_weight_g }}
            onSave={save}
          />
        ) : null}
      </div>

      {showDetails ? (
        <CountDetails
          id={`${ids}-details`}
          product={product}
          scope={scope}
          locationId={locationId}
          current={current}
          tracksExpiry={tracksExpiry}
          tracksLot={tracksLot}
          canClear={Boolean(stored) && !entry}
          places={places}
          unit={u(product.unit)}
          onSave={save}
        />
      ) : null}
    </div>
  );
});
