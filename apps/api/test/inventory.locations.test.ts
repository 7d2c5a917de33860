import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

async function seedProducts(f: TenantFixture, names: string[], price = 10) {
  const rows = await t.db
    .insertInto('products')
    .values(
      names.map((name) => ({
        tenant_id: f.tenantId,
        service_id: f.services[0]!.id,
        name,
        unit: 'pcs' as const,
        purchase_price: price,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  return names.map((n) => rows.find((r) => r.name === n)!.id);
}

describe('inventory.locations', () => {
  it('creates, renames, reorders and archives; names are unique per service among live ones', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const api = t.trpc(f.owner.token).inventory.locations;
    const bar = await api.create.mutate({ service_id, name: 'Bar' });
    const cave = await api.create.mutate({ service_id, name: 'Cave' });
    const reserve = await api.create.mutate({ service_id, name: 'Réserve' });
    expect([bar.position, cave.position, reserve.position]).toEqual([0, 1, 2]);
    expect((await failure(api.create.mutate({ service_id, name: 'bar' }))).data).toMatchObject({
      code: 'DUPLICATE_NAME',
      httpStatus: 409,
    });
    await api.update.mutate({ id: reserve.id, position: 0 });
    await api.update.mutate({ id: cave.id, name: 'Chambre froide' });
    const listed = await api.list.query({ service_id });
    expect(listed.items.map((l) => [l.name, l.position])).toEqual([
      ['Réserve', 0],
      ['Bar', 1],
      ['Chambre froide', 2],
    ]);
    const archived = await api.archive.mutate({ id: bar.id });
    expect(archived.archived_at).toBe(NOW.toISOString());
    expect((await api.list.query({ service_id })).items.map((l) => l.name)).toEqual([
      'Réserve',
      'Chambre froide',
    ]);
    expect((await api.list.query({ service_id, archived: true })).items.map((l) => l.name)).toEqual(['Bar']);
    // The archived name is free again.
    await api.create.mutate({ service_id, name: 'Bar' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', f.tenantId)
      .where('action', 'like', 'locations.%')
      .execute();
    expect(audit.length).toBe(7);
  });

  it('ESSENTIEL allows 2 live locations per service: the third is 403 LIMIT_MAX_LOCATIONS', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'ESSENTIEL' });
    const service_id = f.services[0]!.id;
    const api = t.trpc(f.owner.token).inventory.locations;
    const first = await api.create.mutate({ service_id, name: 'Bar' });
    await api.create.mutate({ service_id, name: 'Réserve' });
    const refused = await failure(api.create.mutate({ service_id, name: 'Cave' }));
    expect(refused.data).toMatchObject({ code: 'LIMIT_MAX_LOCATIONS', httpStatus: 403 });
    expect(refused.message).toContain('2 emplacements par service');
    await api.archive.mutate({ id: first.id });
    await api.create.mutate({ service_id, name: 'Cave' });
    expect((await api.list.query({ service_id })).items).toHaveLength(2);
  });

  it('concurrent creates at the edge of the limit let exactly the allowed number through', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'ESSENTIEL' });
    const service_id = f.services[0]!.id;
    const api = t.trpc(f.owner.token).inventory.locations;
    const results = await Promise.allSettled(
      ['A', 'B', 'C', 'D'].map((name) => api.create.mutate({ service_id, name })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
  });

  it('operators read but do not manage locations', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const op = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    await t.trpc(f.owner.token).inventory.locations.create.mutate({ service_id, name: 'Bar' });
    const api = t.trpc(op.token).inventory.locations;
    expect((await api.list.query({ service_id })).items).toHaveLength(1);
    expect((await failure(api.create.mutate({ service_id, name: 'X' }))).data).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
  });

  it('keeps the products usually stored in a location in shelf order', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin, rum, vodka] = await seedProducts(f, ['Gin', 'Rhum', 'Vodka']);
    const api = t.trpc(f.owner.token).inventory.locations;
    const bar = await api.create.mutate({ service_id, name: 'Bar' });
    const set = await api.setProducts.mutate({ id: bar.id, product_ids: [vodka!, gin!] });
    expect(set.items.map((i) => [i.name, i.position])).toEqual([
      ['Vodka', 0],
      ['Gin', 1],
    ]);
    await api.setProducts.mutate({ id: bar.id, product_ids: [rum!, vodka!] });
    expect((await api.products.query({ id: bar.id })).items.map((i) => i.name)).toEqual(['Rhum', 'Vodka']);
    expect((await api.list.query({ service_id })).items[0]!.product_count).toBe(2);
    const other = await createTenantFixture(t.db, t.config, { now: NOW });
    const [foreign] = await seedProducts(other, ['Intrus']);
    expect(
      (await failure(api.setProducts.mutate({ id: bar.id, product_ids: [foreign!] }))).data,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await api.products.query({ id: bar.id })).items).toHaveLength(2);
  });
});

