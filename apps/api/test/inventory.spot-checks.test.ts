import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });

describe('inventory.spotChecks', () => {
  it('expected = last counted (summed over places) − losses since; the counts never change', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const gin = await t.db
      .insertInto('products')
      .values({ tenant_id: f.tenantId, service_id, name: 'Gin', unit: 'pcs' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const owner = t.trpc(f.owner.token).inventory;
    const bar = await owner.locations.create.mutate({ service_id, name: 'Bar' });
    await owner.counts.upsert.mutate({
      service_id,
      month: '2026-10',
      lines: [
        { product_id: gin.id, quantity: 4, counted_at: '2026-10-31T20:00:00Z' },
        { product_id: gin.id, quantity: 6, location_id: bar.id, counted_at: '2026-10-31T20:00:00Z' },
      ],
    });
    await t.db
      .insertInto('loss_events')
      .values([
        {
          tenant_id: f.tenantId,
          service_id,
          product_id: gin.id,
          occurred_at: '2026-11-03T10:00:00Z',
          inventory_month: '2026-11',
          quantity: 1.5,
          unit: 'pcs',
          reason: 'breakage',
        },
        {
          tenant_id: f.tenantId,
          service_id,
          product_id: gin.id,
          occurred_at: '2026-10-02T10:00:00Z',
          inventory_month: '2026-10',
          quantity: 9,
          unit: 'pcs',
          reason: 'breakage',
        },
      ])
      .execute();
    const before = await t.db
      .selectFrom('counts')
      .selectAll()
      .where('product_id', '=', gin.id)
      .orderBy('id')
      .execute();

    const op = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const check = await t.trpc(op.token).inventory.spotChecks.create.mutate({
      service_id,
      product_id: gin.id,
      location_id: bar.id,
      quantity: 7,
    });
    expect(check).toMatchObject({
      product_name: 'Gin',
      inventory_month: '2026-11',
      quantity: 7,
      expected: 8.5,
      difference: -1.5,
      checked_by: op.id,
      location_id: bar.id,
    });
    expect(
      await t.db.selectFrom('counts').selectAll().where('product_id', '=', gin.id).orderBy('id').execute(),
    ).toEqual(before);
    const list = await owner.spotChecks.list.query({ service_id, month: '2026-11' });
    expect(list.items.map((i) => i.id)).toEqual([check.id]);
    expect((await owner.spotChecks.list.query({ service_id, month: '2026-10' })).items).toEqual([]);
  });

  it('a product never counted has no expected value; another service’s product is 404', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'ESSENTIEL' });
    const service_id = f.services[0]!.id;
    const rum = await t.db
      .insertInto('products')
      .values({ tenant_id: f.tenantId, service_id, name: 'Rhum', unit: 'pcs' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const api = t.trpc(f.owner.token).inventory.spotChecks;
    expect(await api.create.mutate({ service_id, product_id: rum.id, quantity: 2 })).toMatchObject({
      expected: null,
      difference: null,
    });
    const other = await createTenantFixture(t.db, t.config, { now: NOW });
    const foreign = await t.db
      .insertInto('products')
      .values({ tenant_id: other.tenantId, service_id: other.services[0]!.id, name: 'X', unit: 'pcs' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(
      (await failure(api.create.mutate({ service_id, product_id: foreign.id, quantity: 1 }))).data,
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('is additive-idempotent: a replay answers the first check, another body with the key is 409', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'ESSENTIEL' });
    const service_id = f.services[0]!.id;
    const gin = await t.db
      .insertInto('products')
      .values({ tenant_id: f.tenantId, service_id, name: 'Gin', unit: 'pcs' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const owner = t.trpc(f.owner.token).inventory;
    await owner.counts.upsert.mutate({
      service_id,
      month: '2026-10',
      lines: [{ product_id: gin.id, quantity: 5 }],
    });
    const body = { service_id, product_id: gin.id, quantity: 4, idempotency_key: 'check-gin-1' };
    const first = await owner.spotChecks.create.mutate(body);
    // The expected figure moves, yet the replay answers what was first stored.
    await owner.counts.upsert.mutate({
      service_id,
      month: '2026-11',
      lines: [{ product_id: gin.id, quantity: 9 }],
    });

    const again = await owner.spotChecks.create.mutate(body);

    expect(again).toEqual(first);
    expect(first).toMatchObject({ expected: 5, difference: -1 });
    const rows = () =>
      t.db.selectFrom('spot_checks').select('id').where('tenant_id', '=', f.tenantId).execute();
    expect(await rows()).toEqual([{ id: first.id }]);

    const mismatch = await failure(owner.spotChecks.create.mutate({ ...body, quantity: 3 }));

    expect(mismatch.data).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', http_status: 409 });
    expect(await rows()).toEqual([{ id: first.id }]);
    const fresh = await owner.spotChecks.create.mutate({ ...body, idempotency_key: 'check-gin-2' });
    expect(fresh).toMatchObject({ expected: 9, difference: -5 });
    expect(fresh.id).not.toBe(first.id);
  });
});
