import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

/** #17: counting like a bartender — cases and units, weighing an opened bottle (SPEC §11). */

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

async function bar() {
  const f = await createTenantFixture(t.db, t.config, { now: NOW });
  const serviceId = f.services[0]!.id;
  const api = t.trpc(f.owner.token).inventory;
  const product = async (values: Record<string, unknown>) =>
    (await api.products.create.mutate({ service_id: serviceId, name: `P${Math.random()}`, ...values }))
      .product;
  return { ...f, serviceId, api, product };
}

const stored = (productId: string) =>
  t.db
    .selectFrom('counts')
    .select(['quantity', 'container_status', 'remaining_fraction', 'weight_g'])
    .where('product_id', '=', productId)
    .execute();

describe('cases and units', () => {
  it('3 cartons of 24 + 4 loose = 76 stored', async () => {
    const f = await bar();
    const beer = await f.product({ name: 'Bière 25 cl', pack_size: 24 });

    const result = await f.api.counts.upsert.mutate({
      service_id: f.serviceId,
      month: MONTH,
      lines: [{ product_id: beer.id, packs: 3, quantity: 4 }],
    });

    expect(result.counts[0]).toMatchObject({ quantity: 76 });
    expect(await stored(beer.id)).toEqual([
      { quantity: 76, container_status: 'SEALED', remaining_fraction: null, weight_g: null },
    ]);
  });

  it('packs of a product without a pack size → 400 on that line, nothing written', async () => {
    const f = await bar();
    const gin = await f.product({ name: 'Gin' });
    const beer = await f.product({ name: 'Bière', pack_size: 24 });

    const error = await failure(
      f.api.counts.upsert.mutate({
        service_id: f.serviceId,
        month: MONTH,
        lines: [
          { product_id: beer.id, packs: 1, quantity: 0 },
          { product_id: gin.id, packs: 2, quantity: 0 },
        ],
      }),
    );

    expect(error.data).toMatchObject({ code: 'VALIDATION_ERROR', http_status: 400 });
    expect(Object.keys(error.data.fields as object)).toEqual(['lines.1.packs']);
    expect([...(await stored(gin.id)), ...(await stored(beer.id))]).toEqual([]);
  });
});

describe('weighing an opened bottle', () => {
  it('865 g of a 1,200 g bottle weighing 530 g empty → half left, the weight kept; the stock is 2.5', async () => {
    const f = await bar();
    const rum = await f.product({ name: 'Rhum 70 cl', full_weight_g: 1200, empty_weight_g: 530 });

    await f.api.counts.upsert.mutate({
      service_id: f.serviceId,
      month: MONTH,
      lines: [{ product_id: rum.id, quantity: 2, container_status: 'OPENED', weight_g: 865 }],
    });
    const screen = await f.api.counts.screen.query({ service_id: f.serviceId, month: MONTH });

    expect(await stored(rum.id)).toEqual([
      { quantity: 2, container_status: 'OPENED', remaining_fraction: 0.5, weight_g: 865 },
    ]);
    const item = screen.items.find((i) => i.product.id === rum.id);
    expect(item?.total).toBe(2.5);
    // The count screen knows the weights (it computes the fraction as it is typed) and shows the weight read.
    expect(item?.product).toMatchObject({ full_weight_g: 1200, empty_weight_g: 530 });
    expect(item?.lines.map((line) => line.weight_g)).toEqual([865]);
    const changes = await f.api.counts.changes.query({ service_id: f.serviceId, month: MONTH });
    expect(changes.lines.map((line) => line.weight_g)).toEqual([865]);
  });

  it('under the empty weight is empty, over the full one is full (a scale read by eye)', async () => {
    const f = await bar();
    const rum = await f.product({ name: 'Rhum', full_weight_g: 1200, empty_weight_g: 530 });
    const upsert = (weight_g: number) =>
      f.api.counts.upsert.mutate({
        service_id: f.serviceId,
        month: MONTH,
        lines: [{ product_id: rum.id, quantity: 0, container_status: 'OPENED', weight_g }],
      });

    const light = await upsert(500);
    t.clock.advance(1000);
    const heavy = await upsert(1300);
    t.clock.set(NOW);

    expect(light.counts[0]?.remaining_fraction).toBe(0);
    expect(heavy.counts[0]).toMatchObject({ remaining_fraction: 1, weight_g: 1300 });
  });

  it('refused: a weight without the product’s weights (400 on the line), a sealed weight, weight and fraction both', async () => {
    const f = await bar();
    const vodka = await f.product({ name: 'Vodka' });
    const line = { product_id: vodka.id, quantity: 1 };
    const send = (extra: Record<string, unknown>) =>
      failure(
        f.api.counts.upsert.mutate({
          service_id: f.serviceId,
          month: MONTH,
          lines: [{ ...line, ...extra }],
        }),
      );

    const noWeights = await send({ container_status: 'OPENED', weight_g: 800 });
    const sealed = await send({ weight_g: 800 });
    const both = await send({ container_status: 'OPENED', weight_g: 800, remaining_fraction: 0.5 });

    expect(noWeights.data.fields).toEqual({
      'lines.0.weight_g': 'Renseignez le poids plein et le poids vide du produit pour le peser.',
    });
    expect(sealed.data).toMatchObject({ code: 'VALIDATION_ERROR', http_status: 400 });
    expect(both.data).toMatchObject({ code: 'VALIDATION_ERROR', http_status: 400 });
    expect(await stored(vodka.id)).toEqual([]);
  });

  it('a product’s empty weight must be under its full weight (create and update)', async () => {
    const f = await bar();

    const created = await failure(f.product({ name: 'X', full_weight_g: 500, empty_weight_g: 600 }));
    const rum = await f.product({ name: 'Rhum', full_weight_g: 1200, empty_weight_g: 530 });
    const updated = await failure(f.api.products.update.mutate({ id: rum.id, full_weight_g: 400 }));
    const fine = await f.api.products.update.mutate({ id: rum.id, full_weight_g: 1190 });

    expect(created.data.fields).toEqual({
      empty_weight_g: 'Le poids vide doit être inférieur au poids plein.',
    });
    expect(updated.data.fields).toEqual({
      empty_weight_g: 'Le poids vide doit être inférieur au poids plein.',
    });
    expect(fine.product).toMatchObject({ full_weight_g: 1190, empty_weight_g: 530 });
  });
});
