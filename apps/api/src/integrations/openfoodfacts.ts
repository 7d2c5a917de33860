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

/** Known answers (a product, or "unknown") are kept this long, for at most CACHE_SIZE barcodes. */
const CACHE_MS = 10 * 60_000;
const CACHE_SIZE = 1_000;

/**
 * Open Food Facts' read API (`/api/v2/product/<barcode>.json`), behind `OPENFOODFACTS_ENABLED` with its base URL
 * configurable (a local fake in tests) and a 2 s budget. No SDK: one documented GET. The same barcode asked again
 * (a second phone, the form opened twice, a retry) is answered from memory for 10 minutes, and two asks at once
 * share one request: Open Food Facts asks its users not to repeat lookups. Failures and timeouts are not kept.
 */
export function createFoodFacts(config: Pick<Config, 'openFoodFacts'>): FoodFacts {
  const { enabled, baseUrl, timeoutMs } = config.openFoodFacts;
  if (!enabled) return { enabled: false, find: async () => null };
  const base = baseUrl.replace(/\/+$/, '');
  const kept = new Map<string, { until: number; answer: Promise<FoodFactsProduct | null> }>();

  async function ask(barcode: string): Promise<{ product: FoodFactsProduct | null; keep: boolean }> {
    try {
      const res = await fetch(`${base}/api/v2/product/${barcode}.json?fields=${FIELDS}`, {
        headers: { 'user-agent': USER_AGENT, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      // 404 is Open Food Facts' "unknown product": an answer worth keeping; other statuses are failures.
      if (!res.ok) return { product: null, keep: res.status === 404 };
      const body = (await res.json()) as OffAnswer;
      const product = body.status === 1 ? body.product : undefined;
      const name = clean(product?.product_name_fr || product?.product_name, 200);
      if (!product || !name) return { product: null, keep: true };
      const categories = (product.categories ?? '').split(',').map((c) => c.trim());
      return {
        product: {
          name,
          brand: clean(product.brands?.split(',')[0], 100),
          category: clean(categories.filter(Boolean).at(-1), 100),
          quantity: clean(product.quantity, 50),
        },
        keep: true,
      };
    } catch {
      return { product: null, keep: false };
    }
  }

  return {
    enabled: true,
    find(barcode) {
      if (!/^\d{8,14}$/.test(barcode)) return Promise.resolve(null);
      const now = Date.now();
      const hit = kept.get(barcode);
      if (hit && hit.until > now) return hit.answer;
      if (kept.size >= CACHE_SIZE) kept.delete(kept.keys().next().value as string);
      const asked = ask(barcode);
      const answer = asked.then((a) => a.product);
      kept.set(barcode, { until: now + CACHE_MS, answer });
      void asked.then((a) => {
        if (!a.keep && kept.get(barcode)?.answer === answer) kept.delete(barcode);
      });
      return answer;
    },
  };
}
