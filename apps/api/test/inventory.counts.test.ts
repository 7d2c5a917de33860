import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

/** Products written straight to the db (given state), returned in the order given. */
async function seedProducts(
  f: TenantFixture,
  serviceIndex: number,
  products: { name: string; category?: string; barcode?: string; archived?: boolean }[],
) {
  const rows = await t.db
    .insertInto('products')
    .values(
      products.map((p) => ({
        tenant_id: f.tenantId,
        service_id: f.services[serviceIndex]!.id,
        name: p.name,
        category: p.category ?? null,
        barcode: p.barcode ?? null,
        unit: 'pcs' as const,
        archived_at: p.archived ? NOW : null,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  return products.map((p) => rows.find((r) => r.name === p.name)!.id);
}

const countsOf = (productId: string) =>
  t.db
    .selectFrom('counts')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('inventory_month')
    .execute();

const auditOf = (tenantId: string) =>
  t.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();

describe('inventory.counts.screen', () => {
  it("lists every live product by name with this month's count or null; filters and pages", async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin, beer, cider, vodka] = await seedProducts(f, 0, [
      { name: 'Gin', category: 'Spiritueux', barcode: '444' },
      { name: 'Bière', category: 'Bières' },
      { name: 'Cidre', category: 'Bières' },
      { name: 'Vodka', category: 'Spiritueux' },
      { name: 'Absinthe', archived: true },
    ]);
    const api = t.trpc(f.owner.token).inventory.counts;
    await api.upsert.mutate({ service_id, month: MONTH, lines: [{ product_id: gin!, quantity: 3 }] });
    await api.upsert.mutate({ service_id, month: '2026-10', lines: [{ product_id: beer!, quantity: 9 }] });

    const all = await api.screen.query({ service_id, month: MONTH });
    expect(all).toMatchObject({ month: MONTH, next_cursor: null, retention_limited: false });
    expect(all.items.map((i) => [i.product.name, i.count?.quantity ?? null])).toEqual([
      ['Bière', null],
      ['Cidre', null],
      ['Gin', 3],
      ['Vodka', null],
    ]);
    // The row's count carries what the row shows: not its product, service or month (the row's and the
    // page's), nor who counted or the row's id (the full count has them).
    expect(all.items[2]!.count).toEqual({
      quantity: 3,
      container_status: 'SEALED',
      remaining_fraction: null,
      expiry_date: null,
      lot_number: null,
      counted_at: NOW.toISOString(),
    });

    const counted = await api.screen.query({ service_id, month: MONTH, status: 'counted' });
    expect(counted.items.map((i) => i.product.id)).toEqual([gin]);
    const uncounted = await api.screen.query({
      service_id,
      month: MONTH,
      status: 'uncounted',
      category: 'Bières',
    });
    expect(uncounted.items.map((i) => i.product.id)).toEqual([beer, cider]);
    const searched = await api.screen.query({ service_id, month: MONTH, search: 'dka' });
    expect(searched.items.map((i) => i.product.id)).toEqual([vodka]);
    const scanned = await api.screen.query({ service_id, month: MONTH, search: '444' });
    expect(scanned.items.map((i) => i.product.id)).toEqual([gin]);

    const page1 = await api.screen.query({ service_id, month: MONTH, limit: 3 });
    expect(page1.items.map((i) => i.product.name)).toEqual(['Bière', 'Cidre', 'Gin']);
    const page2 = await api.screen.query({ service_id, month: MONTH, limit: 3, cursor: page1.next_cursor! });
    expect(page2).toMatchObject({ next_cursor: null });
    expect(page2.items.map((i) => i.product.name)).toEqual(['Vodka']);
  });

  it('a bad cursor is a 400 on the cursor field', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const error = await failure(
      t
        .trpc(f.owner.token)
        .inventory.counts.screen.query({ service_id: f.services[0]!.id, month: MONTH, cursor: 'zz' }),
    );
    expect(error.data).toMatchObject({
      code: 'VALIDATION_ERROR',
      http_status: 400,
      fields: { cursor: 'Curseur invalide.' },
    });
  });

  it('progress counts live products counted this month', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [a, b] = await seedProducts(f, 0, [
      { name: 'A' },
      { name: 'B' },
      { name: 'C' },
      { name: 'Z', archived: true },
    ]);
    const api = t.trpc(f.owner.token).inventory.counts;
    await api.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [
        { product_id: a!, quantity: 1 },
        { product_id: b!, quantity: 0 },
      ],
    });
    expect(await api.progress.query({ service_id, month: MONTH })).toEqual({
      month: MONTH,
      counted: 2,
      total: 3,
      percent: 66.7,
      by_location: [],
      retention_limited: false,
    });
    expect(await api.progress.query({ service_id, month: '2026-10' })).toMatchObject({
      counted: 0,
      total: 3,
      percent: 0,
    });
  });
});

