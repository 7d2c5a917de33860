import { randomUUID } from 'node:crypto';
import type { ImportCommitResult } from '@stockscan/contracts';
import type { Database } from '@stockscan/db';
import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import { reserveCount } from '../../entitlements/enforce';
import { assertMonthOpen } from '../../inventory/month-open';
import { round2 } from '../../inventory/numbers';
import { insertProduct } from '../../inventory/products.service';
import type { ServiceRow } from '../../inventory/scope';
import type { Actor } from '../../request/actor';
import { insertReceipt } from '../receipts.service';
import type { Resolution } from './resolve';

type Tx = Transaction<Database>;

/** Creates the products the user asked for (one per distinct new key) and answers each line's product id. */
async function productIdsOf(
  tx: Tx,
  actor: Actor,
  service: ServiceRow,
  resolution: Resolution,
  withPrice: boolean,
  now: Date,
): Promise<string[]> {
  const created = new Map<string, string>();
  if (resolution.creations.length > 0) {
    await reserveCount(tx, actor.tenantId, 'max_products', resolution.creations.length, now);
    for (const draft of resolution.creations) {
      const { product } = await insertProduct(
        tx,
        actor,
        service,
        {
          name: draft.name.slice(0, 200),
          barcode: draft.barcode,
          internal_sku: draft.sku,
          unit: draft.unit,
          purchase_price: withPrice && draft.unit_cost !== null ? round2(draft.unit_cost) : null,
        },
        now,
      );
      created.set(draft.key, product.id);
    }
  }
  return resolution.lines.map(({ product }) =>
    'id' in product ? product.id : (created.get(product.newKey) as string),
  );
}

async function auditImport(tx: Tx, actor: Actor, importId: string, meta: Record<string, unknown>, now: Date) {
  await recordAudit(tx, {
    tenant_id: actor.tenantId,
    user_id: actor.userId,
    action: 'import.commit',
    object_type: 'import',
    object_id: importId,
    meta,
    at: now,
  });
}

export interface ReceiptImportOptions {
  received_on: string;
  supplier_id: string | null;
  reference: string | null;
  file_name: string | null;
  update_purchase_prices: boolean;
  now: Date;
}

/** One receipt (source `import`) holding every resolved line, through the deliveries' own rules. */
export async function writeImportedReceipt(
  tx: Tx,
  actor: Actor,
  service: ServiceRow,
  resolution: Resolution,
  options: ReceiptImportOptions,
): Promise<ImportCommitResult> {
  const { now } = options;
  const importId = randomUUID();
  await assertMonthOpen(tx, actor.tenantId, service.id, options.received_on.slice(0, 7));
  const productIds = await productIdsOf(tx, actor, service, resolution, true, now);
  const receiptId = await insertReceipt(
    tx,
    actor,
    service.id,
    {
      service_id: service.id,
      received_on: options.received_on,
      supplier_id: options.supplier_id,
      reference: options.reference,
      note: options.file_name,
      update_purchase_prices: options.update_purchase_prices,
      lines: resolution.lines.map(({ line }, i) => ({
        product_id: productIds[i] as string,
        quantity: line.quantity ?? 0,
        unit_cost: line.unit_cost,
        lot_number: line.lot_number,
        expiry_date: line.expiry_date,
      })),
    },
    now,
    { source: 'import', import_id: importId },
  );
  const priced = new Set(
    resolution.lines.flatMap(({ line }, i) => (line.unit_cost === null ? [] : [productIds[i]])),
  );
  await auditImport(
    tx,
    actor,
    importId,
    { kind: 'receipt', receipt_id: receiptId, file_name: options.file_name },
    now,
  );
  return {
    kind: 'receipt',
    import_id: importId,
    receipt_id: receiptId,
    lines_written: resolution.lines.length,
    products_created: resolution.creations.length,
    prices_updated: options.update_purchase_prices ? priced.size : 0,
    skipped: resolution.skipped,
  };
}

/** The month's sales lines of a till export, all carrying the import's id. */
export async function writeImportedSales(
  tx: Tx,
  actor: Actor,
  service: ServiceRow,
  resolution: Resolution,
  options: { month: string; file_name: string | null; now: Date },
): Promise<ImportCommitResult> {
  const { now, month } = options;
  const importId = randomUUID();
  await assertMonthOpen(tx, actor.tenantId, service.id, month);
  const productIds = await productIdsOf(tx, actor, service, resolution, false, now);
  await tx
    .insertInto('sales_lines')
    .values(
      resolution.lines.map(({ line }, i) => ({
        tenant_id: actor.tenantId,
        service_id: service.id,
        month,
        product_id: productIds[i] as string,
        quantity_sold: line.quantity ?? 0,
        revenue: line.revenue,
        import_id: importId,
        created_at: now,
      })),
    )
    .execute();
  await auditImport(
    tx,
    actor,
    importId,
    { kind: 'sales', month, lines: resolution.lines.length, file_name: options.file_name },
    now,
  );
  return {
    kind: 'sales',
    import_id: importId,
    receipt_id: null,
    lines_written: resolution.lines.length,
    products_created: resolution.creations.length,
    prices_updated: 0,
    skipped: resolution.skipped,
  };
}
