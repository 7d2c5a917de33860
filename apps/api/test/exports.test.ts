import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { readWorkbook, seedProducts, sheetValues, usageRows } from './exports-fixtures';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

const HEADERS = [
  'Nom',
  'Catégorie',
  'Code-barres / SKU',
  'Quantité',
  'Unité',
  'Statut',
  'Reste',
  'Prix achat (€)',
  'Prix vente (€)',
  'TVA (%)',
  'DLC',
  'Lot',
  'Stock min',
  'Valeur achat (€)',
  'Mois',
  'Service',
];

/** A PRO bar with three counted products (one opened), one uncounted, and one counted last month. */
async function barWithCounts(plan: 'PRO' | 'BOUTIQUE' | 'ESSENTIEL' = 'PRO') {
  const f = await createTenantFixture(t.db, t.config, { plan, name: 'Bistrot Chez Léa' });
  const bar = f.services[0]!;
  await seedProducts(t.db, f.tenantId, bar.id, [
    {
      name: 'Gin Citadelle 70cl',
      category: 'Spiritueux',
      barcode: '3760007450015',
      purchase_price: 24.5,
      selling_price: 60,
      vat_rate: 20,
      min_qty: 2,
      counts: {
        [MONTH]: {
          quantity: 4,
          container_status: 'OPENED',
          remaining_fraction: 0.5,
          expiry_date: '2027-03-31',
          lot_number: 'L42',
        },
      },
    },
    {
      name: 'Bière pression (fût 30 L)',
      category: 'Bières',
      unit: 'l',
      purchase_price: 2.8,
      vat_rate: 5.5,
      counts: { [MONTH]: { quantity: 52.5 }, '2026-10': { quantity: 60 } },
    },
    { name: 'Citrons', internal_sku: 'SKU-000001', counts: { [MONTH]: { quantity: 12 } } },
    { name: 'Sirop (pas compté)', category: 'Softs', purchase_price: 3 },
  ]);
  return { ...f, bar };
}

