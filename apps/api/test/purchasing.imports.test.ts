import { failure } from '@stockscan/testing/trpc-failure';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

async function seedProduct(
  f: TenantFixture,
  values: { name: string; barcode?: string; internal_sku?: string; purchase_price?: number },
) {
  const row = await t.db
    .insertInto('products')
    .values({
      tenant_id: f.tenantId,
      service_id: f.services[0]!.id,
      name: values.name,
      unit: 'pcs',
      barcode: values.barcode ?? null,
      internal_sku: values.internal_sku ?? null,
      purchase_price: values.purchase_price ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A delivery note as a French wholesaler's till writes it: Windows-1252, `;`, decimal commas, a title line. */
const DELIVERY = iconv.encode(
  [
    'BON DE LIVRAISON N° BL-4471;;;;',
    'Désignation;EAN;Qté;Colisage;PU HT',
    'Bière blonde 33cl;3080216052243;2;24;18,00',
    'Sirop de grenadine;;1;;6,50',
    'Crème de cassis;;3;;9,90',
    'Citrons verts (kg);;2,5;;3,20',
  ].join('\r\n'),
  'win1252',
);

async function given(plan: 'ESSENTIEL' | 'BOUTIQUE' | 'PRO' = 'BOUTIQUE') {
  const f = await createTenantFixture(t.db, t.config, { now: NOW, plan });
  const beer = await seedProduct(f, {
    name: 'Bière blonde 33cl (btl)',
    barcode: '3080216052243',
    purchase_price: 0.7,
  });
  const syrup = await seedProduct(f, { name: 'Sirop de Grenadine', purchase_price: 6 });
  const lime = await seedProduct(f, { name: 'Citrons verts' });
  return {
    f,
    service_id: f.services[0]!.id,
    beer,
    syrup,
    lime,
    api: t.trpc(f.owner.token).purchasing.imports,
  };
}

async function rowCounts(tenantId: string) {
  const count = (
    table: 'products' | 'receipts' | 'receipt_lines' | 'sales_lines' | 'idempotency_keys' | 'audit_log',
  ) =>
    t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  return {
    products: await count('products'),
    receipts: await count('receipts'),
    receipt_lines: await count('receipt_lines'),
    sales_lines: await count('sales_lines'),
    idempotency_keys: await count('idempotency_keys'),
    audit_log: await count('audit_log'),
  };
}

describe('purchasing.imports.preview', () => {
  it('reads a Windows-1252 delivery note under its title line, proposes the mapping, matches lines, writes nothing', async () => {
    const { f, service_id, beer, syrup, api } = await given();
    const before = await rowCounts(f.tenantId);

    const preview = await api.preview.mutate({
      kind: 'receipt',
      service_id,
      file_name: 'bl.csv',
      file_base64: b64(DELIVERY),
    });

    expect(preview.format).toBe('csv');
    expect(preview.header_line).toBe(2);
    expect(preview.columns.map((c) => c.header)).toEqual(['Désignation', 'EAN', 'Qté', 'Colisage', 'PU HT']);
    expect(preview.proposed_mapping).toMatchObject({
      name: 0,
      barcode: 1,
      quantity: 2,
      pack_size: 3,
      unit_cost: 4,
    });
    expect(
      preview.lines.map((l) => [
        l.line,
        l.quantity,
        l.unit_cost,
        l.match?.product_id ?? null,
        l.match?.by ?? null,
      ]),
    ).toEqual([
      [3, 48, 0.75, beer, 'barcode'],
      [4, 1, 6.5, syrup, 'name'],
      [5, 3, 9.9, null, null],
      [6, 2.5, 3.2, null, null],
    ]);
    expect(preview.unmatched).toEqual([5, 6]);
    expect(preview.invalid).toEqual([]);
    expect(await rowCounts(f.tenantId)).toEqual(before);
  });

  it('a chosen mapping re-reads the file; an XLSX with a title row above the header is read too', async () => {
    const { service_id, lime, api } = await given();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Facture');
    ws.addRow(['Primeurs du Marché — facture 2026-118']);
    ws.addRow([]);
    ws.addRow(['Libellé', 'Quantité', 'Prix unitaire', 'Montant HT']);
    ws.addRow(['Citrons verts', 2, 3.1, 6.2]);
    const file = b64(Buffer.from(await wb.xlsx.writeBuffer()));
    const preview = await api.preview.mutate({ kind: 'receipt', service_id, file_base64: file });
    expect(preview.format).toBe('xlsx');
    expect(preview.header_line).toBe(3);
    expect(preview.lines).toMatchObject([
      { line: 4, quantity: 2, unit_cost: 3.1, match: { product_id: lime, by: 'name' } },
    ]);

    const remapped = await api.preview.mutate({
      kind: 'receipt',
      service_id,
      file_base64: file,
      mapping: { name: 0, quantity: 2 },
    });
    expect(remapped.mapping).toMatchObject({ name: 0, quantity: 2, unit_cost: null, total_cost: null });
    expect(remapped.lines[0]).toMatchObject({ quantity: 3.1, unit_cost: null });
  });

  it('a file that is no table → 400 IMPORT_INVALID; ESSENTIEL → 403; till sales need PRO', async () => {
    const { service_id, api } = await given();
    const bad = await failure(
      api.preview.mutate({ kind: 'receipt', service_id, file_base64: b64('%PDF-1.7\u0000\u0001') }),
    );
    expect(bad.data).toMatchObject({ code: 'IMPORT_INVALID', httpStatus: 400 });
    const sales = await failure(
      api.preview.mutate({ kind: 'sales', service_id, file_base64: b64(DELIVERY) }),
    );
    expect(sales.data).toMatchObject({ code: 'FEATURE_NOT_INCLUDED', httpStatus: 403 });
    const solo = await given('ESSENTIEL');
    const refused = await failure(
      solo.api.preview.mutate({ kind: 'receipt', service_id: solo.service_id, file_base64: b64(DELIVERY) }),
    );
    expect(refused.data).toMatchObject({ code: 'FEATURE_NOT_INCLUDED', httpStatus: 403 });
  });
});

describe('purchasing.imports.commit', () => {
  const resolutions = [
    { line: 5, action: 'create' as const, name: 'Crème de cassis 70cl' },
    { line: 6, action: 'skip' as const },
  ];

  it('writes one receipt from the file, creates the chosen product, updates prices; a replay of the key is the same receipt', async () => {
    const { f, service_id, beer, syrup, api } = await given();
    const mapping = { name: 0, barcode: 1, quantity: 2, pack_size: 3, unit_cost: 4 };
    const input = {
      kind: 'receipt' as const,
      service_id,
      file_name: 'bl.csv',
      file_base64: b64(DELIVERY),
      mapping,
      resolutions,
      received_on: '2026-11-14',
      reference: 'BL-4471',
      update_purchase_prices: true,
      idempotency_key: 'import-bl-4471-key',
    };

    const first = await api.commit.mutate(input);
    const again = await api.commit.mutate(input);

    expect(first).toMatchObject({
      kind: 'receipt',
      lines_written: 3,
      products_created: 1,
      prices_updated: 3,
      skipped: 1,
    });
    expect(again).toEqual(first);
    const receipts = await t.db
      .selectFrom('receipts')
      .selectAll()
      .where('tenant_id', '=', f.tenantId)
      .execute();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({
      id: first.receipt_id,
      source: 'import',
      import_id: first.import_id,
      month: '2026-11',
      reference: 'BL-4471',
    });
    const cassis = await t.db
      .selectFrom('products')
      .select(['id', 'purchase_price'])
      .where('tenant_id', '=', f.tenantId)
      .where('name', '=', 'Crème de cassis 70cl')
      .executeTakeFirstOrThrow();
    const lines = await t.db
      .selectFrom('receipt_lines')
      .select(['product_id', 'quantity', 'unit_cost'])
      .where('receipt_id', '=', first.receipt_id as string)
      .orderBy('position')
      .execute();
    expect(lines.map((l) => [l.product_id, Number(l.quantity), Number(l.unit_cost)])).toEqual([
      [beer, 48, 0.75],
      [syrup, 1, 6.5],
      [cassis.id, 3, 9.9],
    ]);
    const prices = await t.db
      .selectFrom('products')
      .select(['id', 'purchase_price'])
      .where('id', 'in', [beer, syrup])
      .execute();
    expect(Object.fromEntries(prices.map((p) => [p.id, Number(p.purchase_price)]))).toEqual({
      [beer]: 0.75,
      [syrup]: 6.5,
    });
  });

  it('an unmatched line left unresolved refuses the whole file with 400 IMPORT_INVALID naming it; nothing written', async () => {
    const { f, service_id, api } = await given();
    const before = await rowCounts(f.tenantId);
    const refused = await failure(
      api.commit.mutate({
        kind: 'receipt',
        service_id,
        file_base64: b64(DELIVERY),
        mapping: { name: 0, barcode: 1, quantity: 2, pack_size: 3, unit_cost: 4 },
        resolutions: [{ line: 6, action: 'skip' }],
        idempotency_key: 'import-unresolved-1',
      }),
    );
    expect(refused.data).toMatchObject({
      code: 'IMPORT_INVALID',
      httpStatus: 400,
      lines: [5],
      fields: { line_5: expect.any(String) },
    });
    expect(refused.message).toContain('ligne 5');
    expect(await rowCounts(f.tenantId)).toEqual(before);
  });

  it('a closed month refuses the delivery with 409 MONTH_CLOSED', async () => {
    const { f, service_id, api } = await given();
    await t.db
      .insertInto('inventory_periods')
      .values({ tenant_id: f.tenantId, service_id, month: '2026-10', status: 'CLOSED', closed_at: NOW })
      .execute();
    const refused = await failure(
      api.commit.mutate({
        kind: 'receipt',
        service_id,
        file_base64: b64(DELIVERY),
        mapping: { name: 0, barcode: 1, quantity: 2, pack_size: 3, unit_cost: 4 },
        resolutions,
        received_on: '2026-10-30',
        idempotency_key: 'import-closed-month',
      }),
    );
    expect(refused.data).toMatchObject({ code: 'MONTH_CLOSED', httpStatus: 409 });
    expect((await rowCounts(f.tenantId)).receipts).toBe(0);
  });

  it('till sales (PRO) become the month’s sales lines carrying the import id', async () => {
    const { f, service_id, beer, syrup } = await given('PRO');
    const api = t.trpc(f.owner.token).purchasing.imports;
    const till = b64(
      'Article,EAN,Quantité vendue,CA TTC\nBière,3080216052243,130,"585,00"\nGrenadine,,12,30\nTotal,,142,615\n',
    );
    const preview = await api.preview.mutate({ kind: 'sales', service_id, file_base64: till });
    expect(preview.lines.map((l) => [l.quantity, l.revenue, l.match?.product_id ?? null])).toEqual([
      [130, 585, beer],
      [12, 30, null],
    ]);
    const done = await api.commit.mutate({
      kind: 'sales',
      service_id,
      file_base64: till,
      mapping: preview.mapping,
      resolutions: [{ line: 3, action: 'link', product_id: syrup }],
      month: '2026-10',
      idempotency_key: 'till-2026-10-export',
    });
    const sales = await t.db
      .selectFrom('sales_lines')
      .selectAll()
      .where('tenant_id', '=', f.tenantId)
      .orderBy('quantity_sold', 'desc')
      .execute();
    expect(
      sales.map((s) => [s.product_id, s.month, Number(s.quantity_sold), Number(s.revenue), s.import_id]),
    ).toEqual([
      [beer, '2026-10', 130, 585, done.import_id],
      [syrup, '2026-10', 12, 30, done.import_id],
    ]);
  });
});

describe('body limits', () => {
  it('a near-cap file reaches the import; other tRPC calls keep the server limit (413)', async () => {
    const { service_id, f } = await given();
    const limit = t.app.initialConfig.bodyLimit ?? 0;
    const pad = 'x'.repeat(320);
    const rows = Array.from({ length: 12_000 }, (_, i) => `Produit ${i};${i % 9};${pad}`);
    const file = Buffer.from(['Produit;Qté;Notes', ...rows].join('\n'));
    const body = JSON.stringify({ kind: 'receipt', service_id, file_base64: b64(file) });
    expect(file.length).toBeLessThan(4 * 1024 * 1024);
    expect(body.length).toBeGreaterThan(limit); // more than any other call may send
    const post = (path: string, json: string) =>
      fetch(`${t.url}/trpc/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${f.owner.token}`, 'content-type': 'application/json' },
        body: json,
      });
    const preview = await post('purchasing.imports.preview', body);
    expect(preview.status).toBe(200);
    const read = (await preview.json()) as { result: { data: { lines: unknown[] } } };
    expect(read.result.data.lines).toHaveLength(12_000);

    const big = JSON.stringify({ service_id, name: 'x'.repeat(limit) });
    const refused = await post('inventory.products.create', big);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const batched = await post('purchasing.imports.preview,inventory.products.create?batch=1', big);
    expect(batched.status).toBe(413);
  });
});
