import { describe, expect, it } from 'vitest';
import { readWorkbook, seedProducts, sheetValues } from './exports-fixtures';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

async function download(token: string, service: string, format: 'xlsx' | 'csv' = 'xlsx') {
  const res = await t.request(`/api/export-excel/?service=${service}&month=${MONTH}&format=${format}`, {
    token,
  });
  expect(res.status).toBe(200);
  return res;
}

const titleOf = async (res: Response) =>
  sheetValues((await readWorkbook(await res.arrayBuffer())).getWorksheet('Inventaire')!)[0]?.[0];

describe('exports of a reviewed month', () => {
  it('a closed month says "clôturé le … par …" in the title row; reopened, it no longer does', async () => {
    t.clock.set(NOW);
    const f = await createTenantFixture(t.db, t.config, {
      name: 'Bistrot',
      plan: 'BOUTIQUE',
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const [bar, kitchen] = f.services;
    await seedProducts(t.db, f.tenantId, bar!.id, [{ name: 'Gin', counts: { [MONTH]: { quantity: 4 } } }]);
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager', null, NOW);
    await t.trpc(manager.token).inventory.periods.close.mutate({ service_id: bar!.id, month: MONTH });

    expect(await titleOf(await download(f.owner.token, bar!.id))).toBe(
      `Inventaire 11/2026 — Bistrot (Services : Bar) — clôturé le 15/11/2026 par ${manager.username}`,
    );
    // Every service: each closed one is named.
    expect(await titleOf(await download(f.owner.token, 'all'))).toBe(
      `Inventaire 11/2026 — Bistrot (Services : Bar, Cuisine) — clôturé : Bar 11/2026 le 15/11/2026 par ${manager.username}`,
    );
    expect(await titleOf(await download(f.owner.token, kitchen!.id))).toBe(
      'Inventaire 11/2026 — Bistrot (Services : Cuisine)',
    );

    await t.trpc(manager.token).inventory.periods.reopen.mutate({
      service_id: bar!.id,
      month: MONTH,
      reason: 'Oubli de la cave',
    });
    expect(await titleOf(await download(f.owner.token, bar!.id))).toBe(
      'Inventaire 11/2026 — Bistrot (Services : Bar)',
    );
  });

  it('a service with locations gets an "Emplacements" sheet: every line with its place and counter', async () => {
    t.clock.set(NOW);
    const f = await createTenantFixture(t.db, t.config, { name: 'Bistrot', plan: 'PRO' });
    const service_id = f.services[0]!.id;
    const [gin, beer] = await seedProducts(t.db, f.tenantId, service_id, [
      { name: 'Gin', category: 'Spiritueux', barcode: '3760007450015' },
      { name: 'Bière', category: 'Bières' },
    ]);
    const owner = t.trpc(f.owner.token).inventory;
    const salle = await owner.locations.create.mutate({ service_id, name: 'Bar' });
    const cave = await owner.locations.create.mutate({ service_id, name: 'Cave' });
    await owner.counts.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [
        {
          product_id: gin!,
          quantity: 1,
          container_status: 'OPENED',
          remaining_fraction: 0.5,
          location_id: salle.id,
        },
        { product_id: gin!, quantity: 6, location_id: cave.id, counted_at: '2026-11-15T09:30:00Z' },
        { product_id: beer!, quantity: 24, location_id: cave.id, counted_at: '2026-11-15T09:30:00Z' },
        { product_id: beer!, quantity: 2, counted_at: '2026-11-15T09:00:00Z' },
      ],
    });

    const workbook = await readWorkbook(await (await download(f.owner.token, service_id)).arrayBuffer());

    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Inventaire',
      'Emplacements',
      'Synthèse',
      'Consommation',
    ]);
    const rows = sheetValues(workbook.getWorksheet('Emplacements')!);
    expect(rows[0]?.[0]).toBe('Emplacements — Inventaire 11/2026 — Bistrot (Services : Bar)');
    expect(rows[1]).toEqual([
      'Service',
      'Emplacement',
      'Catégorie',
      'Produit',
      'Code-barres / SKU',
      'Mois',
      'Quantité',
      'Unité',
      'Statut',
      'Reste',
      'Compté par',
      'Compté le',
    ]);
    const cells = (r: unknown[]) =>
      Array.from({ length: 12 }, (_, i) =>
        r[i] instanceof Date ? (r[i] as Date).toISOString() : (r[i] ?? null),
      );
    // The service as a whole first, then the places in their order; by category and name inside each.
    expect(rows.slice(2).map(cells)).toEqual([
      [
        'Bar',
        'Tout le service',
        'Bières',
        'Bière',
        null,
        MONTH,
        2,
        'pcs',
        'Scellé',
        null,
        f.owner.username,
        '2026-11-15T09:00:00.000Z',
      ],
      [
        'Bar',
        'Bar',
        'Spiritueux',
        'Gin',
        '3760007450015',
        MONTH,
        1,
        'pcs',
        'Ouvert',
        0.5,
        f.owner.username,
        NOW.toISOString(),
      ],
      [
        'Bar',
        'Cave',
        'Bières',
        'Bière',
        null,
        MONTH,
        24,
        'pcs',
        'Scellé',
        null,
        f.owner.username,
        '2026-11-15T09:30:00.000Z',
      ],
      [
        'Bar',
        'Cave',
        'Spiritueux',
        'Gin',
        '3760007450015',
        MONTH,
        6,
        'pcs',
        'Scellé',
        null,
        f.owner.username,
        '2026-11-15T09:30:00.000Z',
      ],
    ]);
    // The main sheet keeps one line per product: the sum of its places.
    const inventory = sheetValues(workbook.getWorksheet('Inventaire')!);
    expect(inventory.slice(2, 4).map((r) => [r[0], r[3]])).toEqual([
      ['Bière', 26],
      ['Gin', 7],
    ]);
  });

  it('no location, or a CSV: no "Emplacements"', async () => {
    t.clock.set(NOW);
    const f = await createTenantFixture(t.db, t.config, { name: 'Bistrot', plan: 'BOUTIQUE' });
    const service_id = f.services[0]!.id;
    await seedProducts(t.db, f.tenantId, service_id, [{ name: 'Gin', counts: { [MONTH]: { quantity: 4 } } }]);
    const plain = await readWorkbook(await (await download(f.owner.token, service_id)).arrayBuffer());
    expect(plain.worksheets.map((s) => s.name)).toEqual(['Inventaire', 'Consommation']);

    await t.trpc(f.owner.token).inventory.locations.create.mutate({ service_id, name: 'Réserve' });
    const located = await readWorkbook(await (await download(f.owner.token, service_id)).arrayBuffer());
    expect(located.worksheets.map((s) => s.name)).toEqual(['Inventaire', 'Emplacements', 'Consommation']);
    const csv = await (await download(f.owner.token, service_id, 'csv')).text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
  });
});
