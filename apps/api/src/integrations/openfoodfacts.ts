import type { Config } from '../config';

/** What Open Food Facts knows of a barcode, as the product form pre-fills it. */
export interface FoodFactsProduct {
  name: string;
  brand: string | null;
  /** The most specific French (else English) category, e.g. "Bières blondes". */
  category: string | null;
  /** As printed on the pack: "33 cl", "1 kg". */
  quantity: string | null;
}

export interface FoodFacts {
  readonly enabled: boolean;
  /** null when unknown, off, slow (timeout) or failing: a suggestion, never an error. */
  find(barcode: string): Promise<FoodFactsProduct | null>;
}

const FIELDS = 'product_name,product_name_fr,brands,categories,quantity';
const USER_AGENT = 'StockScan/1.0 (inventory SaaS; contact via stockscan website)';

interface OffAnswer {
  status?: number;
  product?: {
    product_name?: string;
    product_name_fr?: string;
    brands?: string;
    categories?: string;
    quantity?: string;
  };
}

const clean = (value: string | undefined, max: number) => {
  const text = value?.trim();
  return text ? text.slice(0, max) : null;
};

/**
 * Open Food Facts' read API (`/api/v2/product/<barcode>.json`), behind `OPENFOODFACTS_ENABLED` with its base URL
 * configurable (a local fake in tests) and a 2 s budget. No SDK: one documented GET.
 */
export function createFoodFacts(config: Pick<Config, 'openFoodFacts'>): FoodFacts {
  const { enabled, baseUrl, timeoutMs } = config.openFoodFacts;
  if (!enabled) return { enabled: false, find: async () => null };
  const base = baseUrl.replace(/\/+$/, '');
  return {
    enabled: true,
    async find(barcode) {
      if (!/^\d{8,14}$/.test(barcode)) return null;
      try {
        const res = await fetch(`${base}/api/v2/product/${barcode}.json?fields=${FIELDS}`, {
          headers: { 'user-agent': USER_AGENT, accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!res.ok) return null;
        const body = (await res.json()) as OffAnswer;
        const product = body.status === 1 ? body.product : undefined;
        const name = clean(product?.product_name_fr || product?.product_name, 200);
        if (!product || !name) return null;
        const categories = (product.categories ?? '').split(',').map((c) => c.trim());
        return {
          name,
          brand: clean(product.brands?.split(',')[0], 100),
          category: clean(categories.filter(Boolean).at(-1), 100),
          quantity: clean(product.quantity, 50),
        };
      } catch {
        return null;
      }
    },
  };
}
