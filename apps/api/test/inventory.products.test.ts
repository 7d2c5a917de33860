import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });

const productRow = (id: string) =>
  t.db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('inventory.products.create — shaped by the service', () => {
  it('bar (mixed, selling price off, no SKU): keeps the unit, drops the selling price with a warning', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const bar = f.services[0]!;
    const { product, warnings } = await t.trpc(f.owner.token).inventory.products.create.mutate({
      service_id: bar.id,
      name: 'Vodka 70cl',
      unit: 'l',
      barcode: '3012345678901',
      purchase_price: 12.5,
      selling_price: 30,
      internal_sku: 'V-1',
    });
    expect(product).toMatchObject({
      name: 'Vodka 70cl',
      unit: 'l',
      purchase_price: 12.5,
      selling_price: null,
      internal_sku: null,
      barcode: '3012345678901',
      service_id: bar.id,
    });
    expect(warnings.map((w) => [w.code, w.field])).toEqual([
      ['FIELD_IGNORED', 'internal_sku'],
      ['FIELD_IGNORED', 'selling_price'],
    ]);
    expect(warnings[1]!.message).toEqual({
      fr: 'Le champ « prix de vente » n’est pas suivi dans ce service : valeur ignorée.',
      en: 'The field "selling price" is not tracked in this service: value ignored.',
    });
    const row = await productRow(product.id);
    expect(row).toMatchObject({
      tenant_id: f.tenantId,
      selling_price: null,
      unit: 'l',
      purchase_price: 12.5,
    });
  });

  it('normalises units by counting mode: weight → kg, unit → pcs; warns when it changed one', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Cuisine', service_type: 'kitchen' },
        { name: 'Boutique', service_type: 'retail_general' },
      ],
    });
    const api = t.trpc(f.owner.token).inventory.products;
    const flour = await api.create.mutate({ service_id: f.services[0]!.id, name: 'Farine', unit: 'pcs' });
    expect(flour.product.unit).toBe('kg');
    expect(flour.warnings).toContainEqual(
      expect.objectContaining({ code: 'UNIT_NORMALISED', field: 'unit' }),
    );
    const grams = await api.create.mutate({ service_id: f.services[0]!.id, name: 'Safran', unit: 'g' });
    expect(grams.product.unit).toBe('g');
    expect(grams.warnings.map((w) => w.code)).not.toContain('UNIT_NORMALISED');
    const mug = await api.create.mutate({ service_id: f.services[1]!.id, name: 'Mug', unit: 'kg' });
    expect(mug.product.unit).toBe('pcs');
    const defaulted = await api.create.mutate({ service_id: f.services[1]!.id, name: 'Tote bag' });
    expect(defaulted.product.unit).toBe('pcs');
    expect(defaulted.warnings.map((w) => w.code)).not.toContain('UNIT_NORMALISED');
  });

  it('warns about a product that cannot be scanned nor valued', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const { warnings } = await t
      .trpc(f.owner.token, 'en')
      .inventory.products.create.mutate({ service_id: f.services[0]!.id, name: 'Citrons' });
    expect(warnings.map((w) => w.code)).toEqual(['NO_IDENTIFIER', 'MISSING_PURCHASE_PRICE']);
    expect(warnings[1]!.message.en).toBe('Missing purchase price: the stock value will be incomplete.');
    expect(warnings[1]!.message.fr).toBe('Prix d’achat manquant : la valeur du stock sera incomplète.');
  });

  it('files a product under the existing spelling of its category, creating new categories on the way', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const api = t.trpc(f.owner.token).inventory;
    const bar = f.services[0]!.id;
    await api.categories.create.mutate({ service_id: bar, name: 'Bières' });
    const beer = await api.products.create.mutate({ service_id: bar, name: 'IPA', category: 'bieres ' });
    expect(beer.product.category).toBe('Bières');
    const wine = await api.products.create.mutate({ service_id: bar, name: 'Brouilly', category: 'Vins' });
    expect(wine.product.category).toBe('Vins');
    const { items } = await api.categories.list.query({ service_id: bar });
    expect(items.map((c) => [c.name, c.slug, c.product_count])).toEqual([
      ['Bières', 'bieres', 1],
      ['Vins', 'vins', 1],
    ]);
  });

  it('rejects bad input with 400 VALIDATION_ERROR and the field', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const error = await failure(
      t.trpc(f.owner.token).inventory.products.create.mutate({
        service_id: f.services[0]!.id,
        name: '  ',
        purchase_price: -1,
      }),
    );
    expect(error.data).toMatchObject({ code: 'VALIDATION_ERROR', http_status: 400 });
    expect(Object.keys(error.data.fields as object).sort()).toEqual(['name', 'purchase_price']);
    expect(
      await t.db.selectFrom('products').select('id').where('tenant_id', '=', f.tenantId).execute(),
    ).toEqual([]);
  });
});

