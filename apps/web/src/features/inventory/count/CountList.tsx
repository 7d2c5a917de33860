import { useEffect, useRef } from 'react';
import { useT } from '../../../i18n/i18n';
import { ErrorMessage } from '../../../shared/feedback/ErrorMessage';
import { m } from '../messages';
import { teamMessages } from '../team/team-messages';
import { CountRow } from './CountRow';
import { EmptyList } from './EmptyList';
import { type RowSync, rowSyncProps } from './row-sync';
import type { CountScreenState } from './useCountScreen';

/** The month's rows, loading the next page as the end of the list comes near (or on a button). */
export function CountList({
  state,
  rows,
  total,
  onScan,
}: {
  state: CountScreenState;
  rows: RowSync;
  total: number;
  onScan: () => void;
}) {
  const t = useT(m);
  const tt = useT(teamMessages);
  const { screen, items, filters } = state;
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = screen;
  const listed = !screen.isPending && items.length > 0;
  useEffect(() => {
    const el = sentinel.current;
    if (!listed || !el || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [listed, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (screen.isPending)
    return (
      <p className="muted" role="status">
        {t('loading')}
      </p>
    );
  if (screen.error && items.length === 0)
    return <ErrorMessage error={screen.error} onRetry={() => void screen.refetch()} />;
  if (items.length === 0) {
    const { search, category, status } = filters;
    return (
      <EmptyList
        filtered={Boolean(search || category || status !== 'all')}
        allCounted={status === 'uncounted' && !search && !category && total > 0}
        onClearFilters={filters.clearFilters}
        onScan={onScan}
      />
    );
  }
  return (
    <>
      <ul className="count-list">
        {items.map(({ product, lines, shelf_position, recount }, i) => {
          const props = rowSyncProps(rows, product.id);
          // In a place, its shelves come first; the products not stored there follow under a heading.
          const offShelf =
            rows.locationId !== null &&
            shelf_position === null &&
            i > 0 &&
            items[i - 1]?.shelf_position !== null;
          return (
            <li key={product.id} className={props.entry ? 'has-pending' : undefined}>
              {offShelf ? <p className="off-shelf">{tt('off_shelf')}</p> : null}
              <CountRow product={product} pageLines={lines} recount={recount} {...props} />
            </li>
          );
        })}
      </ul>
      <div ref={sentinel} className="list-end">
        {hasNextPage ? (
          <button
            type="button"
            className="button"
            disabled={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {isFetchingNextPage ? t('loading_more') : t('load_more')}
          </button>
        ) : (
          <p className="muted">{t('end_of_list')}</p>
        )}
        {screen.error ? <ErrorMessage error={screen.error} onRetry={() => void fetchNextPage()} /> : null}
      </div>
    </>
  );
}
