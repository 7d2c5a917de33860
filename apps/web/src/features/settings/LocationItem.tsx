import type { Location } from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { TwoTapDelete } from '../../shared/ui/TwoTapDelete';
import { LocationProducts } from './LocationProducts';
import { NameForm } from './NameForm';
import { stockMessages } from './stock-control-messages';

/** One place of a service: its name and products, ↑ ↓ to reorder, rename, archive, its shelves. */
export function LocationItem({
  location,
  serviceId,
  canManage,
  first,
  last,
  moving,
  onMove,
  onChanged,
}: {
  location: Location;
  serviceId: string;
  canManage: boolean;
  first: boolean;
  last: boolean;
  moving: boolean;
  onMove: (delta: -1 | 1) => void;
  onChanged: () => void;
}) {
  const t = useT(stockMessages);
  const trpc = useTRPC();
  const showError = useErrorToast();
  const [renaming, setRenaming] = useState(false);
  const [shelves, setShelves] = useState(false);
  const { name } = location;
  const rename = useMutation(
    trpc.inventory.locations.update.mutationOptions({
      onSuccess: (updated) => {
        toast.ok(t('location_renamed', { name: updated.name }));
        setRenaming(false);
        onChanged();
      },
    }),
  );
  const archive = useMutation(
    trpc.inventory.locations.archive.mutationOptions({
      onSuccess: () => {
        toast.ok(t('location_archived', { name }));
        onChanged();
      },
      onError: (e) => showError(e),
    }),
  );
  return (
    <li className="location-item">
      <div className="location-head">
        <p className="location-name">
          <strong>{name}</strong>{' '}
          <span className="muted">
            {t(location.product_count > 1 ? 'location_products' : 'location_products_one', {
              n: location.product_count,
            })}
          </span>
        </p>
        {canManage ? (
          <div className="location-moves">
            <button
              type="button"
              className="button icon-button"
              aria-label={t('location_up', { name })}
              disabled={first || moving}
              onClick={() => onMove(-1)}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="button icon-button"
              aria-label={t('location_down', { name })}
              disabled={last || moving}
              onClick={() => onMove(1)}
            >
              <span aria-hidden="true">↓</span>
            </button>
          </div>
        ) : null}
      </div>
      {renaming ? (
        <NameForm
          label={t('location_new_name', { name })}
          initial={name}
          submitLabel={t('save')}
          requiredMessage={t('location_name_required')}
          pending={rename.isPending}
          error={rename.error}
          autoFocus
          onSubmit={(next) => rename.mutate({ id: location.id, name: next })}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <div className="inline-actions">
          <button
            type="button"
            className="button"
            aria-expanded={shelves}
            aria-label={t('location_shelf_toggle', { name })}
            onClick={() => setShelves((v) => !v)}
          >
            {t('location_shelf')}
          </button>
          {canManage ? (
            <>
              <button
                type="button"
                className="button"
                aria-label={t('location_rename_label', { name })}
                onClick={() => setRenaming(true)}
              >
                {t('location_rename')}
              </button>
              <TwoTapDelete
                label={t('location_archive')}
                confirmLabel={t('location_archive_confirm')}
                ariaLabel={t('location_archive_label', { name })}
                pending={archive.isPending}
                onConfirm={() => archive.mutate({ id: location.id })}
              />
            </>
          ) : null}
        </div>
      )}
      {shelves ? (
        <LocationProducts
          location={location}
          serviceId={serviceId}
          canManage={canManage}
          onSaved={onChanged}
        />
      ) : null}
    </li>
  );
}
