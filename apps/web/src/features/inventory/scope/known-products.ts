import type { AppRouter } from '@stockscan/api';
import type { InfiniteData } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
type ListResult = Outputs['inventory']['products']['list'];
export type KnownProduct = ListResult['items'][number];
type ScreenPage = Outputs['inventory']['counts']['screen'];
type ScreenProduct = ScreenPage['items'][number]['product'];
type Kept<T> = Iterable<readonly [readonly unknown[], T | undefined]>;

/** A product known on the phone matches a search when every word typed is in its name, brand or codes. */
export function matches(
  product: Pick<KnownProduct, 'name' | 'brand' | 'barcode' | 'internal_sku'>,
  search: string,
): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const haystack = fold(
    [product.name, product.brand, product.barcode, product.internal_sku].filter(Boolean).join(' '),
  );
  return fold(search)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** A count screen's product as a catalogue product: what the screen does not carry is unknown (null). */
function fromScreen(product: ScreenProduct, serviceId: string): KnownProduct {
  return {
    supplier: null,
    supplier_id: null,
    selling_price: null,
    vat_rate: null,
    par_level: null,
    conversion_unit: null,
    conversion_factor: null,
    variant_name: null,
    product_role: null,
    notes: null,
    archived_at: null,
    created_at: '',
    updated_at: '',
    ...product,
    service_id: serviceId,
  };
}

const inputOf = (key: readonly unknown[]) =>
  (key[1] as { input?: { service_id?: string } } | undefined)?.input;

/**
 * The service's products the phone already has — product lists and searches answered before, then the count
 * screen's pages (the whole catalogue once scrolled) — that match `search`: the answer when there is no network.
 */
export function knownProducts(
  lists: Kept<ListResult>,
  screens: Kept<InfiniteData<ScreenPage>>,
  serviceId: string,
  search: string,
  limit: number,
): KnownProduct[] {
  const known = new Map<string, KnownProduct>();
  for (const [, page] of lists)
    for (const product of page?.items ?? [])
      if (product.service_id === serviceId) known.set(product.id, product);
  for (const [key, data] of screens) {
    if (inputOf(key)?.service_id !== serviceId) continue;
    for (const page of data?.pages ?? [])
      for (const { product } of page.items)
        if (!known.has(product.id)) known.set(product.id, fromScreen(product, serviceId));
  }
  return [...known.values()]
    .filter((p) => matches(p, search))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}