describe('GET /api/export-excel/ (xlsx)', () => {
  it('the seed curl: 200, attachment name, a workbook with title, headers, rows in order and totals', async () => {
    const f = await barWithCounts();
    const tenant = await t.db
      .selectFrom('tenants')
      .select('slug')
      .where('id', '=', f.tenantId)
      .executeTakeFirstOrThrow();

    const producedXlsx = async () =>
      (await t.deps.metrics.exports.get()).values.find(
        (v) => v.labels.format === 'xlsx' && v.labels.result === 'ok',
      )?.value ?? 0;
    const before = await producedXlsx();

    const res = await t.request(`/api/export-excel/?service=${f.bar.id}&format=xlsx`, {
      token: f.owner.token,
    });

    expect(res.status).toBe(200);
    await res.clone().arrayBuffer();
    // Counted when the writer finishes, which may be a tick after the last byte reached us.
    await vi.waitFor(async () => expect(await producedXlsx()).toBe(before + 1));
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="inventaire_${MONTH}_${tenant.slug}_bar.xlsx"`,
    );
    const workbook = await readWorkbook(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Inventaire')!;
    const rows = sheetValues(sheet);
    expect(rows[0]?.[0]).toBe('Inventaire 11/2026 — Bistrot Chez Léa (Services : Bar)');
    expect(rows[1]).toEqual(HEADERS);
    // Ordered by category (none last), then name.
    expect(rows[2]).toEqual([
      'Bière pression (fût 30 L)',
      'Bières',
      undefined,
      52.5,
      'l',
      'Scellé',
      undefined,
      2.8,
      undefined,
      5.5,
      undefined,
      undefined,
      undefined,
      147,
      MONTH,
      'Bar',
    ]);
    expect(rows[3]).toEqual([
      'Gin Citadelle 70cl',
      'Spiritueux',
      '3760007450015',
      4,
      'pcs',
      'Ouvert',
      0.5,
      24.5,
      60,
      20,
      new Date('2027-03-31T00:00:00Z'),
      'L42',
      2,
      110.25,
      MONTH,
      'Bar',
    ]);
    expect(rows[4]?.slice(0, 6)).toEqual(['Citrons', undefined, 'SKU-000001', 12, 'pcs', 'Scellé']);
    expect(rows).toHaveLength(6);
    const totals = sheet.getRow(6);
    expect(totals.getCell(1).value).toBe('Total (3 lignes)');
    expect(totals.getCell(4).value).toEqual({ formula: 'SUBTOTAL(109,D3:D5)', result: 68.5 });
    expect(totals.getCell(14).value).toEqual({ formula: 'SUBTOTAL(109,N3:N5)', result: 257.25 });
    expect(sheet.getCell('D4').numFmt).toBe('#,##0');
    expect(sheet.getCell('D3').numFmt).toBe('#,##0.0##');
    expect(sheet.getCell('H4').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('G4').numFmt).toBe('0%');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBe('A2:P2');
    expect(sheet.getCell('A2').font?.bold).toBe(true);

    const usage = await usageRows(t.db, f.tenantId);
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({
      kind: 'export_xlsx',
      params: { format: 'xlsx', from: MONTH, to: MONTH },
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'object_type', 'object_id', 'user_id', 'meta', 'created_at'])
      .where('tenant_id', '=', f.tenantId)
      .where('action', '=', 'export.create')
      .execute();
    expect(audit).toEqual([
      {
        action: 'export.create',
        object_type: 'export',
        object_id: usage[0]!.id,
        user_id: f.owner.id,
        meta: expect.objectContaining({ format: 'xlsx', rows: 3, service_ids: [f.bar.id], mode: 'all' }),
        created_at: NOW,
      },
    ]);
  });
});

describe('PRO Synthèse sheet', () => {
  it('totals, values at purchase and selling price, a table per category, losses by reason', async () => {
    const f = await barWithCounts('PRO');
    const [gin] = await t.db
      .selectFrom('products')
      .select('id')
      .where('tenant_id', '=', f.tenantId)
      .where('name', 'like', 'Gin%')
      .execute();
    await t.db
      .insertInto('loss_events')
      .values(
        (
          [
            { reason: 'breakage', quantity: 1, unit: 'pcs' },
            { reason: 'breakage', quantity: 2, unit: 'pcs' },
            { reason: 'theft', quantity: 1, unit: 'pcs' },
          ] as const
        ).map((l) => ({
          ...l,
          tenant_id: f.tenantId,
          service_id: f.bar.id,
          product_id: gin!.id,
          occurred_at: NOW,
          inventory_month: MONTH,
        })),
      )
      .execute();

    const res = await t.request(`/api/export-excel/?service=${f.bar.id}`, { token: f.owner.token });

    expect(res.status).toBe(200);
    const workbook = await readWorkbook(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Inventaire', 'Synthèse', 'Consommation']);
    const rows = sheetValues(workbook.getWorksheet('Synthèse')!);
    const byLabel = new Map(rows.filter(Boolean).map((r) => [r[0], r.slice(1)]));
    expect(byLabel.get('Produits comptés (lignes exportées)')).toEqual([3]);
    // 4 bottles + half an opened one, 52.5 l, 12 lemons.
    expect(byLabel.get('Quantité totale (reste des contenants ouverts inclus)')).toEqual([69]);
    expect(byLabel.get('Valeur du stock au prix d’achat (€)')).toEqual([257.25]);
    expect(byLabel.get('Valeur du stock au prix de vente (€)')).toEqual([270]);
    expect(byLabel.get('Lignes sans prix d’achat')).toEqual([1]);
    expect(byLabel.get('Pertes (événements)')).toEqual([3]);
    expect(byLabel.get('Pertes (coût, €)')).toEqual([98]);
    expect(byLabel.get('Bières')).toEqual([1, 52.5, 147, 0]);
    expect(byLabel.get('Spiritueux')).toEqual([1, 4.5, 110.25, 270]);
    expect(byLabel.get('Sans catégorie')).toEqual([1, 12, 0, 0]);
    expect(byLabel.get('Casse')).toEqual([2, 3, 73.5]);
    expect(byLabel.get('Vol')).toEqual([1, 1, 24.5]);
  });

  it('BOUTIQUE (no reports_advanced, stock_control) gets Inventaire and Consommation, no Synthèse', async () => {
    const f = await barWithCounts('BOUTIQUE');

    const res = await t.request(`/api/export-excel/?service=${f.bar.id}&format=xlsx`, {
      token: f.owner.token,
    });

    expect(res.status).toBe(200);
    const workbook = await readWorkbook(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Inventaire', 'Consommation']);
    const rows = sheetValues(workbook.getWorksheet('Consommation')!);
    expect(rows[2]?.slice(0, 8)).toEqual([
      'Service',
      'Catégorie',
      'Produit',
      'Unité',
      'Stock début',
      'Entrées',
      'Stock fin',
      'Consommation',
    ]);
    // exceljs reads an empty cell as a hole: 15 columns, empty = null.
    const cells = (r: ExcelJS.CellValue[]) => Array.from({ length: 15 }, (_, i) => r[i] ?? null);
    const byName = new Map(rows.filter(Boolean).map((r) => [r[2], cells(r)]));
    // Beer: 60 l in October, 52.5 l in November, nothing received: 7.5 l used at 2.80 €.
    expect(byName.get('Bière pression (fût 30 L)')).toEqual([
      'Bar',
      'Bières',
      'Bière pression (fût 30 L)',
      'l',
      60,
      0,
      52.5,
      7.5,
      0,
      null,
      null,
      2.8,
      21,
      null,
      null,
    ]);
    // Gin was not counted in October: no usage, said so, never a zero.
    const gin = byName.get('Gin Citadelle 70cl')!;
    expect([gin[4], gin[7], gin[12], gin[14]]).toEqual([null, null, null, 'comptage manquant']);
    expect(byName.has('Sirop (pas compté)')).toBe(false);
  });

  it('ESSENTIEL (no stock_control) gets the Inventaire sheet only', async () => {
    const f = await barWithCounts('ESSENTIEL');

    const res = await t.request(`/api/export-excel/?service=${f.bar.id}&format=xlsx`, {
      token: f.owner.token,
    });

    expect(res.status).toBe(200);
    const workbook = await readWorkbook(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Inventaire']);
  });
});

describe('formula injection', () => {
  it('a product named =HYPERLINK(...) comes out as text with a leading apostrophe, in XLSX and CSV', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'BOUTIQUE' });
    const bar = f.services[0]!;
    await seedProducts(t.db, f.tenantId, bar.id, [
      {
        name: '=HYPERLINK("http://x")',
        category: '+33 cave',
        counts: { [MONTH]: { quantity: 1, lot_number: '@SUM(A1)' } },
      },
      { name: '-1 bouteille', category: '+33 cave', barcode: '\t123', counts: { [MONTH]: { quantity: 2 } } },
    ]);

    const xlsx = await t.request(`/api/export-excel/?service=${bar.id}&format=xlsx`, {
      token: f.owner.token,
    });
    const csv = await t.request(`/api/export-excel/?service=${bar.id}&format=csv`, { token: f.owner.token });

    expect(xlsx.status).toBe(200);
    const sheet = (await readWorkbook(await xlsx.arrayBuffer())).getWorksheet('Inventaire')!;
    const hyperlink = sheet.getCell('A4');
    expect(hyperlink.value).toBe(`'=HYPERLINK("http://x")`);
    expect(hyperlink.type).toBe(ExcelJS.ValueType.String);
    expect(hyperlink.formula).toBeUndefined();
    expect(sheet.getCell('B4').value).toBe("'+33 cave");
    expect(sheet.getCell('L4').value).toBe("'@SUM(A1)");
    expect(sheet.getCell('A3').value).toBe("'-1 bouteille");
    expect(sheet.getCell('C3').value).toBe("'\t123");
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)";'\+33 cave;/);
    expect(lines[1]).toMatch(/^'-1 bouteille;'\+33 cave;'\t123;2;/);
  });
});