describe('SKU auto-numbering', () => {
  it('numbers SKU-000001, SKU-000002… per service, keeps a typed SKU and skips numbers typed by hand', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Cuisine', service_type: 'kitchen' },
        { name: 'Pâtisserie', service_type: 'bakery' },
      ],
    });
    const api = t.trpc(f.owner.token).inventory.products;
    const [kitchen, bakery] = [f.services[0]!.id, f.services[1]!.id];
    const sku = async (service_id: string, internal_sku?: string) =>
      (
        await api.create.mutate({
          service_id,
          name: `P ${Math.random()}`,
          ...(internal_sku ? { internal_sku } : {}),
        })
      ).product.internal_sku;
    expect(await sku(kitchen)).toBe('SKU-000001');
    expect(await sku(kitchen, 'SKU-000003')).toBe('SKU-000003');
    expect(await sku(kitchen)).toBe('SKU-000002');
    expect(await sku(kitchen)).toBe('SKU-000004');
    expect(await sku(bakery)).toBe('SKU-000001');
  });

  it('10 concurrent creates get 10 distinct SKUs', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [{ name: 'Cuisine', service_type: 'kitchen' }],
    });
    const api = t.trpc(f.owner.token).inventory.products;
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.create.mutate({ service_id: f.services[0]!.id, name: `Épice ${i}` }),
      ),
    );
    const skus = created.map((c) => c.product.internal_sku).sort();
    expect(skus).toEqual(Array.from({ length: 10 }, (_, i) => `SKU-${String(i + 1).padStart(6, '0')}`));
    const service = await t.db
      .selectFrom('services')
      .select('sku_seq')
      .where('id', '=', f.services[0]!.id)
      .executeTakeFirstOrThrow();
    expect(service.sku_seq).toBe(10);
  });
});

describe('uniqueness among live products of a service', () => {
  it('a second live product with the same barcode → 409 DUPLICATE_BARCODE; free again once archived', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Épicerie', service_type: 'grocery_food' },
      ],
    });
    const api = t.trpc(f.owner.token).inventory.products;
    const [bar, grocery] = [f.services[0]!.id, f.services[1]!.id];
    const first = await api.create.mutate({ service_id: bar, name: 'Cola', barcode: '5449000000996' });
    const error = await failure(
      api.create.mutate({ service_id: bar, name: 'Coca', barcode: '5449000000996' }),
    );
    expect(error.data).toMatchObject({ code: 'DUPLICATE_BARCODE', http_status: 409 });
    expect(error.message).toBe('Ce code-barres existe déjà dans ce service.');
    // the same barcode in another service is another product
    await expect(
      api.create.mutate({ service_id: grocery, name: 'Cola', barcode: '5449000000996' }),
    ).resolves.toHaveProperty('product.barcode', '5449000000996');

    const archived = await api.archive.mutate({ id: first.product.id });
    expect(archived.product.archived_at).toBe(NOW.toISOString());
    const second = await api.create.mutate({ service_id: bar, name: 'Coca', barcode: '5449000000996' });
    expect(second.product.barcode).toBe('5449000000996');
    // restoring the first would make two live products with one barcode
    const restore = await failure(api.restore.mutate({ id: first.product.id }));
    expect(restore.data).toMatchObject({ code: 'DUPLICATE_BARCODE', http_status: 409 });
    expect((await productRow(first.product.id)).archived_at).toEqual(NOW);
  });

  it('a typed SKU already used → 409 DUPLICATE_SKU, also on update', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [{ name: 'Pharmacie', service_type: 'pharmacy_parapharmacy' }],
    });
    const api = t.trpc(f.owner.token).inventory.products;
    const service_id = f.services[0]!.id;
    await api.create.mutate({ service_id, name: 'Doliprane', internal_sku: 'DOL-500' });
    const other = await api.create.mutate({ service_id, name: 'Spasfon' });
    const created = await failure(
      api.create.mutate({ service_id, name: 'Doliprane 2', internal_sku: 'DOL-500' }),
    );
    expect(created.data).toMatchObject({ code: 'DUPLICATE_SKU', http_status: 409 });
    const updated = await failure(api.update.mutate({ id: other.product.id, internal_sku: 'DOL-500' }));
    expect(updated.data).toMatchObject({ code: 'DUPLICATE_SKU', http_status: 409 });
    expect((await productRow(other.product.id)).internal_sku).toBe('SKU-000001');
  });
});

