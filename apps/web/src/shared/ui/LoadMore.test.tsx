import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LoadMore } from './LoadMore';

const list = (over: { hasNextPage?: boolean; isFetchingNextPage?: boolean } = {}) => ({
  hasNextPage: true,
  isFetchingNextPage: false,
  fetchNextPage: async () => undefined,
  ...over,
});

describe('LoadMore', () => {
  it('offers the next page, and says it is coming (disabled) while it loads', () => {
    expect(
      renderToStaticMarkup(<LoadMore list={list()} label="Afficher plus" loadingLabel="Chargement…" />),
    ).toBe('<p class="list-more"><button type="button" class="button">Afficher plus</button></p>');
    expect(
      renderToStaticMarkup(
        <LoadMore
          list={list({ isFetchingNextPage: true })}
          label="Afficher plus"
          loadingLabel="Chargement…"
        />,
      ),
    ).toBe('<p class="list-more"><button type="button" class="button" disabled="">Chargement…</button></p>');
  });

  it('shows nothing once every page is there', () => {
    expect(
      renderToStaticMarkup(
        <LoadMore list={list({ hasNextPage: false })} label="Afficher plus" loadingLabel="…" />,
      ),
    ).toBe('');
  });
});