describe('inventory.counts.upsert', () => {
  it('counting again overwrites: the latest value wins, updated_at moves, one audit row per request', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [rum] = await seedProducts(f, 0, [{ name: 'Rhum' }]);
    const api = t.trpc(f.owner.token).inventory.counts;
    const first = await api.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: rum!, quantity: 4 }],
    });
    expect(first).toMatchObject({
      applied: 1,
      stale_product_ids: [],
      counts: [{ product_id: rum, quantity: 4 }],
    });
    t.clock.advance(5 * 60_000);
    const second = await api.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: rum!, quantity: 2.5 }],
    });
    t.clock.set(NOW);
    expect(second.counts[0]).toMatchObject({ id: first.counts[0]!.id, quantity: 2.5 });
    const rows = await countsOf(rum!);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ quantity: 2.5, updated_at: new Date(NOW.getTime() + 5 * 60_000) });
    const audit = await auditOf(f.tenantId);
    expect(audit.map((a) => [a.action, a.object_id, a.user_id])).toEqual([
      ['counts.upsert', service_id, f.owner.id],
      ['counts.upsert', service_id, f.owner.id],
    ]);
    expect(audit[1]!.meta).toEqual({
      month: MONTH,
      lines: 1,
      applied: 1,
      changes: [{ product_id: rum, from: 4, to: 2.5 }],
    });
  });

  it('a 500-line batch is written at once with one audit row; a product twice in a batch keeps the last', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [{ name: 'Boutique', service_type: 'retail_general' }],
    });
    const service_id = f.services[0]!.id;
    const ids = await seedProducts(
      f,
      0,
      Array.from({ length: 499 }, (_, i) => ({ name: `P${String(i).padStart(3, '0')}` })),
    );
    const lines = ids.map((product_id, i) => ({ product_id: product_id!, quantity: i }));
    lines.push({ product_id: ids[0]!, quantity: 42 });
    const result = await t
      .trpc(f.owner.token)
      .inventory.counts.upsert.mutate({ service_id, month: MONTH, lines });
    expect(result.applied).toBe(499);
    expect(result.counts).toHaveLength(499);
    const stored = await t.db
      .selectFrom('counts')
      .select(['product_id', 'quantity'])
      .where('service_id', '=', service_id)
      .execute();
    expect(stored).toHaveLength(499);
    expect(stored.find((c) => c.product_id === ids[0])!.quantity).toBe(42);
    expect(stored.find((c) => c.product_id === ids[498])!.quantity).toBe(498);
    const audit = await auditOf(f.tenantId);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.meta).toMatchObject({ lines: 500, applied: 499 });
  });

  it('a retried older count (counted_at before the stored one) does not overwrite the newer one', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin, tonic] = await seedProducts(f, 0, [{ name: 'Gin' }, { name: 'Tonic' }]);
    const api = t.trpc(f.owner.token).inventory.counts;
    await api.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: gin!, quantity: 7, counted_at: '2026-11-15T09:50:00Z' }],
    });
    const late = await api.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [
        { product_id: gin!, quantity: 5, counted_at: '2026-11-15T09:40:00Z' },
        { product_id: tonic!, quantity: 12, counted_at: '2026-11-15T09:40:00Z' },
      ],
    });
    expect(late.applied).toBe(1);
    expect(late.stale_product_ids).toEqual([gin]);
    expect(late.counts.find((c) => c.product_id === gin)).toMatchObject({
      quantity: 7,
      counted_at: '2026-11-15T09:50:00.000Z',
    });
    expect((await countsOf(gin!))[0]).toMatchObject({ quantity: 7 });
    expect((await countsOf(tonic!))[0]).toMatchObject({ quantity: 12 });
    // a phone clock ahead of the server is brought back to now
    const ahead = await api.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: tonic!, quantity: 11, counted_at: '2027-01-01T00:00:00Z' }],
    });
    expect(ahead.counts[0]!.counted_at).toBe(NOW.toISOString());
  });

  it('refuses negative quantities, a fraction on a sealed container, more than 500 lines (400, nothing written)', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin] = await seedProducts(f, 0, [{ name: 'Gin' }]);
    const api = t.trpc(f.owner.token).inventory.counts;
    const negative = await failure(
      api.upsert.mutate({ service_id, month: MONTH, lines: [{ product_id: gin!, quantity: -1 }] }),
    );
    expect(negative.data).toMatchObject({ code: 'VALIDATION_ERROR', http_status: 400 });
    expect(Object.keys(negative.data.fields as object)).toEqual(['lines.0.quantity']);
    const sealed = await failure(
      api.upsert.mutate({
        service_id,
        month: MONTH,
        lines: [{ product_id: gin!, quantity: 1, remaining_fraction: 0.5 }],
      }),
    );
    expect(sealed.data.fields).toEqual({
      'lines.0.remaining_fraction': 'Un reste ne se saisit que pour un contenant ouvert.',
    });
    const tooMuch = await failure(
      api.upsert.mutate({
        service_id,
        month: MONTH,
        lines: [{ product_id: gin!, quantity: 1, container_status: 'OPENED', remaining_fraction: 1.5 }],
      }),
    );
    expect(Object.keys(tooMuch.data.fields as object)).toEqual(['lines.0.remaining_fraction']);
    const many = await failure(
      api.upsert.mutate({
        service_id,
        month: MONTH,
        lines: Array.from({ length: 501 }, () => ({ product_id: gin!, quantity: 1 })),
      }),
    );
    expect(many.data).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { lines: '500 lignes au maximum.' },
    });
    expect(await countsOf(gin!)).toEqual([]);
  });

  it('applies the service features: opened containers, expiry and lot only where tracked, with warnings', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Boutique', service_type: 'retail_general' },
      ],
    });
    const [whisky, gin] = await seedProducts(f, 0, [{ name: 'Whisky' }, { name: 'Gin' }]);
    const [mug] = await seedProducts(f, 1, [{ name: 'Mug' }]);
    const api = t.trpc(f.owner.token).inventory.counts;
    const bar = await api.upsert.mutate({
      service_id: f.services[0]!.id,
      month: MONTH,
      lines: [
        {
          product_id: whisky!,
          quantity: 2,
          container_status: 'OPENED',
          remaining_fraction: 0.25,
          expiry_date: '2030-01-01',
          lot_number: 'L42',
        },
        { product_id: gin!, quantity: 0, container_status: 'OPENED' },
      ],
    });
    expect(bar.counts.find((c) => c.product_id === whisky)).toMatchObject({
      container_status: 'OPENED',
      remaining_fraction: 0.25,
      expiry_date: '2030-01-01',
      lot_number: 'L42',
    });
    expect(bar.warnings.map((w) => [w.code, w.product_id])).toEqual([['OPENED_WITHOUT_FRACTION', gin]]);

    const shop = await api.upsert.mutate({
      service_id: f.services[1]!.id,
      month: MONTH,
      lines: [
        {
          product_id: mug!,
          quantity: 3,
          container_status: 'OPENED',
          remaining_fraction: 0.5,
          expiry_date: '2030-01-01',
        },
      ],
    });
    expect(shop.counts[0]).toMatchObject({
      quantity: 3,
      container_status: 'SEALED',
      remaining_fraction: null,
      expiry_date: null,
    });
    expect(shop.warnings.map((w) => [w.code, w.field])).toEqual([
      ['FIELD_IGNORED', 'container_status'],
      ['FIELD_IGNORED', 'expiry_date'],
    ]);
  });

  it('warns about a missing expiry date where the service tracks them', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [{ name: 'Épicerie', service_type: 'grocery_food' }],
    });
    const [milk, empty] = await seedProducts(f, 0, [{ name: 'Lait' }, { name: 'Crème' }]);
    const result = await t.trpc(f.owner.token, 'en').inventory.counts.upsert.mutate({
      service_id: f.services[0]!.id,
      month: MONTH,
      lines: [
        { product_id: milk!, quantity: 6 },
        { product_id: empty!, quantity: 0 },
      ],
    });
    expect(result.warnings).toEqual([
      {
        code: 'EXPIRY_MISSING',
        field: 'expiry_date',
        product_id: milk,
        message: {
          fr: 'DLC manquante alors que ce service suit les dates.',
          en: 'Expiry date missing while this service tracks them.',
        },
      },
    ]);
  });

  it('a product of another service or tenant fails the whole batch with 404 naming the line', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const other = await createTenantFixture(t.db, t.config, { now: NOW });
    const [gin] = await seedProducts(f, 0, [{ name: 'Gin' }]);
    const [butter] = await seedProducts(f, 1, [{ name: 'Beurre' }]);
    const [theirs] = await seedProducts(other, 0, [{ name: 'Leur gin' }]);
    const api = t.trpc(f.owner.token).inventory.counts;
    const error = await failure(
      api.upsert.mutate({
        service_id: f.services[0]!.id,
        month: MONTH,
        lines: [
          { product_id: gin!, quantity: 1 },
          { product_id: butter!, quantity: 2 },
          { product_id: theirs!, quantity: 3 },
        ],
      }),
    );
    expect(error.data).toMatchObject({
      code: 'NOT_FOUND',
      http_status: 404,
      fields: {
        'lines.1.product_id': 'Produit introuvable dans ce service.',
        'lines.2.product_id': expect.any(String),
      },
    });
    expect(await countsOf(gin!)).toEqual([]);
    expect(await auditOf(f.tenantId)).toEqual([]);
    const foreign = await failure(
      api.upsert.mutate({
        service_id: other.services[0]!.id,
        month: MONTH,
        lines: [{ product_id: theirs!, quantity: 1 }],
      }),
    );
    expect(foreign.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    expect(await countsOf(theirs!)).toEqual([]);
  });

  it('an operator scoped to the bar cannot read or count the kitchen (404)', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const [bar, kitchen] = [f.services[0]!.id, f.services[1]!.id];
    const [butter] = await seedProducts(f, 1, [{ name: 'Beurre' }]);
    const [gin] = await seedProducts(f, 0, [{ name: 'Gin' }]);
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', bar, NOW);
    const api = t.trpc(operator.token).inventory.counts;
    for (const call of [
      () => api.screen.query({ service_id: kitchen, month: MONTH }),
      () => api.progress.query({ service_id: kitchen, month: MONTH }),
      () =>
        api.upsert.mutate({
          service_id: kitchen,
          month: MONTH,
          lines: [{ product_id: butter!, quantity: 1 }],
        }),
      () => api.clear.mutate({ service_id: kitchen, month: MONTH, product_ids: [butter!] }),
      () => api.copyFromPreviousMonth.mutate({ service_id: kitchen, month: MONTH }),
    ]) {
      const error = await failure(call());
      expect(error.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    }
    expect(await countsOf(butter!)).toEqual([]);
    const own = await api.upsert.mutate({
      service_id: bar,
      month: MONTH,
      lines: [{ product_id: gin!, quantity: 2 }],
    });
    expect(own.counts[0]).toMatchObject({ quantity: 2, counted_by: operator.id });
  });
});