describe('counts by location', () => {
  it('one line per place; the month is the sum; counting again in a place overwrites that line only', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin, rum] = await seedProducts(f, ['Gin', 'Rhum']);
    const loc = t.trpc(f.owner.token).inventory.locations;
    const bar = await loc.create.mutate({ service_id, name: 'Bar' });
    const cave = await loc.create.mutate({ service_id, name: 'Cave' });
    const op = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const owner = t.trpc(f.owner.token).inventory.counts;
    const operator = t.trpc(op.token).inventory.counts;
    await owner.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: gin!, quantity: 2, location_id: bar.id }],
    });
    await operator.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [
        { product_id: gin!, quantity: 5, location_id: cave.id },
        { product_id: rum!, quantity: 1 },
      ],
    });
    await owner.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: gin!, quantity: 3, location_id: bar.id }],
    });
    const rows = await t.db
      .selectFrom('counts')
      .select(['location_id', 'quantity'])
      .where('product_id', '=', gin!)
      .orderBy('quantity')
      .execute();
    expect(rows).toEqual([
      { location_id: bar.id, quantity: 3 },
      { location_id: cave.id, quantity: 5 },
    ]);

    const all = await owner.screen.query({ service_id, month: MONTH });
    const ginItem = all.items.find((i) => i.product.id === gin)!;
    expect(ginItem.total).toBe(8);
    expect(ginItem.count?.quantity).toBe(8);
    expect(ginItem.lines.map((l) => [l.location_id, l.quantity, l.counted_by_name])).toEqual(
      expect.arrayContaining([
        [bar.id, 3, expect.any(String)],
        [cave.id, 5, expect.any(String)],
      ]),
    );
    expect(new Set(ginItem.lines.map((l) => l.counted_by))).toEqual(new Set([f.owner.id, op.id]));

    const inBar = await owner.screen.query({ service_id, month: MONTH, location_id: bar.id });
    expect(inBar.items.find((i) => i.product.id === gin)!.count?.quantity).toBe(3);
    expect(inBar.items.find((i) => i.product.id === rum)!.count).toBeNull();
    const uncountedInBar = await owner.screen.query({
      service_id,
      month: MONTH,
      location_id: bar.id,
      status: 'uncounted',
    });
    expect(uncountedInBar.items.map((i) => i.product.name)).toEqual(['Rhum']);

    const progress = await owner.progress.query({ service_id, month: MONTH });
    expect(progress).toMatchObject({ counted: 2, total: 2 });
    expect(progress.by_location).toEqual([
      { location_id: bar.id, name: 'Bar', counted: 1, listed: 0, listed_counted: 0 },
      { location_id: cave.id, name: 'Cave', counted: 1, listed: 0, listed_counted: 0 },
    ]);
    expect(await owner.progress.query({ service_id, month: MONTH, location_id: cave.id })).toMatchObject({
      counted: 1,
    });

    // Undo in one place keeps the other place's line.
    await owner.clear.mutate({ service_id, month: MONTH, product_ids: [gin!], location_id: bar.id });
    const after = await owner.screen.query({ service_id, month: MONTH, search: 'Gin' });
    expect(after.items[0]!.total).toBe(5);
  });

  it("refuses another service's or an archived location (404)", async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin] = await seedProducts(f, ['Gin']);
    const other = await createTenantFixture(t.db, t.config, { now: NOW });
    const foreign = await t
      .trpc(other.owner.token)
      .inventory.locations.create.mutate({ service_id: other.services[0]!.id, name: 'Cave' });
    const api = t.trpc(f.owner.token).inventory;
    const gone = await api.locations.create.mutate({ service_id, name: 'Bar' });
    await api.locations.archive.mutate({ id: gone.id });
    for (const location_id of [foreign.id, gone.id])
      expect(
        (
          await failure(
            api.counts.upsert.mutate({
              service_id,
              month: MONTH,
              lines: [{ product_id: gin!, quantity: 1, location_id }],
            }),
          )
        ).data,
      ).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
    expect(await t.db.selectFrom('counts').select('id').where('product_id', '=', gin!).execute()).toEqual([]);
  });

  it('a batch with lines for a place archived meanwhile names those lines (the phone sends the others again)', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin, rum] = await seedProducts(f, ['Gin', 'Rhum']);
    const api = t.trpc(f.owner.token).inventory;
    const bar = await api.locations.create.mutate({ service_id, name: 'Bar' });
    const cave = await api.locations.create.mutate({ service_id, name: 'Cave' });
    await api.locations.archive.mutate({ id: cave.id });
    const refused = await failure(
      api.counts.upsert.mutate({
        service_id,
        month: MONTH,
        lines: [
          { product_id: gin!, quantity: 1, location_id: bar.id },
          { product_id: rum!, quantity: 2, location_id: cave.id },
          { product_id: gin!, quantity: 3, location_id: cave.id },
        ],
      }),
    );
    expect(refused.data).toMatchObject({
      code: 'NOT_FOUND',
      fields: {
        'lines.1.location_id': 'Emplacement introuvable dans ce service.',
        'lines.2.location_id': 'Emplacement introuvable dans ce service.',
      },
    });
    expect(Object.keys((refused.data as { fields: object }).fields)).toHaveLength(2);
    expect(
      await t.db.selectFrom('counts').select('id').where('service_id', '=', service_id).execute(),
    ).toEqual([]);
  });

  it('copy from last month copies every place line', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin] = await seedProducts(f, ['Gin']);
    const api = t.trpc(f.owner.token).inventory;
    const bar = await api.locations.create.mutate({ service_id, name: 'Bar' });
    await api.counts.upsert.mutate({
      service_id,
      month: '2026-10',
      lines: [
        { product_id: gin!, quantity: 1, location_id: bar.id },
        { product_id: gin!, quantity: 4 },
      ],
    });
    const copied = await api.counts.copyFromPreviousMonth.mutate({ service_id, month: MONTH });
    expect(copied).toMatchObject({ copied: 2, skipped: 0 });
    const again = await api.counts.copyFromPreviousMonth.mutate({ service_id, month: MONTH });
    expect(again).toMatchObject({ copied: 0, skipped: 2 });
    expect((await api.counts.screen.query({ service_id, month: MONTH })).items[0]!.total).toBe(5);
  });
});
