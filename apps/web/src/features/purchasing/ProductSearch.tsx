import { useId } from 'react';
import { useT } from '../../i18n/i18n';
import { unitMessages } from '../inventory/scope/units';
import { useProductSearch } from '../inventory/scope/useProductSearch';
import { m } from './messages';
import type { PickedProduct } from './types';

/** Search the service's catalogue by name, brand or barcode (a scanner types into it too) and pick a product. */
export function ProductSearch({
  serviceId,
  onPick,
}: {
  serviceId: string;
  onPick: (p: PickedProduct) => void;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const ids = useId();
  const { search, setSearch, debounced, results } = useProductSearch({
    serviceId,
    limit: 6,
    onlyWhenTyped: true,
  });
  const items = results.data?.items ?? [];
  return (
    <div className="product-picker">
      <label htmlFor={`${ids}-search`}>{t('product_search')}</label>
      <input
        id={`${ids}-search`}
        type="search"
        autoComplete="off"
        placeholder={t('product_search_placeholder')}
        value={search}
        aria-controls={`${ids}-results`}
        onChange={(e) => setSearch(e.target.value)}
      />
      {debounced ? (
        <ul className="pick-list" id={`${ids}-results`} aria-live="polite">
          {results.isPending ? <li className="muted">{t('products_loading')}</li> : null}
          {!results.isPending && items.length === 0 ? <li className="muted">{t('product_none')}</li> : null}
          {items.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="pick"
                onClick={() => {
                  onPick(p);
                  setSearch('');
                }}
              >
                <span>{p.name}</span>
                <span className="muted">{[p.category, u(p.unit)].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
