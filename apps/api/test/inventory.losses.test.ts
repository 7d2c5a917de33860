import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

async function seedProduct(
  f: TenantFixture,
  serviceIndex: number,
  values: {
    name: string;
    unit?: 'pcs' | 'kg' | 'g' | 'l' | 'ml';
    purchase_price?: number;
    category?: string;
  },
) {
  const row = await t.db
    .insertInto('products')
    .values({
      tenant_id: f.tenantId,
      service_id: f.services[serviceIndex]!.id,
      name: values.name,
      unit: values.unit ?? 'pcs',
      purchase_price: values.purchase_price ?? null,
      category: values.category ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const lossesOf = (tenantId: string) =>
  t.db
    .selectFrom('loss_events')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('occurred_at')
    .execute();

describe('inventory.losses', () => {
  it('records a loss in the month it occurred, priced at purchase price with g→kg converted', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      plan: 'BOUTIQUE',
      services: [{ name: 'Salle', service_type: 'restaurant_dining' }],
    });
    const service_id = f.services[0]!.id;
    const flour = await seedProduct(f, 0, { name: 'Farine', unit: 'kg', purchase_price: 0.85 });
    const wine = await seedProduct(f, 0, { name: 'Vin', purchase_price: 4.2 });
    const lemon = await seedProduct(f, 0, { name: 'Citron' });
    const api = t.trpc(f.owner.token).inventory.losses;

    const spilled = await api.create.mutate({
      service_id,
      product_id: flour,
      quantity: 1500,
      unit: 'g',
      reason: 'expired',
      note: 'charançons',
    });
    expect(spilled).toMatchObject({
      product_name: 'Farine',
      quantity: 1500,
      unit: 'g',
      reason: 'expired',
      note: 'charançons',
      occurred_at: NOW.toISOString(),
      inventory_month: MONTH,
      created_by: f.owner.id,
      cost: 1.28,
    });
    const broken = await api.create.mutate({
      service_id,
      product_id: wine,
      quantity: 2,
      reason: 'breakage',
      occurred_at: '2026-10-31',
    });
    expect(broken).toMatchObject({
      unit: 'pcs',
      inventory_month: '2026-10',
      occurred_at: '2026-10-31T00:00:00.000Z',
      cost: 8.4,
    });
    await api.create.mutate({
      service_id,
      product_id: lemon,
      quantity: 5,
      reason: 'theft',
      occurred_at: '2026-11-02T08:00:00Z',
    });

    const november = await api.list.query({ service_id, month: MONTH });
    expect(november.items.map((l) => [l.product_name, l.reason, l.cost])).toEqual([
      ['Farine', 'expired', 1.28],
      ['Citron', 'theft', null],
    ]);
    expect(november).toMatchObject({ month: MONTH, total_cost: 1.28, retention_limited: false });
    const rows = await lossesOf(f.tenantId);
    expect(rows.map((r) => [r.inventory_month, r.quantity, r.unit, r.reason])).toEqual([
      ['2026-10', 2, 'pcs', 'breakage'],
      [MONTH, 5, 'pcs', 'theft'],
      [MONTH, 1500, 'g', 'expired'],
    ]);
  });

  it('ESSENTIEL → 403 FEATURE_NOT_INCLUDED with the plan to upgrade to; nothing written', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'ESSENTIEL' });
    const product_id = await seedProduct(f, 0, { name: 'Gin' });
    const error = await failure(
      t.trpc(f.owner.token).inventory.losses.create.mutate({
        service_id: f.services[0]!.id,
        product_id,
        quantity: 1,
        reason: 'breakage',
      }),
    );
    expect(error.data).toMatchObject({
      code: 'FEATURE_NOT_INCLUDED',
      http_status: 403,
      upgrade_to: 'BOUTIQUE',
    });
    expect(await lossesOf(f.tenantId)).toEqual([]);
  });

  it('refuses a future date, a zero quantity, an unknown reason (400)', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'BOUTIQUE' });
    const service_id = f.services[0]!.id;
    const product_id = await seedProduct(f, 0, { name: 'Gin' });
    const api = t.trpc(f.owner.token).inventory.losses;
    const future = await failure(
      api.create.mutate({
        service_id,
        product_id,
        quantity: 1,
        reason: 'breakage',
        occurred_at: '2026-11-17',
      }),
    );
    expect(future.data).toMatchObject({
      code: 'VALIDATION_ERROR',
      http_status: 400,
      fields: { occurred_at: expect.any(String) },
    });
    const zero = await failure(
      api.create.mutate({ service_id, product_id, quantity: 0, reason: 'breakage' }),
    );
    expect(Object.keys(zero.data.fields as object)).toEqual(['quantity']);
    const reason = await failure(
      api.create.mutate({ service_id, product_id, quantity: 1, reason: 'party' as unknown as 'other' }),
    );
    expect(Object.keys(reason.data.fields as object)).toEqual(['reason']);
    expect(await lossesOf(f.tenantId)).toEqual([]);
  });

  it('“today” typed in Paris at 00:30 (still yesterday in UTC) is today, not the future', async () => {
    const late = new Date('2026-11-15T23:30:00Z');
    t.clock.set(late);
    try {
      const f = await createTenantFixture(t.db, t.config, { now: late, plan: 'BOUTIQUE' });
      const service_id = f.services[0]!.id;
      const product_id = await seedProduct(f, 0, { name: 'Gin' });
      const loss = await t.trpc(f.owner.token).inventory.losses.create.mutate({
        service_id,
        product_id,
        quantity: 1,
        reason: 'breakage',
        occurred_at: '2026-11-16',
      });
      expect(loss.occurred_at).toBe('2026-11-16T00:00:00.000Z');
    } finally {
      t.clock.set(NOW);
    }
  });

  it('idempotency_key: a replay (even 5 at once) is one loss and the first answer; another body → 409', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'BOUTIQUE' });
    const service_id = f.services[0]!.id;
    const product_id = await seedProduct(f, 0, { name: 'Gin' });
    const api = t.trpc(f.owner.token).inventory.losses;
    const body = {
      service_id,
      product_id,
      quantity: 1,
      reason: 'breakage' as const,
      idempotency_key: 'loss-1',
    };

    const first = await api.create.mutate(body);
    const replays = await Promise.all(Array.from({ length: 5 }, () => api.create.mutate(body)));
    const other = await failure(api.create.mutate({ ...body, quantity: 2 }));
    const noKey = await Promise.all([api.create.mutate({ ...body, idempotency_key: undefined }), null]);

    expect(replays.map((loss) => loss.id)).toEqual(Array(5).fill(first.id));
    expect(replays[0]).toEqual(first);
    expect(other.data).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', http_status: 409 });
    expect(noKey[0]?.id).not.toBe(first.id);
    expect(await lossesOf(f.tenantId)).toHaveLength(2);
  });

  it('delete: managers, or the operator who recorded it; another operator gets 403', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'BOUTIQUE' });
    const service_id = f.services[0]!.id;
    const product_id = await seedProduct(f, 0, { name: 'Gin' });
    const alice = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', service_id, NOW);
    const bob = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', service_id, NOW);
    const mine = await t
      .trpc(alice.token)
      .inventory.losses.create.mutate({ service_id, product_id, quantity: 1, reason: 'mistake' });
    const refused = await failure(t.trpc(bob.token).inventory.losses.delete.mutate({ id: mine.id }));
    expect(refused.data).toMatchObject({ code: 'FORBIDDEN_ROLE', http_status: 403 });
    expect(await lossesOf(f.tenantId)).toHaveLength(1);
    expect(await t.trpc(alice.token).inventory.losses.delete.mutate({ id: mine.id })).toEqual({
      deleted: true,
    });
    const other = await t
      .trpc(bob.token)
      .inventory.losses.create.mutate({ service_id, product_id, quantity: 1, reason: 'free' });
    expect(await t.trpc(f.owner.token).inventory.losses.delete.mutate({ id: other.id })).toEqual({
      deleted: true,
    });
    expect(await lossesOf(f.tenantId)).toEqual([]);
  });

  it("another tenant's loss, product or service → 404; a scoped operator cannot reach another service", async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      plan: 'PRO',
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const other = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'PRO' });
    const [bar, kitchen] = [f.services[0]!.id, f.services[1]!.id];
    const gin = await seedProduct(f, 0, { name: 'Gin' });
    const butter = await seedProduct(f, 1, { name: 'Beurre', unit: 'kg' });
    const theirs = await seedProduct(other, 0, { name: 'Leur gin' });
    const theirLoss = await t.trpc(other.owner.token).inventory.losses.create.mutate({
      service_id: other.services[0]!.id,
      product_id: theirs,
      quantity: 1,
      reason: 'breakage',
    });
    const kitchenLoss = await t.trpc(f.owner.token).inventory.losses.create.mutate({
      service_id: kitchen,
      product_id: butter,
      quantity: 1,
      reason: 'expired',
    });
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', bar, NOW);
    const owner = t.trpc(f.owner.token).inventory.losses;
    const scoped = t.trpc(operator.token).inventory.losses;
    for (const call of [
      () => owner.delete.mutate({ id: theirLoss.id }),
      () => owner.list.query({ service_id: other.services[0]!.id, month: MONTH }),
      () => owner.create.mutate({ service_id: bar, product_id: theirs, quantity: 1, reason: 'theft' }),
      () => owner.create.mutate({ service_id: bar, product_id: butter, quantity: 1, reason: 'theft' }),
      () => scoped.list.query({ service_id: kitchen, month: MONTH }),
      () => scoped.create.mutate({ service_id: kitchen, product_id: butter, quantity: 1, reason: 'theft' }),
      () => scoped.delete.mutate({ id: kitchenLoss.id }),
    ]) {
      const error = await failure(call());
      expect(error.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    }
    expect(await lossesOf(other.tenantId)).toHaveLength(1);
    expect(await lossesOf(f.tenantId)).toHaveLength(1);
    await expect(
      scoped.create.mutate({ service_id: bar, product_id: gin, quantity: 1, reason: 'free' }),
    ).resolves.toMatchObject({ product_id: gin, created_by: operator.id });
  });

  it('ESSENTIEL reads losses of its last 14 days only', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'ESSENTIEL' });
    const service_id = f.services[0]!.id;
    const product_id = await seedProduct(f, 0, { name: 'Gin', purchase_price: 10 });
    await t.db
      .insertInto('loss_events')
      .values(
        (['2026-10', MONTH] as const).map((inventory_month) => ({
          tenant_id: f.tenantId,
          service_id,
          product_id,
          occurred_at: `${inventory_month}-05T12:00:00Z`,
          inventory_month,
          quantity: 1,
          unit: 'pcs' as const,
          reason: 'breakage' as const,
        })),
      )
      .execute();
    const api = t.trpc(f.owner.token).inventory.losses;
    expect(await api.list.query({ service_id, month: '2026-10' })).toEqual({
      month: '2026-10',
      items: [],
      total_cost: 0,
      total_count: 0,
      retention_limited: true,
      next_cursor: null,
    });
    expect(await api.list.query({ service_id, month: MONTH })).toMatchObject({
      total_cost: 10,
      retention_limited: false,
    });
  });
});