describe('CSV', () => {
  it('UTF-8 with BOM, ";" separator, CRLF, French decimals and dates, the same columns', async () => {
    const f = await barWithCounts('BOUTIQUE');
    const tenant = await t.db
      .selectFrom('tenants')
      .select('slug')
      .where('id', '=', f.tenantId)
      .executeTakeFirstOrThrow();

    const res = await t.request(`/api/export-excel/?service=${f.bar.id}&format=csv&month=${MONTH}`, {
      token: f.owner.token,
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="inventaire_${MONTH}_${tenant.slug}_bar.csv"`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(HEADERS.join(';'));
    expect(lines[1]).toBe('Bière pression (fût 30 L);Bières;;52,5;l;Scellé;;2,8;;5,5;;;;147;2026-11;Bar');
    expect(lines[2]).toBe(
      'Gin Citadelle 70cl;Spiritueux;3760007450015;4;pcs;Ouvert;0,5;24,5;60;20;31/03/2027;L42;2;110,25;2026-11;Bar',
    );
    expect(lines[3]).toMatch(/^Citrons;;SKU-000001;12;pcs;Scellé;/);
    expect(lines.slice(4)).toEqual(['']);
    expect(await usageRows(t.db, f.tenantId)).toMatchObject([{ kind: 'export_csv' }]);
  });
});

describe('what is exported', () => {
  it('mode=opened keeps opened containers only, mode=sealed the others', async () => {
    const f = await barWithCounts('PRO');

    const opened = await t.request(`/api/export-excel/?service=${f.bar.id}&format=csv&mode=opened`, {
      token: f.owner.token,
    });
    const sealed = await t.request(`/api/export-excel/?service=${f.bar.id}&format=csv&mode=sealed`, {
      token: f.owner.token,
    });

    const names = async (res: Response) =>
      (await res.text())
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(';')[0]);
    expect(await names(opened)).toEqual(['Gin Citadelle 70cl']);
    expect(await names(sealed)).toEqual(['Bière pression (fût 30 L)', 'Citrons']);
  });

  it('from/to: one row per product and month, a range file name, a per-month table in the Synthèse', async () => {
    const f = await barWithCounts('PRO');
    const tenant = await t.db
      .selectFrom('tenants')
      .select('slug')
      .where('id', '=', f.tenantId)
      .executeTakeFirstOrThrow();

    const res = await t.request(`/api/export-excel/?service=${f.bar.id}&from=2026-10&to=${MONTH}`, {
      token: f.owner.token,
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="inventaire_2026-10_${MONTH}_${tenant.slug}_bar.xlsx"`,
    );
    const workbook = await readWorkbook(await res.arrayBuffer());
    const rows = sheetValues(workbook.getWorksheet('Inventaire')!);
    expect(rows[0]?.[0]).toBe('Inventaire 10/2026 à 11/2026 — Bistrot Chez Léa (Services : Bar)');
    expect(rows.slice(2, 6).map((r) => [r[0], r[3], r[14]])).toEqual([
      ['Bière pression (fût 30 L)', 60, '2026-10'],
      ['Bière pression (fût 30 L)', 52.5, MONTH],
      ['Gin Citadelle 70cl', 4, MONTH],
      ['Citrons', 12, MONTH],
    ]);
    const summary = new Map(
      sheetValues(workbook.getWorksheet('Synthèse')!)
        .filter(Boolean)
        .map((r) => [r[0], r.slice(1)]),
    );
    expect(summary.get('2026-10')).toEqual([1, 60, 168, 0]);
    expect(summary.get(MONTH)).toEqual([3, 69, 257.25, 270]);
  });

  it("service=all exports every service of the tenant, named 'tous-services'", async () => {
    const f = await createTenantFixture(t.db, t.config, {
      plan: 'PRO',
      services: [
        { name: 'Cuisine', service_type: 'kitchen' },
        { name: 'Bar', service_type: 'bar' },
      ],
    });
    await seedProducts(t.db, f.tenantId, f.services[0]!.id, [
      { name: 'Farine', counts: { [MONTH]: { quantity: 5 } } },
    ]);
    await seedProducts(t.db, f.tenantId, f.services[1]!.id, [
      { name: 'Rhum', counts: { [MONTH]: { quantity: 2 } } },
    ]);

    const res = await t.request('/api/export-excel/?service=all&format=csv', { token: f.owner.token });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/_tous-services\.csv"$/);
    const lines = (await res.text()).split('\r\n');
    expect(lines.slice(1, -1).map((l) => [l.split(';')[0], l.split(';')[15]])).toEqual([
      ['Rhum', 'Bar'],
      ['Farine', 'Cuisine'],
    ]);
  });
  it('nothing counted yet: a valid workbook with the header, a zero total and an empty Synthèse', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', services: [] });

    const res = await t.request('/api/export-excel/?service=all', { token: f.owner.token });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/_tous-services\.xlsx"$/);
    const workbook = await readWorkbook(await res.arrayBuffer());
    const rows = sheetValues(workbook.getWorksheet('Inventaire')!);
    expect(rows[1]).toEqual(HEADERS);
    expect(rows[2]?.[0]).toBe('Total (0 ligne)');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Inventaire', 'Synthèse']);
  });
});

