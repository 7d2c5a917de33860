import { describe, expect, it } from 'vitest';
import { createTenantFixture } from '../src/testing/fixtures';
import { startTestApp } from '../src/testing/test-server';
import { readWorkbook, seedProducts, sheetValues, usageRows } from './exports-fixtures';

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

    const res = await t.request(`/api/export-excel/?service=${f.bar.id}&format=xlsx`, {
      token: f.owner.token,
    });

    expect(res.status).toBe(200);
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
      .select(['action', 'object_type', 'object_id', 'user_id', 'meta'])
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
      },
    ]);
  });
});