describe('inventory.counts.clear and copyFromPreviousMonth', () => {
  it("clear forgets this month's count of the products given, audited", async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin, rum] = await seedProducts(f, 0, [{ name: 'Gin' }, { name: 'Rhum' }]);
    const api = t.trpc(f.owner.token).inventory.counts;
    await api.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [
        { product_id: gin!, quantity: 1 },
        { product_id: rum!, quantity: 2 },
      ],
    });
    await api.upsert.mutate({ service_id, month: '2026-10', lines: [{ product_id: gin!, quantity: 8 }] });
    expect(await api.clear.mutate({ service_id, month: MONTH, product_ids: [gin!] })).toEqual({ cleared: 1 });
    expect((await countsOf(gin!)).map((c) => c.inventory_month)).toEqual(['2026-10']);
    expect(await countsOf(rum!)).toHaveLength(1);
    const audit = await auditOf(f.tenantId);
    expect(audit.at(-1)).toMatchObject({
      action: 'counts.clear',
      meta: { month: MONTH, cleared: [{ product_id: gin, from: 1 }] },
    });
  });

  it("copies last month's counts onto products not yet counted, skipping archived and already counted ones", async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin, rum, vodka, old] = await seedProducts(f, 0, [
      { name: 'Gin' },
      { name: 'Rhum' },
      { name: 'Vodka' },
      { name: 'Ancien' },
    ]);
    const api = t.trpc(f.owner.token).inventory.counts;
    await api.upsert.mutate({
      service_id,
      month: '2026-10',
      lines: [
        {
          product_id: gin!,
          quantity: 4,
          container_status: 'OPENED',
          remaining_fraction: 0.5,
          lot_number: 'L1',
        },
        { product_id: rum!, quantity: 6 },
        { product_id: old!, quantity: 1 },
      ],
    });
    await t.db.updateTable('products').set({ archived_at: NOW }).where('id', '=', old!).execute();
    await api.upsert.mutate({ service_id, month: MONTH, lines: [{ product_id: rum!, quantity: 3 }] });

    const result = await api.copyFromPreviousMonth.mutate({ service_id, month: MONTH });
    expect(result).toEqual({
      month: MONTH,
      from_month: '2026-10',
      copied: 1,
      skipped: 1,
      retention_limited: false,
    });
    const screen = await api.screen.query({ service_id, month: MONTH });
    expect(screen.items.map((i) => [i.product.name, i.count?.quantity ?? null])).toEqual([
      ['Gin', 4],
      ['Rhum', 3],
      ['Vodka', null],
    ]);
    expect(screen.items[0]!.count).toMatchObject({
      container_status: 'OPENED',
      remaining_fraction: 0.5,
      lot_number: 'L1',
    });
    expect(await countsOf(vodka!)).toEqual([]);
    expect(await countsOf(old!)).toHaveLength(1);
    expect((await auditOf(f.tenantId)).at(-1)).toMatchObject({
      action: 'counts.copy_previous_month',
      meta: { month: MONTH, from_month: '2026-10', copied: 1 },
    });
    // running it again copies nothing more
    expect(await api.copyFromPreviousMonth.mutate({ service_id, month: MONTH })).toMatchObject({
      copied: 0,
      skipped: 2,
    });
  });
});