describe('inventory.products.update / archive / restore / list', () => {
  it('update changes only the fields given; null clears one', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const api = t.trpc(f.owner.token).inventory.products;
    const { product } = await api.create.mutate({
      service_id: f.services[0]!.id,
      name: 'Gin',
      brand: 'Citadelle',
      min_qty: 2,
      purchase_price: 20,
    });
    t.clock.advance(60_000);
    const { product: updated } = await api.update.mutate({ id: product.id, min_qty: 3.5, brand: null });
    expect(updated).toMatchObject({ name: 'Gin', brand: null, min_qty: 3.5, purchase_price: 20 });
    expect(updated.updated_at).toBe(new Date(NOW.getTime() + 60_000).toISOString());
    t.clock.set(NOW);
    expect(await productRow(product.id)).toMatchObject({ brand: null, min_qty: 3.5 });
  });

  it('archive and restore need a manager; an operator gets 403 FORBIDDEN_ROLE', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager', null, NOW);
    const { product } = await t
      .trpc(operator.token)
      .inventory.products.create.mutate({ service_id: f.services[0]!.id, name: 'Rhum' });
    const refused = await failure(
      t.trpc(operator.token).inventory.products.archive.mutate({ id: product.id }),
    );
    expect(refused.data).toMatchObject({ code: 'FORBIDDEN_ROLE', http_status: 403 });
    expect((await productRow(product.id)).archived_at).toBeNull();
    const archived = await t.trpc(manager.token).inventory.products.archive.mutate({ id: product.id });
    expect(archived.product.archived_at).toBe(NOW.toISOString());
    const restored = await t.trpc(manager.token).inventory.products.restore.mutate({ id: product.id });
    expect(restored.product.archived_at).toBeNull();
  });

  it('list pages by name with a cursor, filters by search and category, shows archived apart', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const api = t.trpc(f.owner.token).inventory.products;
    const service_id = f.services[0]!.id;
    for (const [name, category, barcode] of [
      ['Bière blonde', 'Bières', '111'],
      ['Bière brune', 'Bières', '222'],
      ['Cidre', 'Cidres', '333'],
      ['Gin', 'Spiritueux', '444'],
      ['Vodka', 'Spiritueux', '555'],
    ] as const)
      await api.create.mutate({ service_id, name, category, barcode });
    const gone = await api.create.mutate({ service_id, name: 'Absinthe' });
    await api.archive.mutate({ id: gone.product.id });

    const page1 = await api.list.query({ service_id, limit: 2 });
    expect(page1.items.map((p) => p.name)).toEqual(['Bière blonde', 'Bière brune']);
    const page2 = await api.list.query({ service_id, limit: 2, cursor: page1.next_cursor! });
    expect(page2.items.map((p) => p.name)).toEqual(['Cidre', 'Gin']);
    const page3 = await api.list.query({ service_id, limit: 2, cursor: page2.next_cursor! });
    expect(page3).toMatchObject({ next_cursor: null });
    expect(page3.items.map((p) => p.name)).toEqual(['Vodka']);

    expect((await api.list.query({ service_id, search: 'bière' })).items.map((p) => p.name)).toEqual([
      'Bière blonde',
      'Bière brune',
    ]);
    expect((await api.list.query({ service_id, search: '444' })).items.map((p) => p.name)).toEqual(['Gin']);
    expect((await api.list.query({ service_id, search: '%' })).items).toEqual([]);
    expect((await api.list.query({ service_id, category: 'Spiritueux' })).items.map((p) => p.name)).toEqual([
      'Gin',
      'Vodka',
    ]);
    expect((await api.list.query({ service_id, archived: true })).items.map((p) => p.name)).toEqual([
      'Absinthe',
    ]);
  });
});

