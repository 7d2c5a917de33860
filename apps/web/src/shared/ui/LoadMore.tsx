/** What "show more" needs of a paged list (react-query's infinite query result fits it as it is). */
export interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Afficher plus" under a paged list: the next page, the button disabled while it comes; nothing when all is shown. */
export function LoadMore({
  list,
  label,
  loadingLabel,
}: {
  list: PagedList;
  label: string;
  loadingLabel: string;
}) {
  if (!list.hasNextPage) return null;
  return (
    <p className="list-more">
      <button
        type="button"
        className="button"
        disabled={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
      >
        {list.isFetchingNextPage ? loadingLabel : label}
      </button>
    </p>
  );
}