describe('retention (ESSENTIEL reads its last 14 days)', () => {
  it('months entirely before the cutoff read as empty with retention_limited; later ones are whole', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'ESSENTIEL' });
    const service_id = f.services[0]!.id;
    const [gin] = await seedProducts(f, 0, [{ name: 'Gin' }]);
    await t.db
      .insertInto('counts')
      .values(
        ['2026-09', '2026-10', '2026-11'].map((inventory_month) => ({
          tenant_id: f.tenantId,
          service_id,
          product_id: gin!,
          inventory_month,
          quantity: 5,
        })),
      )
      .execute();
    const api = t.trpc(f.owner.token).inventory.counts;
    // 2026-11-15 − 14 days = 2026-11-01T10:00Z: October is entirely before the cutoff
    expect(await api.screen.query({ service_id, month: '2026-10' })).toEqual({
      month: '2026-10',
      items: [],
      next_cursor: null,
      retention_limited: true,
    });
    expect(await api.progress.query({ service_id, month: '2026-10' })).toMatchObject({
      counted: 0,
      total: 1,
      retention_limited: true,
    });
    expect((await api.screen.query({ service_id, month: MONTH })).items[0]!.count).toMatchObject({
      quantity: 5,
    });
    expect(await api.copyFromPreviousMonth.mutate({ service_id, month: MONTH })).toMatchObject({
      copied: 0,
      retention_limited: true,
    });
    const lookup = await t.trpc(f.owner.token).inventory.lookup.query({ service_id, code: 'none' });
    expect(lookup.match).toBe('none');
  });

  it('on the 10th, the previous month is still partly within 14 days and readable', async () => {
    const tenth = new Date('2026-11-10T10:00:00Z');
    t.clock.set(tenth);
    try {
      const f = await createTenantFixture(t.db, t.config, { now: tenth, plan: 'ESSENTIEL' });
      const service_id = f.services[0]!.id;
      const [gin] = await seedProducts(f, 0, [{ name: 'Gin' }]);
      const api = t.trpc(f.owner.token).inventory.counts;
      await api.upsert.mutate({ service_id, month: '2026-10', lines: [{ product_id: gin!, quantity: 5 }] });
      const october = await api.screen.query({ service_id, month: '2026-10' });
      expect(october.retention_limited).toBe(false);
      expect(october.items[0]!.count?.quantity).toBe(5);
      expect(await api.copyFromPreviousMonth.mutate({ service_id, month: MONTH })).toMatchObject({
        copied: 1,
      });
    } finally {
      t.clock.set(NOW);
    }
  });
});