describe('inventory.categories', () => {
  it('rename renames the products filed under it; a taken name → 409 DUPLICATE_NAME', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const api = t.trpc(f.owner.token).inventory;
    const beers = await api.categories.create.mutate({ service_id, name: 'Bieres' });
    await api.categories.create.mutate({ service_id, name: 'Vins' });
    const ipa = await seedProduct(f, 0, { name: 'IPA', category: 'Bieres' });
    const renamed = await api.categories.rename.mutate({ id: beers.id, name: 'Bières pression' });
    expect(renamed).toEqual({
      id: beers.id,
      service_id,
      name: 'Bières pression',
      slug: 'bieres-pression',
      product_count: 1,
    });
    const product = await t.db
      .selectFrom('products')
      .select('category')
      .where('id', '=', ipa)
      .executeTakeFirstOrThrow();
    expect(product.category).toBe('Bières pression');
    const clash = await failure(api.categories.rename.mutate({ id: beers.id, name: 'vins' }));
    expect(clash.data).toMatchObject({ code: 'DUPLICATE_NAME', http_status: 409 });
    const again = await failure(api.categories.create.mutate({ service_id, name: 'VINS' }));
    expect(again.data).toMatchObject({ code: 'DUPLICATE_NAME', http_status: 409 });
  });

  it('delete only when no live product uses it (409 CONFLICT otherwise); operators may not', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const api = t.trpc(f.owner.token).inventory.categories;
    const used = await api.create.mutate({ service_id, name: 'Sodas' });
    const unused = await api.create.mutate({ service_id, name: 'Jus' });
    await seedProduct(f, 0, { name: 'Cola', category: 'Sodas' });
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const role = await failure(t.trpc(operator.token).inventory.categories.delete.mutate({ id: unused.id }));
    expect(role.data).toMatchObject({ code: 'FORBIDDEN_ROLE', http_status: 403 });
    const inUse = await failure(api.delete.mutate({ id: used.id }));
    expect(inUse).toMatchObject({
      message: 'Cette catégorie contient encore des produits.',
      data: { code: 'CONFLICT', http_status: 409 },
    });
    expect(await api.delete.mutate({ id: unused.id })).toEqual({ deleted: true });
    expect((await api.list.query({ service_id })).items.map((c) => [c.name, c.product_count])).toEqual([
      ['Sodas', 1],
    ]);
  });

  it("another tenant's category → 404; a scoped operator only sees their service's categories", async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const other = await createTenantFixture(t.db, t.config, { now: NOW });
    const theirs = await t
      .trpc(other.owner.token)
      .inventory.categories.create.mutate({ service_id: other.services[0]!.id, name: 'Secrets' });
    const kitchen = await t
      .trpc(f.owner.token)
      .inventory.categories.create.mutate({ service_id: f.services[1]!.id, name: 'Sauces' });
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', f.services[0]!.id, NOW);
    const owner = t.trpc(f.owner.token).inventory.categories;
    for (const call of [
      () => owner.rename.mutate({ id: theirs.id, name: 'Pris' }),
      () => owner.delete.mutate({ id: theirs.id }),
      () => owner.list.query({ service_id: other.services[0]!.id }),
      () => owner.create.mutate({ service_id: other.services[0]!.id, name: 'Intrus' }),
      () => t.trpc(operator.token).inventory.categories.list.query({ service_id: f.services[1]!.id }),
      () =>
        t
          .trpc(operator.token)
          .inventory.categories.create.mutate({ service_id: f.services[1]!.id, name: 'X' }),
    ]) {
      const error = await failure(call());
      expect(error.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    }
    const rows = await t.db
      .selectFrom('categories')
      .select(['name'])
      .where('tenant_id', '=', other.tenantId)
      .execute();
    expect(rows).toEqual([{ name: 'Secrets' }]);
    expect(kitchen.name).toBe('Sauces');
  });
});
