import type { Category, ServiceView } from '@stockscan/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { CategoryItem } from './CategoryItem';
import { stockMessages } from './stock-control-messages';

/** A service's categories with their products: rename, merge into another, delete an empty one. */
export function ServiceCategories({ service, canManage }: { service: ServiceView; canManage: boolean }) {
  const t = useT(stockMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.inventory.categories.list.queryOptions({ service_id: service.id }));
  const categories: Category[] = list.data?.items ?? [];
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.inventory.categories.pathFilter());
    // Products and counts show the new category names.
    void queryClient.invalidateQueries(trpc.inventory.products.pathFilter());
    void queryClient.invalidateQueries(trpc.inventory.counts.pathFilter());
  };
  return (
    <details className="service-categories">
      <summary>{t('categories_summary', { n: categories.length })}</summary>
      {list.error ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && categories.length === 0 ? <p className="empty">{t('categories_empty')}</p> : null}
      {categories.length > 0 ? (
        <ul className="category-list">
          {categories.map((category) => (
            <CategoryItem
              key={category.id}
              category={category}
              others={categories.filter((c) => c.id !== category.id)}
              canManage={canManage}
              onChanged={refresh}
            />
          ))}
        </ul>
      ) : null}
      {!canManage && categories.length > 0 ? (
        <p className="alert alert-warn">{t('categories_readonly')}</p>
      ) : null}
    </details>
  );
}
