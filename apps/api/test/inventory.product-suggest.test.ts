import { startFakeServer } from '@stockscan/testing/fake-http';
import { failure } from '@stockscan/testing/trpc-failure';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

/** #17: an unknown barcode of a food service is pre-filled from Open Food Facts (a local fake here). */

const NOW = new Date('2026-11-15T10:00:00Z');
const off = await startFakeServer();
const t = await startTestApp({
  now: NOW,
  env: {
    OPENFOODFACTS_ENABLED: 'true',
    OPENFOODFACTS_BASE_URL: off.url,
    OPENFOODFACTS_TIMEOUT_MS: '300',
  },
});
afterAll(() => off.close());

const KNOWN = '3017620422003';

beforeEach(() => {
  off.reset();
  off.handle((req) =>
    req.path === `/api/v2/product/${KNOWN}.json`
      ? {
          json: {
            status: 1,
            product: {
              product_name: 'Nutella',
              product_name_fr: 'Nutella pâte à tartiner',
              brands: 'Ferrero, Nutella',
              categories: 'Petit-déjeuners, Produits à tartiner, Pâtes à tartiner aux noisettes',
              quantity: '400 g',
            },
          },
        }
      : { json: { status: 0, status_verbose: 'product not found' } },
  );
});

async function tenant(serviceType: 'bar' | 'retail_general' = 'bar') {
  const f = await createTenantFixture(t.db, t.config, {
    now: NOW,
    services: [{ name: 'Service', service_type: serviceType }],
  });
  return { ...f, serviceId: f.services[0]!.id };
}

describe('inventory.products.suggest', () => {
  it('a known barcode → name (French first), first brand, most specific category, pack quantity', async () => {
    const f = await tenant();

    const result = await t.trpc(f.owner.token).inventory.products.suggest.query({
      service_id: f.serviceId,
      barcode: KNOWN,
    });

    expect(result).toEqual({
      source: 'openfoodfacts',
      suggestion: {
        name: 'Nutella pâte à tartiner',
        brand: 'Ferrero',
        category: 'Pâtes à tartiner aux noisettes',
        quantity: '400 g',
      },
    });
    expect(off.requests).toHaveLength(1);
    expect(off.requests[0]?.query.get('fields')).toContain('product_name');
    expect(off.requests[0]?.headers['user-agent']).toMatch(/^StockScan\//);
  });

  it('unknown, failing or slow (timeout) → no suggestion, never an error, within the budget', async () => {
    const f = await tenant();
    const api = t.trpc(f.owner.token).inventory.products;

    const unknown = await api.suggest.query({ service_id: f.serviceId, barcode: '12345678' });
    off.handle(() => ({ status: 500, text: 'boom' }));
    const failing = await api.suggest.query({ service_id: f.serviceId, barcode: '3017620422010' });
    off.handle(() => ({ hang: true }));
    const started = Date.now();
    const slow = await api.suggest.query({ service_id: f.serviceId, barcode: '3017620422027' });

    const none = { suggestion: null, source: null };
    expect([unknown, failing, slow]).toEqual([none, none, none]);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('the same barcode asked twice at once, then again, is one request; a failure is asked again', async () => {
    const f = await tenant();
    const api = t.trpc(f.owner.token).inventory.products;
    const code = '3017620422034';
    off.handle(() => ({ status: 500, text: 'boom' }));
    await api.suggest.query({ service_id: f.serviceId, barcode: code });
    off.handle(() => ({ json: { status: 1, product: { product_name: 'Limonade', quantity: '75 cl' } } }));
    const answers = await Promise.all([
      api.suggest.query({ service_id: f.serviceId, barcode: code }),
      api.suggest.query({ service_id: f.serviceId, barcode: code }),
    ]);
    const later = await api.suggest.query({ service_id: f.serviceId, barcode: code });

    expect([...answers, later].map((a) => a.suggestion?.name)).toEqual(['Limonade', 'Limonade', 'Limonade']);
    expect(off.requests.map((r) => r.path)).toEqual([
      `/api/v2/product/${code}.json`,
      `/api/v2/product/${code}.json`,
    ]);
  });

  it('a shop (not food) is never looked up; a malformed code is 400; another tenant’s service is 404', async () => {
    const shop = await tenant('retail_general');
    const other = await tenant();

    const result = await t
      .trpc(shop.owner.token)
      .inventory.products.suggest.query({ service_id: shop.serviceId, barcode: KNOWN });
    const malformed = await failure(
      t
        .trpc(shop.owner.token)
        .inventory.products.suggest.query({ service_id: shop.serviceId, barcode: 'abc' }),
    );
    const foreign = await failure(
      t
        .trpc(shop.owner.token)
        .inventory.products.suggest.query({ service_id: other.serviceId, barcode: KNOWN }),
    );

    expect(result).toEqual({ suggestion: null, source: null });
    expect(off.requests).toHaveLength(0);
    expect(malformed.data).toMatchObject({ code: 'VALIDATION_ERROR', http_status: 400 });
    expect(foreign.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
  });
});