describe('errors are JSON, before any byte', () => {
  it('bad month → 400 VALIDATION_ERROR naming the field', async () => {
    const f = await barWithCounts('PRO');

    const res = await t.request(`/api/export-excel/?service=${f.bar.id}&month=2026-13`, {
      token: f.owner.token,
    });

    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { month: expect.any(String) },
    });
  });

  it('from after to → 400; month with a range → 400', async () => {
    const f = await barWithCounts('PRO');

    const reversed = await t.request(`/api/export-excel/?from=2026-11&to=2026-10`, { token: f.owner.token });
    const both = await t.request(`/api/export-excel/?month=2026-11&from=2026-10&to=2026-11`, {
      token: f.owner.token,
    });

    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toMatchObject({ fields: { to: expect.any(String) } });
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ fields: { month: expect.any(String) } });
  });

  it("another tenant's service → 404 NOT_FOUND, nothing counted", async () => {
    const mine = await barWithCounts('PRO');
    const theirs = await barWithCounts('PRO');

    const res = await t.request(`/api/export-excel/?service=${theirs.bar.id}`, { token: mine.owner.token });

    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(await usageRows(t.db, mine.tenantId)).toEqual([]);
    expect(await usageRows(t.db, theirs.tenantId)).toEqual([]);
  });

  it('an operator → 403 FORBIDDEN_ROLE; no token → 401', async () => {
    const f = await barWithCounts('PRO');
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator');

    const asOperator = await t.request(`/api/export-excel/?service=${f.bar.id}`, { token: operator.token });
    const anonymous = await t.request(`/api/export-excel/?service=${f.bar.id}`);

    expect(asOperator.status).toBe(403);
    expect(await asOperator.json()).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it("a manager scoped to one service: the other is 404, 'all' means only theirs", async () => {
    const f = await createTenantFixture(t.db, t.config, {
      plan: 'PRO',
      services: [
        { name: 'Cuisine', service_type: 'kitchen' },
        { name: 'Bar', service_type: 'bar' },
      ],
    });
    const [kitchen, bar] = [f.services[0]!, f.services[1]!];
    await seedProducts(t.db, f.tenantId, kitchen.id, [
      { name: 'Farine', counts: { [MONTH]: { quantity: 5 } } },
    ]);
    await seedProducts(t.db, f.tenantId, bar.id, [{ name: 'Rhum', counts: { [MONTH]: { quantity: 2 } } }]);
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager', kitchen.id);

    const other = await t.request(`/api/export-excel/?service=${bar.id}&format=csv`, {
      token: manager.token,
    });
    const all = await t.request('/api/export-excel/?service=all&format=csv', { token: manager.token });

    expect(other.status).toBe(404);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-disposition')).toMatch(/_cuisine\.csv"$/);
    const lines = (await all.text()).split('\r\n');
    expect(lines.slice(1, -1).map((l) => l.split(';')[0])).toEqual(['Farine']);
  });
});

describe('ESSENTIEL history (14 days)', () => {
  it('a month entirely out of the history → 403 before spending the export; a range is cut to what is readable', async () => {
    const f = await barWithCounts('ESSENTIEL');

    const old = await t.request(`/api/export-excel/?service=${f.bar.id}&month=2026-10`, {
      token: f.owner.token,
    });
    expect(old.status).toBe(403);
    expect(await old.json()).toMatchObject({
      code: 'FEATURE_NOT_INCLUDED',
      limit: 14,
      upgrade_to: 'BOUTIQUE',
    });
    expect(await usageRows(t.db, f.tenantId)).toEqual([]);

    const range = await t.request(
      `/api/export-excel/?service=${f.bar.id}&from=2026-09&to=${MONTH}&format=csv`,
      {
        token: f.owner.token,
      },
    );
    expect(range.status).toBe(200);
    expect(range.headers.get('content-disposition')).toMatch(new RegExp(`inventaire_${MONTH}_`));
    const months = (await range.text())
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split(';')[14]);
    expect(months).toEqual([MONTH, MONTH, MONTH]);
  });
});