describe('inventory.lookup', () => {
  it('finds the product in this service, else in another service of the tenant, else none', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Épicerie', service_type: 'grocery_food' },
      ],
    });
    const [bar, grocery] = [f.services[0]!.id, f.services[1]!.id];
    const [cola] = await seedProducts(f, 0, [{ name: 'Cola bar', barcode: '5449' }]);
    await seedProducts(f, 1, [
      { name: 'Cola épicerie', barcode: '5449' },
      { name: 'Chips', barcode: '7777' },
    ]);
    const api = t.trpc(f.owner.token).inventory;
    await api.counts.upsert.mutate({
      service_id: bar,
      month: '2026-10',
      lines: [{ product_id: cola!, quantity: 10 }],
    });
    await api.counts.upsert.mutate({
      service_id: bar,
      month: MONTH,
      lines: [{ product_id: cola!, quantity: 8 }],
    });

    const here = await api.lookup.query({ service_id: bar, code: '5449' });
    expect(here).toMatchObject({
      match: 'this_service',
      product: { id: cola, name: 'Cola bar' },
      service: { id: bar },
    });
    expect(here.last_counts.map((c) => [c.inventory_month, c.quantity])).toEqual([
      [MONTH, 8],
      ['2026-10', 10],
    ]);
    const elsewhere = await api.lookup.query({ service_id: bar, code: '7777' });
    expect(elsewhere).toMatchObject({
      match: 'other_service',
      product: { name: 'Chips', service_id: grocery },
      service: { id: grocery, name: 'Épicerie' },
      last_counts: [],
    });
    expect(await api.lookup.query({ service_id: bar, code: '0000' })).toEqual({
      match: 'none',
      product: null,
      service: null,
      last_counts: [],
    });
  });

  it("a scoped operator only finds their service's products; another tenant's codes are never found", async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Épicerie', service_type: 'grocery_food' },
      ],
    });
    const other = await createTenantFixture(t.db, t.config, { now: NOW });
    await seedProducts(f, 1, [{ name: 'Chips', barcode: '7777' }]);
    await seedProducts(other, 0, [{ name: 'Leur bière', barcode: '8888' }]);
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', f.services[0]!.id, NOW);
    const api = t.trpc(operator.token).inventory;
    expect(await api.lookup.query({ service_id: f.services[0]!.id, code: '7777' })).toMatchObject({
      match: 'none',
    });
    const error = await failure(api.lookup.query({ service_id: f.services[1]!.id, code: '7777' }));
    expect(error.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    expect(
      await t.trpc(f.owner.token).inventory.lookup.query({ service_id: f.services[0]!.id, code: '8888' }),
    ).toMatchObject({ match: 'none' });
  });
});
