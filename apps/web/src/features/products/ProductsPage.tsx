import { can, PLAN_NAMES } from '@stockscan/entitlements';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { LoadMore } from '../../shared/ui/LoadMore';
import { GatedButton } from '../entitlements/GatedButton';
import { useEntitlements, useRefreshEntitlements } from '../entitlements/useEntitlements';
import { formatMoney, formatQty } from '../inventory/scope/format';
import { ScopeBar, ScopeGate } from '../inventory/scope/ScopeBar';
import { unitMessages } from '../inventory/scope/units';
import { useScope } from '../inventory/scope/useScope';
import { m } from './messages';
import { ParInput } from './ParInput';
import type { Product } from './product-form';
import './products.css';

const PAGE_SIZE = 50;

/** The catalogue of a service: find, filter, create, edit, archive and restore. */
export function ProductsPage() {
  const t = useT(m);
  const scope = useScope();
  if (!scope.service)
    return (
      <section className="page products-page">
        <h1>{t('title')}</h1>
        <ScopeGate scope={scope} />
      </section>
    );
  return <Catalogue key={scope.service.id} scope={scope} />;
}

function Catalogue({ scope }: { scope: ReturnType<typeof useScope> }) {
  const t = useT(m);
  const ids = useId();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const service = scope.service!;
  const { canAdd, data: ent } = useEntitlements();
  const me = useQuery(trpc.auth.me.queryOptions());
  const canArchive = can(me.data?.role, 'catalogue.manage');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const [archived, setArchived] = useState(false);
  // The quick "par" column: fill many products' par levels in one pass down the list.
  const [parMode, setParMode] = useState(false);
  const queryClient = useQueryClient();
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 300);
    return () => clearTimeout(timer);
  }, [searchText]);
  const categories = useQuery(trpc.inventory.categories.list.queryOptions({ service_id: service.id }));
  const list = useInfiniteQuery(
    trpc.inventory.products.list.infiniteQueryOptions(
      {
        service_id: service.id,
        limit: PAGE_SIZE,
        ...(search ? { search } : {}),
        ...(category ? { category } : {}),
        ...(archived ? { archived: true } : {}),
      },
      { getNextPageParam: (last) => last.next_cursor ?? undefined },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const limit = ent?.limits.max_products ?? null;
  const newHref = `/app/products/new?service=${service.id}`;

  return (
    <section className="page products-page">
      <header className="products-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('lead')}</p>
        </div>
        <GatedButton verdict={canAdd('max_products')} onClick={() => navigate(newHref)}>
          <span aria-hidden="true">+</span> {t('new_product')}
        </GatedButton>
      </header>
      <ScopeBar scope={scope} noMonth />
      {ent && limit !== null ? (
        <p className="muted usage">
          {t('usage', { count: ent.usage.products_count, limit, plan: PLAN_NAMES[ent.plan_effective] })}
        </p>
      ) : null}

      <div className="products-filters">
        <div>
          <label htmlFor={`${ids}-q`}>{t('search_label')}</label>
          <input
            id={`${ids}-q`}
            type="search"
            autoComplete="off"
            placeholder={t('search_placeholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </div>
        {(categories.data?.items.length ?? 0) > 0 ? (
          <div>
            <label htmlFor={`${ids}-cat`}>{t('category_label')}</label>
            <select id={`${ids}-cat`} value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{t('all_categories')}</option>
              {categories.data?.items.map((c) => (
                <option key={c.id} value={c.name}>
                  {c.name} ({c.product_count})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor={`${ids}-arch`}>{t('show_label')}</label>
          <select
            id={`${ids}-arch`}
            value={archived ? 'archived' : 'live'}
            onChange={(e) => setArchived(e.target.value === 'archived')}
          >
            <option value="live">{t('show_live')}</option>
            <option value="archived">{t('show_archived')}</option>
          </select>
        </div>
      </div>

      {canArchive && !archived ? (
        <p className="par-toggle">
          <button
            type="button"
            className="button"
            aria-pressed={parMode}
            onClick={() => {
              // Leaving the par column: the list's lines say the levels just typed.
              if (parMode) void queryClient.invalidateQueries(trpc.inventory.products.pathFilter());
              setParMode(!parMode);
            }}
          >
            {parMode ? t('par_mode_done') : t('par_mode')}
          </button>
          {parMode ? <span className="muted"> {t('par_mode_hint')}</span> : null}
        </p>
      ) : null}

      {list.isPending ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : list.error && items.length === 0 ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <div className="card empty-state">
          {archived ? (
            <p>{t('empty_archived')}</p>
          ) : search || category ? (
            <>
              <p>{t('empty_filtered')}</p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSearchText('');
                  setCategory('');
                }}
              >
                {t('clear_filters')}
              </button>
            </>
          ) : (
            <>
              <p>
                <strong>{t('empty')}</strong>
              </p>
              <p>{t('empty_hint')}</p>
              <div className="form-actions">
                <Link className="button button-primary" to={newHref}>
                  {t('new_product')}
                </Link>
                <Link className="button" to="/app/inventory">
                  {t('empty_count')}
                </Link>
              </div>
            </>
          )}
        </div>
      ) : (
        <>
          <ul className="product-list">
            {items.map((product) => (
              <ProductItem
                key={product.id}
                product={product}
                canArchive={canArchive}
                parMode={parMode && !archived}
              />
            ))}
          </ul>
          <LoadMore list={list} label={t('load_more')} loadingLabel={t('loading_more')} />
        </>
      )}
    </section>
  );
}

function ProductItem({
  product,
  canArchive,
  parMode,
}: {
  product: Product;
  canArchive: boolean;
  parMode: boolean;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const refreshEntitlements = useRefreshEntitlements();
  const { data: ent } = useEntitlements();
  const currency = ent?.currency_code ?? 'EUR';
  const after = (message: string) => {
    toast.ok(message);
    void queryClient.invalidateQueries(trpc.inventory.products.pathFilter());
    void queryClient.invalidateQueries(trpc.inventory.categories.pathFilter());
    void queryClient.invalidateQueries(trpc.inventory.counts.pathFilter());
    void refreshEntitlements();
  };
  const archive = useMutation(
    trpc.inventory.products.archive.mutationOptions({
      onSuccess: ({ product: p }) => after(t('archived_done', { name: p.name })),
      onError: (error) => showError(error),
    }),
  );
  const restore = useMutation(
    trpc.inventory.products.restore.mutationOptions({
      onSuccess: ({ product: p }) => after(t('restored_done', { name: p.name })),
      onError: (error) => showError(error),
    }),
  );
  const meta = [
    product.category,
    product.brand,
    product.variant_value,
    product.barcode ?? product.internal_sku,
    u(product.unit),
    product.purchase_price !== null ? formatMoney(locale, currency, product.purchase_price) : null,
    product.min_qty !== null ? `min ${formatQty(locale, product.min_qty)}` : null,
    product.par_level !== null && !parMode
      ? t('par_meta', { qty: formatQty(locale, product.par_level) })
      : null,
  ].filter(Boolean);
  return (
    <li className="product-item">
      <div className="product-text">
        <Link
          className="product-name"
          to={`/app/products/${product.id}`}
          aria-label={t('edit_label', { name: product.name })}
        >
          {product.name}
        </Link>
        <p className="muted product-meta">{meta.join(' · ')}</p>
      </div>
      {parMode ? (
        <ParInput product={product} />
      ) : canArchive ? (
        product.archived_at ? (
          <button
            type="button"
            className="button"
            disabled={restore.isPending}
            aria-label={t('restore_label', { name: product.name })}
            onClick={() => restore.mutate({ id: product.id })}
          >
            {t('restore')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-ghost"
            disabled={archive.isPending}
            aria-label={t('archive_label', { name: product.name })}
            onClick={() => archive.mutate({ id: product.id })}
          >
            {t('archive')}
          </button>
        )
      ) : null}
    </li>
  );
}
