import type { ContainerStatus } from '@stockscan/contracts';
import type { Db, NewProduct } from '@stockscan/db';
import ExcelJS from 'exceljs';

export interface SeedProduct extends Partial<Omit<NewProduct, 'tenant_id' | 'service_id'>> {
  name: string;
  /** month → count; omitted months are not counted. */
  counts?: Record<
    string,
    {
      quantity: number;
      container_status?: ContainerStatus;
      remaining_fraction?: number | null;
      expiry_date?: string | null;
      lot_number?: string | null;
    }
  >;
}

/** Products of one service with their counts, written straight to the database (given-state). */
export async function seedProducts(
  db: Db,
  tenantId: string,
  serviceId: string,
  products: SeedProduct[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const { counts, ...product } of products) {
    const row = await db
      .insertInto('products')
      .values({ unit: 'pcs', ...product, tenant_id: tenantId, service_id: serviceId })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
    for (const [month, count] of Object.entries(counts ?? {}))
      await db
        .insertInto('counts')
        .values({
          ...count,
          tenant_id: tenantId,
          service_id: serviceId,
          product_id: row.id,
          inventory_month: month,
        })
        .execute();
  }
  return ids;
}

export async function readWorkbook(body: ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = Buffer.isBuffer(body)
    ? body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)
    : body;
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as arrays of cell values (1-based columns dropped to 0-based). */
export function sheetValues(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[];
    rows[n - 1] = values.slice(1);
  });
  return rows;
}

export async function usageRows(db: Db, tenantId: string) {
  return db
    .selectFrom('usage_events')
    .select(['id', 'kind', 'params'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .execute();
}
