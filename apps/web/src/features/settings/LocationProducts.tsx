import type { Location } from '@stockscan/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useProductSearch } from '../inventory/scope/useProductSearch';
import { addItem, isChanged, moveItem, removeItem, type ShelfItem } from './shelf-order';
import { stockMessages } from './stock-control-messages';

/** The products usually stored in a place, in shelf order: add from the catalogue, ↑ ↓, remove, save. */
export function LocationProducts({
  location,
  serviceId,
  canManage,
  onSaved,
}: {
  location: Location;
  serviceId: string;
  canManage: boolean;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const saved = useQuery(trpc.inventory.locations.products.queryOptions({ id: location.id }));
  if (saved.error) return <ErrorMessage error={saved.error} onRetry={() => void saved.refetch()} />;
  if (!saved.data) return null;
  return (
    <ShelfEditor
      key={saved.dataUpdatedAt}
      location={location}
      serviceId={serviceId}
      canManage={canManage}
      initial={saved.data.items}
      onSaved={onSaved}
    />
  );
}

function ShelfEditor({
  location,
  serviceId,
  canManage,
  initial,
  onSaved,
}: {
  location: Location;
  serviceId: string;
  canManage: boolean;
  initial: ShelfItem[];
  onSaved: () => void;
}) {
  const t = useT(stockMessages);
  const ids = useId();
  const trpc = useTRPC();
  const [items, setItems] = useState(initial);
  const search = useProductSearch({ serviceId, limit: 8, enabled: canManage, onlyWhenTyped: true });
  const save = useMutation(
    trpc.inventory.locations.setProducts.mutationOptions({
      onSuccess: (result) => {
        toast.ok(t('shelf_saved', { n: result.items.length, name: location.name }));
        onSaved();
      },
    }),
  );
  const changed = isChanged(initial, items);
  const found = (search.results.data?.items ?? []).filter((p) => !items.some((i) => i.product_id === p.id));
  return (
    <div className="shelf-editor">
      <p className="muted">{items.length === 0 ? t('shelf_empty') : t('shelf_lead')}</p>
      {items.length > 0 ? (
        <ol className="shelf-list">
          {items.map((item, index) => (
            <li key={item.product_id}>
              <span className="shelf-name">{item.name}</span>
              {canManage ? (
                <span className="shelf-actions">
                  <button
                    type="button"
                    className="button icon-button"
                    aria-label={t('shelf_up', { name: item.name })}
                    disabled={index === 0}
                    onClick={() => setItems((list) => moveItem(list, index, -1))}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    className="button icon-button"
                    aria-label={t('shelf_down', { name: item.name })}
                    disabled={index === items.length - 1}
                    onClick={() => setItems((list) => moveItem(list, index, 1))}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button
                    type="button"
                    className="button icon-button"
                    aria-label={t('shelf_remove', { name: item.name })}
                    onClick={() => setItems((list) => removeItem(list, item.product_id))}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {canManage ? (
        <>
          <label htmlFor={`${ids}-search`}>{t('shelf_search')}</label>
          <input
            id={`${ids}-search`}
            type="search"
            autoComplete="off"
            placeholder={t('shelf_search_placeholder')}
            value={search.search}
            onChange={(e) => search.setSearch(e.target.value)}
          />
          {found.length > 0 ? (
            <ul className="shelf-found">
              {found.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="button button-ghost"
                    aria-label={t('shelf_add', { name: p.name })}
                    onClick={() => setItems((list) => addItem(list, { product_id: p.id, name: p.name }))}
                  >
                    + {p.name}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <ErrorMessage error={save.error} />
          <div className="inline-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={!changed || save.isPending}
              onClick={() => save.mutate({ id: location.id, product_ids: items.map((i) => i.product_id) })}
            >
              {t('shelf_save')}
            </button>
            {changed ? <span className="muted">{t('shelf_unsaved')}</span> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
