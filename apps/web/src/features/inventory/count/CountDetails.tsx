import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../i18n/i18n';
import { useTRPC } from '../../../lib/trpc';
import { toast } from '../../../shared/feedback/toast-store';
import { useErrorToast } from '../../../shared/feedback/useErrorToast';
import { m } from '../messages';
import type { Places } from '../places/usePlace';
import { SpotCheckDialog } from '../spot/SpotCheckDialog';
import type { CountValues, RowProduct } from './count-values';
import { plainText } from './guarded-field';
import type { CountScope } from './pending-queue';
import { lineStore } from './useCountSync';
import { useGuardedField } from './useGuardedField';

/** A row's unfolded details: expiry date and lot where the service tracks them, and clearing a stored count. */
export function CountDetails({
  id,
  product,
  scope,
  locationId,
  current,
  tracksExpiry,
  tracksLot,
  canClear,
  places,
  unit,
  onSave,
}: {
  id: string;
  product: RowProduct;
  scope: CountScope;
  /** The place whose line is cleared (null: the service-as-a-whole line). */
  locationId: string | null;
  current: CountValues | null;
  tracksExpiry: boolean;
  tracksLot: boolean;
  /** A stored count with nothing pending on top of it. */
  canClear: boolean;
  places: Places;
  /** The product's unit, in words. */
  unit: string;
  onSave: (patch: Partial<CountValues>) => void;
}) {
  const t = useT(m);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  // Typed into while someone else's count of the same line may arrive: their lot never replaces the typing.
  const lot = useGuardedField(current?.lot_number ?? null, plainText);
  const clear = useMutation(
    trpc.inventory.counts.clear.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.inventory.counts.progress.pathFilter());
        lineStore.forget(scope.service_id, scope.month, product.id, [locationId], new Date().toISOString());
        toast.ok(t('cleared', { name: product.name }));
      },
      onError: (error) => showError(error),
    }),
  );
  return (
    <div className="details-fields" id={id}>
      {tracksExpiry ? (
        <div>
          <label htmlFor={`${id}-dlc`}>{t('expiry_label')}</label>
          <input
            id={`${id}-dlc`}
            type="date"
            value={current?.expiry_date ?? ''}
            onChange={(e) => onSave({ expiry_date: e.target.value || null })}
          />
        </div>
      ) : null}
      {tracksLot ? (
        <div>
          <label htmlFor={`${id}-lot`}>{t('lot_label')}</label>
          <input
            id={`${id}-lot`}
            type="text"
            autoComplete="off"
            maxLength={100}
            value={lot.text}
            onFocus={lot.focus}
            onBlur={lot.blur}
            onChange={(e) => {
              lot.type(e.target.value);
              onSave({ lot_number: e.target.value || null });
            }}
          />
        </div>
      ) : null}
      <div className="details-actions">
        <SpotCheckDialog
          product={product}
          unit={unit}
          serviceId={scope.service_id}
          month={scope.month}
          locationId={locationId}
          places={places}
        />
        {canClear ? (
          <button
            type="button"
            className="button"
            disabled={clear.isPending}
            onClick={() =>
              clear.mutate({
                service_id: scope.service_id,
                month: scope.month,
                product_ids: [product.id],
                location_id: locationId,
              })
            }
          >
            {t('clear_count')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
