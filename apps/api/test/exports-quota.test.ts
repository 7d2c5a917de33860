import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SummaryAccumulator } from '../src/exports/summary';
import { readWorkbook, seedProducts, usageRows } from './exports-fixtures';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
// Quotas under concurrency: more exports at once than EXPORT_MAX_CONCURRENT's default, so the quota decides.
const t = await startTestApp({
  now: NOW,
  env: { EXPORT_MAX_CONCURRENT: '10', EXPORT_MAX_CONCURRENT_INSTANCE: '10' },
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function essentielBar() {
  const f = await createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL' });
  const bar = f.services[0]!;
  await seedProducts(t.db, f.tenantId, bar.id, [
    { name: 'Gin', purchase_price: 20, counts: { [MONTH]: { quantity: 3 } } },
    { name: 'Rhum', purchase_price: 25, counts: { [MONTH]: { quantity: 1 } } },
  ]);
  return { ...f, bar };
}

const exportUrl = (serviceId: string, format: 'xlsx' | 'csv' = 'xlsx') =>
  `/api/export-excel/?service=${serviceId}&format=${format}`;

async function auditCount(tenantId: string): Promise<number> {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('action', '=', 'export.create')
    .execute();
  return rows.length;
}

describe('ESSENTIEL monthly quotas', () => {
  it('first xlsx export 200, second 403 LIMIT_EXPORT_XLSX_MONTH as JSON; CSV has its own quota', async () => {
    const f = await essentielBar();

    const first = await t.request(exportUrl(f.bar.id), { token: f.owner.token });
    const second = await t.request(exportUrl(f.bar.id), { token: f.owner.token });
    const csv = await t.request(exportUrl(f.bar.id, 'csv'), { token: f.owner.token });
    const csvAgain = await t.request(exportUrl(f.bar.id, 'csv'), { token: f.owner.token });

    expect(first.status).toBe(200);
    expect((await readWorkbook(await first.arrayBuffer())).getWorksheet('Inventaire')?.rowCount).toBe(5);
    expect(second.status).toBe(403);
    expect(second.headers.get('content-type')).toMatch(/^application\/json/);
    expect(second.headers.get('content-disposition')).toBeNull();
    expect(await second.json()).toMatchObject({
      code: 'LIMIT_EXPORT_XLSX_MONTH',
      detail: expect.any(String),
      limit: 1,
      current: 1,
      upgrade_to: 'BOUTIQUE',
    });
    expect(csv.status).toBe(200);
    expect(csvAgain.status).toBe(403);
    expect(await csvAgain.json()).toMatchObject({ code: 'LIMIT_EXPORT_CSV_MONTH' });
    expect((await usageRows(t.db, f.tenantId)).map((u) => u.kind)).toEqual(['export_xlsx', 'export_csv']);
    const entitlements = await t.trpc(f.owner.token).entitlements.get.query();
    expect(entitlements.usage).toMatchObject({ exports_xlsx_month: 1, exports_csv_month: 1 });
    expect(await auditCount(f.tenantId)).toBe(2);
  });

  it('5 concurrent exports with 1 left → exactly 1 file, 4 × 403, one ledger row', async () => {
    const f = await essentielBar();

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.request(exportUrl(f.bar.id), { token: f.owner.token })),
    );

    const files = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 403);
    expect(files).toHaveLength(1);
    expect(refused).toHaveLength(4);
    const workbook = await readWorkbook(await files[0]!.arrayBuffer());
    expect(workbook.getWorksheet('Inventaire')?.getCell('A3').value).toBe('Gin');
    for (const r of refused) expect(await r.json()).toMatchObject({ code: 'LIMIT_EXPORT_XLSX_MONTH' });
    expect(await usageRows(t.db, f.tenantId)).toHaveLength(1);
  });

  it('HEAD checks and names the file without spending the export', async () => {
    const f = await essentielBar();

    const head = await t.request(exportUrl(f.bar.id), { method: 'HEAD', token: f.owner.token });

    expect(head.status).toBe(200);
    expect(head.headers.get('content-disposition')).toMatch(/^attachment; filename="inventaire_2026-11_/);
    expect(await usageRows(t.db, f.tenantId)).toEqual([]);
  });
});

describe('a failed export is not counted', () => {
  it('the database fails before the first byte: 500 JSON, the unit is given back, the next export works', async () => {
    const f = await essentielBar();
    // Export rows are read from the export pool (deps.exportDb).
    const rowsDb = t.deps.exportDb ?? t.db;
    const selectFrom = rowsDb.selectFrom.bind(rowsDb);
    vi.spyOn(rowsDb, 'selectFrom').mockImplementation(((from: never) => {
      // The export's row query divides by zero when PostgreSQL runs it; every other query is untouched.
      const query = selectFrom(from) as unknown as { where(condition: unknown): unknown };
      return from === 'products as p' ? query.where(sql<boolean>`1 / 0 = 1`) : query;
    }) as never);

    const failed = await t.request(exportUrl(f.bar.id), { token: f.owner.token });

    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-disposition')).toBeNull();
    expect(await failed.json()).toMatchObject({ code: 'INTERNAL', request_id: expect.any(String) });
    expect(await usageRows(t.db, f.tenantId)).toEqual([]);
    expect(await auditCount(f.tenantId)).toBe(0);

    vi.restoreAllMocks();
    const retry = await t.request(exportUrl(f.bar.id), { token: f.owner.token });
    expect(retry.status).toBe(200);
    expect(await usageRows(t.db, f.tenantId)).toHaveLength(1);
  });

  it('production fails mid-stream: the download is cut (never a complete-looking file) and not counted', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO' });
    const bar = f.services[0]!;
    await seedMany(f.tenantId, bar.id, 12_000);
    failSummaryAt(11_000);

    const res = await t.request(exportUrl(bar.id), { token: f.owner.token });

    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    await vi.waitFor(async () => expect(await usageRows(t.db, f.tenantId)).toEqual([]));
    expect(await auditCount(f.tenantId)).toBe(0);
  });

  it('production fails before the first 64 KB left: still a JSON 500 without the attachment header', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO' });
    const bar = f.services[0]!;
    await seedMany(f.tenantId, bar.id, 3_000);
    failSummaryAt(2_500);

    const res = await t.request(exportUrl(bar.id), { token: f.owner.token });

    expect(res.status).toBe(500);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(await res.json()).toMatchObject({ code: 'INTERNAL' });
    expect(await usageRows(t.db, f.tenantId)).toEqual([]);
  });
});

/** `n` counted products in one statement. */
async function seedMany(tenantId: string, serviceId: string, n: number): Promise<void> {
  await sql`
      with p as (
        insert into products (tenant_id, service_id, name, unit, purchase_price)
        select ${tenantId}, ${serviceId}, 'Produit ' || lpad(i::text, 5, '0'), 'pcs', 10
        from generate_series(1, ${n}::int) as i
        returning id
      )
      insert into counts (tenant_id, service_id, product_id, inventory_month, quantity)
      select ${tenantId}, ${serviceId}, id, ${MONTH}, 7 from p`.execute(t.db);
}

/** The Synthèse accumulator throws on row `n`: production fails there, after the headers or not. */
function failSummaryAt(n: number): void {
  const add = SummaryAccumulator.prototype.add;
  let seen = 0;
  vi.spyOn(SummaryAccumulator.prototype, 'add').mockImplementation(function (this: SummaryAccumulator, row) {
    seen += 1;
    if (seen === n) throw new Error(`injected failure at row ${n}`);
    add.call(this, row);
  });
}
