import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });

async function seedProduct(
  f: TenantFixture,
  serviceIndex: number,
  values: {
    name: string;
    barcode?: string;
    internal_sku?: string;
    purchase_price?: number;
    pack_size?: number;
  },
) {
  const row = await t.db
    .insertInto('products')
    .values({
      tenant_id: f.tenantId,
      service_id: f.services[serviceIndex]!.id,
      name: values.name,
      unit: 'pcs',
      barcode: values.barcode ?? null,
      internal_sku: values.internal_sku ?? null,
      purchase_price: values.purchase_price ?? null,
      pack_size: values.pack_size ?? null,
      category: 'Spiritueux',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const twoServices = (plan: 'ESSENTIEL' | 'BOUTIQUE' | 'PRO' = 'BOUTIQUE') =>
  createTenantFixture(t.db, t.config, {
    plan,
    services: [
      { name: 'Réserve', service_type: 'bar' },
      { name: 'Bar', service_type: 'bar' },
    ],
    now: NOW,
  });

describe('purchasing.suppliers', () => {
  it('creates, lists, renames (products follow) and archives suppliers; names unique per tenant', async () => {
    const f = await twoServices();
    const api = t.trpc(f.owner.token);
    const metro = await api.purchasing.suppliers.create.mutate({
      name: 'Metro',
      email: 'Commandes@Metro.test',
      phone: '01 02 03 04 05',
    });
    expect(metro).toMatchObject({ name: 'Metro', email: 'commandes@metro.test', products_count: 0 });
    const dup = await failure(api.purchasing.suppliers.create.mutate({ name: ' metro ' }));
    expect(dup.data).toMatchObject({ code: 'DUPLICATE_NAME', http_status: 409 });

    const product = await api.inventory.products.create.mutate({
      service_id: f.services[0]!.id,
      name: 'Gin',
      supplier_id: metro.id,
    });
    expect(product.product).toMatchObject({ supplier_id: metro.id, supplier: 'Metro' });

    const renamed = await api.purchasing.suppliers.update.mutate({ id: metro.id, name: 'Metro Cash' });
    expect(renamed).toMatchObject({ name: 'Metro Cash', products_count: 1 });
    const row = await t.db
      .selectFrom('products')
      .select(['supplier', 'supplier_id'])
      .where('id', '=', product.product.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ supplier: 'Metro Cash', supplier_id: metro.id });

    await api.purchasing.suppliers.archive.mutate({ id: metro.id });
    expect((await api.purchasing.suppliers.list.query()).items).toEqual([]);
    const archived = await api.purchasing.suppliers.list.query({ archived: true });
    expect(archived.items.map((s) => s.name)).toEqual(['Metro Cash']);
    const picked = await failure(
      api.inventory.products.update.mutate({ id: product.product.id, supplier_id: metro.id }),
    );
    expect(picked.data).toMatchObject({ code: 'NOT_FOUND', fields: { supplier_id: expect.any(String) } });
  });

  it('is BOUTIQUE+ (stock_control) to write and manager+; listing stays open', async () => {
    const solo = await createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL', now: NOW });
    const refused = await failure(t.trpc(solo.owner.token).purchasing.suppliers.create.mutate({ name: 'X' }));
    expect(refused.data).toMatchObject({ code: 'FEATURE_NOT_INCLUDED', http_status: 403 });
    expect((await t.trpc(solo.owner.token).purchasing.suppliers.list.query()).items).toEqual([]);

    const f = await twoServices();
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const denied = await failure(t.trpc(operator.token).purchasing.suppliers.create.mutate({ name: 'X' }));
    expect(denied.data).toMatchObject({ code: 'FORBIDDEN_ROLE', http_status: 403 });
  });
});

describe('purchasing.receipts', () => {
  it('records a delivery in packs and units, updates purchase prices on request, lists and reads it', async () => {
    const f = await twoServices();
    const api = t.trpc(f.owner.token);
    const supplier = await api.purchasing.suppliers.create.mutate({ name: 'Brasserie' });
    const beer = await seedProduct(f, 0, { name: 'Bière', purchase_price: 1, pack_size: 24 });
    const gin = await seedProduct(f, 0, { name: 'Gin', purchase_price: 20 });
    const receipt = await api.purchasing.receipts.create.mutate({
      service_id: f.services[0]!.id,
      supplier_id: supplier.id,
      received_on: '2026-11-14',
      reference: 'BL-881',
      lines: [
        { product_id: beer, packs: 2, quantity: 3, unit_cost: 1.125, lot_number: 'L1' },
        { product_id: gin, quantity: 6, unit_cost: 21.5, expiry_date: '2027-12-31' },
      ],
      update_purchase_prices: true,
    });
    expect(receipt).toMatchObject({
      supplier_name: 'Brasserie',
      month: '2026-11',
      reference: 'BL-881',
      source: 'manual',
      total_cost: 186.38, // 51 × 1.125 + 6 × 21.5 = 186.375
    });
    expect(receipt.lines.map((l) => [l.product_name, l.quantity, l.unit_cost, l.line_cost])).toEqual([
      ['Bière', 51, 1.125, 57.38],
      ['Gin', 6, 21.5, 129],
    ]);
    const prices = await t.db
      .selectFrom('products')
      .select(['name', 'purchase_price'])
      .where('id', 'in', [beer, gin])
      .orderBy('name')
      .execute();
    expect(prices).toEqual([
      { name: 'Bière', purchase_price: 1.13 },
      { name: 'Gin', purchase_price: 21.5 },
    ]);
    const list = await api.purchasing.receipts.list.query({
      service_id: f.services[0]!.id,
      month: '2026-11',
    });
    expect(list.items.map((r) => [r.id, r.lines_count])).toEqual([[receipt.id, 2]]);
    expect(list.total_cost).toBe(186.38);
    expect(await api.purchasing.receipts.get.query({ id: receipt.id })).toEqual(receipt);
  });

  it('replays the same idempotency key (input or header) with one receipt; another body → 409', async () => {
    const f = await twoServices();
    const api = t.trpc(f.owner.token);
    const gin = await seedProduct(f, 0, { name: 'Gin', purchase_price: 20 });
    const body = {
      service_id: f.services[0]!.id,
      received_on: '2026-11-10',
      lines: [{ product_id: gin, quantity: 2, unit_cost: 20 }],
      idempotency_key: 'delivery-1',
    };
    const first = await api.purchasing.receipts.create.mutate(body);
    const replays = await Promise.all([
      api.purchasing.receipts.create.mutate(body),
      api.purchasing.receipts.create.mutate(body),
    ]);
    for (const again of replays) expect(again).toEqual(first);
    const mismatch = await failure(
      api.purchasing.receipts.create.mutate({ ...body, lines: [{ product_id: gin, quantity: 3 }] }),
    );
    expect(mismatch.data).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', http_status: 409 });

    const { idempotency_key: _k, ...noKey } = body;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${f.owner.token}` };
    const post = () =>
      fetch(`${t.url}/trpc/purchasing.receipts.create`, {
        method: 'POST',
        headers: { ...headers, 'Idempotency-Key': 'delivery-2' },
        body: JSON.stringify(noKey),
      });
    const [a, b] = [await post(), await post()];
    expect([a.status, b.status]).toEqual([200, 200]);
    const idOf = async (r: Response) =>
      ((await r.json()) as { result: { data: { id: string } } }).result.data.id;
    expect(await idOf(a)).toBe(await idOf(b));
    const rows = await t.db.selectFrom('receipts').select('id').where('tenant_id', '=', f.tenantId).execute();
    expect(rows).toHaveLength(2);
  });

  it('refuses a closed month (409 MONTH_CLOSED), a future date, packs without a pack size, another service’s product', async () => {
    const f = await twoServices();
    const api = t.trpc(f.owner.token);
    const gin = await seedProduct(f, 0, { name: 'Gin' });
    const other = await seedProduct(f, 1, { name: 'Gin du bar' });
    await t.db
      .insertInto('inventory_periods')
      .values({ tenant_id: f.tenantId, service_id: f.services[0]!.id, month: '2026-10', status: 'CLOSED' })
      .execute();
    const base = { service_id: f.services[0]!.id, lines: [{ product_id: gin, quantity: 1 }] };
    const closed = await failure(
      api.purchasing.receipts.create.mutate({ ...base, received_on: '2026-10-30' }),
    );
    expect(closed.data).toMatchObject({ code: 'MONTH_CLOSED', http_status: 409 });
    const future = await failure(
      api.purchasing.receipts.create.mutate({ ...base, received_on: '2026-11-17' }),
    );
    expect(future.data).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { received_on: expect.any(String) },
    });
    const packs = await failure(
      api.purchasing.receipts.create.mutate({
        ...base,
        received_on: '2026-11-01',
        lines: [{ product_id: gin, packs: 2 }],
      }),
    );
    expect(packs.data).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { 'lines.0.packs': expect.any(String) },
    });
    const foreign = await failure(
      api.purchasing.receipts.create.mutate({
        ...base,
        received_on: '2026-11-01',
        lines: [
          { product_id: gin, quantity: 1 },
          { product_id: other, quantity: 1 },
        ],
      }),
    );
    expect(foreign.data).toMatchObject({
      code: 'NOT_FOUND',
      fields: { 'lines.1.product_id': expect.any(String) },
    });
    expect(
      await t.db.selectFrom('receipts').select('id').where('tenant_id', '=', f.tenantId).execute(),
    ).toEqual([]);
  });

  it('deletes: managers or whoever entered it; not in a closed month', async () => {
    const f = await twoServices();
    const gin = await seedProduct(f, 0, { name: 'Gin' });
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', f.services[0]!.id, NOW);
    const colleague = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', f.services[0]!.id, NOW);
    const receipt = await t.trpc(operator.token).purchasing.receipts.create.mutate({
      service_id: f.services[0]!.id,
      received_on: '2026-11-02',
      lines: [{ product_id: gin, quantity: 1 }],
    });
    const denied = await failure(
      t.trpc(colleague.token).purchasing.receipts.delete.mutate({ id: receipt.id }),
    );
    expect(denied.data).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    // The receipt's write gave the month its (OPEN) row: close that one.
    await t.db
      .insertInto('inventory_periods')
      .values({ tenant_id: f.tenantId, service_id: f.services[0]!.id, month: '2026-11', status: 'CLOSED' })
      .onConflict((oc) => oc.columns(['service_id', 'month']).doUpdateSet({ status: 'CLOSED' }))
      .execute();
    const closed = await failure(
      t.trpc(operator.token).purchasing.receipts.delete.mutate({ id: receipt.id }),
    );
    expect(closed.data).toMatchObject({ code: 'MONTH_CLOSED' });
    await t.db
      .updateTable('inventory_periods')
      .set({ status: 'OPEN' })
      .where('tenant_id', '=', f.tenantId)
      .execute();
    expect(await t.trpc(operator.token).purchasing.receipts.delete.mutate({ id: receipt.id })).toEqual({
      deleted: true,
    });
    expect(
      await t.db.selectFrom('receipt_lines').select('id').where('tenant_id', '=', f.tenantId).execute(),
    ).toEqual([]);
  });

  it('is BOUTIQUE+: ESSENTIEL gets 403 FEATURE_NOT_INCLUDED and nothing is written', async () => {
    const solo = await createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL', now: NOW });
    const gin = await seedProduct(solo, 0, { name: 'Gin' });
    const refused = await failure(
      t.trpc(solo.owner.token).purchasing.receipts.create.mutate({
        service_id: solo.services[0]!.id,
        received_on: '2026-11-02',
        lines: [{ product_id: gin, quantity: 1 }],
      }),
    );
    expect(refused.data).toMatchObject({ code: 'FEATURE_NOT_INCLUDED', http_status: 403 });
    expect(
      await t.db.selectFrom('receipts').select('id').where('tenant_id', '=', solo.tenantId).execute(),
    ).toEqual([]);
  });
});

describe('purchasing.transfers', () => {
  it('moves stock at cost from one service to another, pairing by barcode, SKU, name, creating the missing', async () => {
    const f = await twoServices();
    const api = t.trpc(f.owner.token);
    const [reserve, bar] = [f.services[0]!.id, f.services[1]!.id];
    const gin = await seedProduct(f, 0, { name: 'Gin', barcode: '3000000000011', purchase_price: 20 });
    const rum = await seedProduct(f, 0, { name: 'Rhum', internal_sku: 'R-1', purchase_price: 15 });
    const tonic = await seedProduct(f, 0, { name: 'Tonic', purchase_price: 0.8 });
    const vodka = await seedProduct(f, 0, { name: 'Vodka', barcode: '3000000000028', purchase_price: 12 });
    const barGin = await seedProduct(f, 1, { name: 'Gin maison', barcode: '3000000000011' });
    const barRum = await seedProduct(f, 1, { name: 'Rhum ambré', internal_sku: 'R-1' });
    const barTonic = await seedProduct(f, 1, { name: 'TONIC' });
    const transfer = await api.purchasing.transfers.create.mutate({
      from_service_id: reserve,
      to_service_id: bar,
      moved_on: '2026-11-12',
      lines: [
        { product_id: gin, quantity: 2 },
        { product_id: rum, quantity: 1, unit_cost: 14 },
        { product_id: tonic, quantity: 12 },
        { product_id: vodka, quantity: 3 },
      ],
      idempotency_key: 'move-1',
    });
    const created = transfer.created_products;
    expect(created).toHaveLength(1);
    expect(transfer.lines.map((l) => [l.from_product_id, l.to_product_id, l.quantity, l.unit_cost])).toEqual([
      [gin, barGin, 2, 20],
      [rum, barRum, 1, 14],
      [tonic, barTonic, 12, 0.8],
      [vodka, created[0], 3, 12],
    ]);
    expect(transfer).toMatchObject({
      from_service_name: 'Réserve',
      to_service_name: 'Bar',
      total_cost: 99.6,
    });
    const newVodka = await t.db
      .selectFrom('products')
      .select(['service_id', 'name', 'barcode', 'purchase_price'])
      .where('id', '=', created[0]!)
      .executeTakeFirstOrThrow();
    expect(newVodka).toEqual({
      service_id: bar,
      name: 'Vodka',
      barcode: '3000000000028',
      purchase_price: 12,
    });

    const again = await api.purchasing.transfers.create.mutate({
      from_service_id: reserve,
      to_service_id: bar,
      moved_on: '2026-11-12',
      lines: [
        { product_id: gin, quantity: 2 },
        { product_id: rum, quantity: 1, unit_cost: 14 },
        { product_id: tonic, quantity: 12 },
        { product_id: vodka, quantity: 3 },
      ],
      idempotency_key: 'move-1',
    });
    expect(again.id).toBe(transfer.id);
    for (const serviceId of [reserve, bar]) {
      const listed = await api.purchasing.transfers.list.query({ service_id: serviceId, month: '2026-11' });
      expect(listed.items.map((i) => i.id)).toEqual([transfer.id]);
    }
  });

  it('pairs: shows the destination product each line would enter, or null when it would be created; writes nothing', async () => {
    const f = await twoServices();
    const api = t.trpc(f.owner.token);
    const [reserve, bar] = [f.services[0]!.id, f.services[1]!.id];
    const gin = await seedProduct(f, 0, { name: 'Gin', barcode: '3000000000011' });
    const rum = await seedProduct(f, 0, { name: 'Rhum', internal_sku: 'R-1' });
    const tonic = await seedProduct(f, 0, { name: 'Tonic' });
    const vodka = await seedProduct(f, 0, { name: 'Vodka' });
    const barGin = await seedProduct(f, 1, { name: 'Gin maison', barcode: '3000000000011' });
    const barRum = await seedProduct(f, 1, { name: 'Rhum ambré', internal_sku: 'R-1' });
    const barTonic = await seedProduct(f, 1, { name: 'TONIC' });
    const products = () =>
      t.db.selectFrom('products').select('id').where('tenant_id', '=', f.tenantId).execute();
    const before = (await products()).length;

    const result = await api.purchasing.transfers.pairs.query({
      from_service_id: reserve,
      to_service_id: bar,
      product_ids: [gin, rum, tonic, vodka, gin],
    });

    expect(result.items).toEqual([
      { product_id: gin, to_product_id: barGin, to_product_name: 'Gin maison' },
      { product_id: rum, to_product_id: barRum, to_product_name: 'Rhum ambré' },
      { product_id: tonic, to_product_id: barTonic, to_product_name: 'TONIC' },
      { product_id: vodka, to_product_id: null, to_product_name: null },
    ]);
    expect((await products()).length).toBe(before);
    const foreign = await failure(
      api.purchasing.transfers.pairs.query({
        from_service_id: bar,
        to_service_id: reserve,
        product_ids: [gin],
      }),
    );
    expect(foreign.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
  });

  it('refuses the same service on both sides, a closed destination month, and a scoped operator (404)', async () => {
    const f = await twoServices();
    const api = t.trpc(f.owner.token);
    const gin = await seedProduct(f, 0, { name: 'Gin' });
    const same = await failure(
      api.purchasing.transfers.create.mutate({
        from_service_id: f.services[0]!.id,
        to_service_id: f.services[0]!.id,
        moved_on: '2026-11-12',
        lines: [{ product_id: gin, quantity: 1 }],
      }),
    );
    expect(same.data).toMatchObject({ code: 'VALIDATION_ERROR' });
    await t.db
      .insertInto('inventory_periods')
      .values({ tenant_id: f.tenantId, service_id: f.services[1]!.id, month: '2026-11', status: 'CLOSED' })
      .execute();
    const body = {
      from_service_id: f.services[0]!.id,
      to_service_id: f.services[1]!.id,
      moved_on: '2026-11-12',
      lines: [{ product_id: gin, quantity: 1 }],
    };
    const closed = await failure(api.purchasing.transfers.create.mutate(body));
    expect(closed.data).toMatchObject({ code: 'MONTH_CLOSED' });
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', f.services[0]!.id, NOW);
    const scoped = await failure(t.trpc(operator.token).purchasing.transfers.create.mutate(body));
    expect(scoped.data).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await t.db.selectFrom('transfers').select('id').where('tenant_id', '=', f.tenantId).execute(),
    ).toEqual([]);
  });
});
