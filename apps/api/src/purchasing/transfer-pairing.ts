import type { Database, Db, Product } from '@stockscan/db';
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { reserveCount } from '../entitlements/enforce';
import { ensureCategory } from '../inventory/categories.service';

type Tx = Transaction<Database>;

/** The same product in the destination's catalogue: barcode, then SKU, then name (case-insensitive); live only. */
export async function findCounterpart(
  db: Db,
  tenantId: string,
  serviceId: string,
  source: Pick<Product, 'barcode' | 'internal_sku' | 'name'>,
): Promise<{ id: string; name: string } | null> {
  const live = db
    .selectFrom('products')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('service_id', '=', serviceId)
    .where('archived_at', 'is', null);
  if (source.barcode) {
    const hit = await live.where('barcode', '=', source.barcode).executeTakeFirst();
    if (hit) return hit;
  }
  if (source.internal_sku) {
    const hit = await live.where('internal_sku', '=', source.internal_sku).executeTakeFirst();
    if (hit) return hit;
  }
  const hit = await live
    .where(sql`lower(name)`, '=', source.name.toLowerCase())
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return hit ?? null;
}

/**
 * Pairs each source product with its destination product, creating the missing ones (a copy of the source's
 * catalogue fields; counted against max_products). Returns source id → destination id and the created ids.
 */
export async function pairProducts(
  tx: Tx,
  tenantId: string,
  toServiceId: string,
  sources: Product[],
  now: Date,
): Promise<{ pairs: Map<string, string>; created: string[] }> {
  const pairs = new Map<string, string>();
  const missing: Product[] = [];
  for (const source of sources) {
    const found = await findCounterpart(tx, tenantId, toServiceId, source);
    if (found) pairs.set(source.id, found.id);
    else missing.push(source);
  }
  if (missing.length > 0) await reserveCount(tx, tenantId, 'max_products', missing.length, now);
  const created: string[] = [];
  for (const source of missing) {
    const category = source.category
      ? await ensureCategory(tx, tenantId, toServiceId, source.category)
      : null;
    const row = await tx
      .insertInto('products')
      .values({
        tenant_id: tenantId,
        service_id: toServiceId,
        name: source.name,
        category,
        brand: source.brand,
        supplier: source.supplier,
        supplier_id: source.supplier_id,
        barcode: source.barcode,
        internal_sku: source.internal_sku,
        unit: source.unit,
        purchase_price: source.purchase_price,
        selling_price: source.selling_price,
        vat_rate: source.vat_rate,
        pack_size: source.pack_size,
        pack_uom: source.pack_uom,
        product_role: source.product_role,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    pairs.set(source.id, row.id);
    created.push(row.id);
  }
  return { pairs, created };
}