describe('limits and isolation', () => {
  it('ESSENTIEL at 100 live products: the 101st → 403 LIMIT_MAX_PRODUCTS; archiving one makes room', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'ESSENTIEL' });
    const service_id = f.services[0]!.id;
    const rows = await t.db
      .insertInto('products')
      .values(
        Array.from({ length: 100 }, (_, i) => ({
          tenant_id: f.tenantId,
          service_id,
          name: `Produit ${i}`,
          unit: 'pcs' as const,
        })),
      )
      .returning('id')
      .execute();
    const api = t.trpc(f.owner.token).inventory.products;
    const refused = await failure(api.create.mutate({ service_id, name: 'Un de trop' }));
    expect(refused.data).toMatchObject({
      code: 'LIMIT_MAX_PRODUCTS',
      http_status: 403,
      limit: 100,
      upgrade_to: 'BOUTIQUE',
    });
    await api.archive.mutate({ id: rows[0]!.id });
    await expect(api.create.mutate({ service_id, name: 'Enfin' })).resolves.toHaveProperty(
      'product.name',
      'Enfin',
    );
    const restore = await failure(api.restore.mutate({ id: rows[0]!.id }));
    expect(restore.data).toMatchObject({ code: 'LIMIT_MAX_PRODUCTS', http_status: 403 });
  });

  it("another tenant's service or product answers 404 and nothing is written", async () => {
    const mine = await createTenantFixture(t.db, t.config, { now: NOW });
    const theirs = await createTenantFixture(t.db, t.config, { now: NOW });
    const { product } = await t.trpc(theirs.owner.token).inventory.products.create.mutate({
      service_id: theirs.services[0]!.id,
      name: 'Secret',
      barcode: '999',
    });
    const api = t.trpc(mine.owner.token).inventory.products;
    for (const call of [
      () => api.create.mutate({ service_id: theirs.services[0]!.id, name: 'Intrus' }),
      () => api.get.query({ id: product.id }),
      () => api.update.mutate({ id: product.id, name: 'Pirate' }),
      () => api.archive.mutate({ id: product.id }),
      () => api.restore.mutate({ id: product.id }),
      () => api.list.query({ service_id: theirs.services[0]!.id }),
    ]) {
      const error = await failure(call());
      expect(error.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    }
    expect(await productRow(product.id)).toMatchObject({ name: 'Secret', archived_at: null });
    const count = await t.db
      .selectFrom('products')
      .select('id')
      .where('tenant_id', '=', mine.tenantId)
      .execute();
    expect(count).toEqual([]);
  });

  it('an operator scoped to one service cannot reach another service of the tenant (404)', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const [bar, kitchen] = [f.services[0]!.id, f.services[1]!.id];
    const barOperator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', bar, NOW);
    const { product } = await t
      .trpc(f.owner.token)
      .inventory.products.create.mutate({ service_id: kitchen, name: 'Beurre' });
    const api = t.trpc(barOperator.token).inventory.products;
    for (const call of [
      () => api.get.query({ id: product.id }),
      () => api.update.mutate({ id: product.id, name: 'Margarine' }),
      () => api.create.mutate({ service_id: kitchen, name: 'Crème' }),
      () => api.list.query({ service_id: kitchen }),
    ]) {
      const error = await failure(call());
      expect(error.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    }
    await expect(api.create.mutate({ service_id: bar, name: 'Menthe' })).resolves.toHaveProperty(
      'product.service_id',
      bar,
    );
  });
});
