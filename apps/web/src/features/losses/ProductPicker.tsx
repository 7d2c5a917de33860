import type { AppRouter } from '@stockscan/api';
import type { inferRouterOutputs } from '@trpc/server';
import { type RefObject, useId } from 'react';
import { useT } from '../../i18n/i18n';
import { unitMessages } from '../inventory/scope/units';
import { useProductSearch } from '../inventory/scope/useProductSearch';
import { m } from './messages';

export type PickedProduct = inferRouterOutputs<AppRouter>['inventory']['products']['list']['items'][number];

/** The lost product: searched by name among the service's products, then shown with a way to change it. */
export function ProductPicker({
  serviceId,
  product,
  problem,
  inputRef,
  onPick,
  onChange,
}: {
  serviceId: string;
  product: PickedProduct | null;
  /** Submitted without a product. */
  problem: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onPick: (product: PickedProduct) => void;
  onChange: () => void;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const ids = useId();
  const { search, setSearch, results } = useProductSearch({
    serviceId,
    limit: 8,
    enabled: product === null,
  });

  if (product)
    return (
      <div className="picked">
        <p className="picked-label">{t('product')}</p>
        <p className="picked-name">
          <strong>{product.name}</strong>
          {product.category ? <span className="muted"> · {product.category}</span> : null}
        </p>
        <button type="button" className="button" onClick={onChange}>
          {t('product_change')}
        </button>
      </div>
    );

  const items = results.data?.items ?? [];
  return (
    <div className="product-picker">
      <label htmlFor={`${ids}-search`}>{t('product_search')}</label>
      <input
        ref={inputRef}
        id={`${ids}-search`}
        type="search"
        autoComplete="off"
        placeholder={t('product_search_placeholder')}
        value={search}
        aria-invalid={problem || undefined}
        aria-describedby={problem ? `${ids}-product-err` : undefined}
        aria-controls={`${ids}-results`}
        onChange={(e) => setSearch(e.target.value)}
      />
      {problem ? (
        <p className="field-error" id={`${ids}-product-err`}>
          {t('product_required')}
        </p>
      ) : null}
      <ul className="pick-list" id={`${ids}-results`} aria-live="polite">
        {results.isPending ? <li className="muted">{t('products_loading')}</li> : null}
        {!results.isPending && items.length === 0 ? <li className="muted">{t('product_none')}</li> : null}
        {items.map((p) => (
          <li key={p.id}>
            <button type="button" className="pick" onClick={() => onPick(p)}>
              <span>{p.name}</span>
              <span className="muted">{[p.category, u(p.unit)].filter(Boolean).join(' · ')}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
