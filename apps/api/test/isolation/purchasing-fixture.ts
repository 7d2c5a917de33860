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
  /** A sent order of each service (receivable). */
  scopedOrderId: string;
  otherOrderId: string;
}

let orderNumber = 0;

async function sentOrder(db: Db, tenantId: string, serviceId: string, productId: string, supplierId: string) {
  orderNumber += 1;
  const row = await db
    .insertInto('purchase_orders')
    .values({
      tenant_id: tenantId,
      service_id: serviceId,
      supplier_id: supplierId,
      number: orderNumber,
      status: 'SENT',
      note: null,
      sent_at: new Date('2026-01-04T10:00:00Z'),
      sent_to: 'alpha-supplier@example.test',
      sent_by: null,
      received_at: null,
      receipt_id: null,
      canceled_at: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('purchase_order_lines')
    .values({ tenant_id: tenantId, order_id: row.id, product_id: productId, quantity: 6, unit_cost: 12.5 })
    .execute();
  return row.id;
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
    scopedOrderId: await sentOrder(db, tenantId, scoped.serviceId, scoped.productId, supplier.id),
    otherOrderId: await sentOrder(db, tenantId, other.serviceId, other.productId, supplier.id),
  };
}
