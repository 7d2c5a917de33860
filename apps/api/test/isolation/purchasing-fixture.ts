import { randomBytes } from 'node:crypto';
import type { Db } from '@stockscan/db';

/** Tenant A's purchasing rows: a supplier (tenant-wide), a delivery in each service, a transfer between them. */
export interface PurchasingRows {
  supplierId: string;
  supplierName: string;
  /** A delivery of the scoped service and one of the other service. */
  scopedReceiptId: string;
  otherReceiptId: string;
  /** From the other service to the scoped one. */
  transferId: string;
}

async function receipt(db: Db, tenantId: string, serviceId: string, productId: string, supplierId: string) {
  const row = await db
    .insertInto('receipts')
    .values({
      tenant_id: tenantId,
      service_id: serviceId,
      supplier_id: supplierId,
      received_on: '2026-01-05',
      month: '2026-01',
      reference: `Alpha BL ${randomBytes(2).toString('hex')}`,
      note: null,
      import_id: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('receipt_lines')
    .values({
      tenant_id: tenantId,
      receipt_id: row.id,
      product_id: productId,
      quantity: 6,
      unit_cost: 12.5,
      lot_number: null,
      expiry_date: null,
    })
    .execute();
  return row.id;
}

export async function seedPurchasing(
  db: Db,
  tenantId: string,
  scoped: { serviceId: string; productId: string },
  other: { serviceId: string; productId: string },
): Promise<PurchasingRows> {
  const supplierName = `Alpha Fournisseur ${randomBytes(3).toString('hex')}`;
  const supplier = await db
    .insertInto('suppliers')
    .values({ tenant_id: tenantId, name: supplierName, email: 'alpha-supplier@example.test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const transfer = await db
    .insertInto('transfers')
    .values({
      tenant_id: tenantId,
      from_service_id: other.serviceId,
      to_service_id: scoped.serviceId,
      moved_on: '2026-01-06',
      month: '2026-01',
      note: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('transfer_lines')
    .values({
      tenant_id: tenantId,
      transfer_id: transfer.id,
      from_product_id: other.productId,
      to_product_id: scoped.productId,
      quantity: 1,
      unit_cost: 12.5,
    })
    .execute();
  return {
    supplierId: supplier.id,
    supplierName,
    scopedReceiptId: await receipt(db, tenantId, scoped.serviceId, scoped.productId, supplier.id),
    otherReceiptId: await receipt(db, tenantId, other.serviceId, other.productId, supplier.id),
    transferId: transfer.id,
  };
}
