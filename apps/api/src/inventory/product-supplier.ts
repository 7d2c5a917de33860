import type { Db, ProductUpdate } from '@stockscan/db';
import { sql } from 'kysely';
import { AppError } from '../errors';

/** A live supplier of the tenant (for a product or a delivery); 404 naming the field otherwise. */
export async function loadLiveSupplier(
  db: Db,
  tenantId: string,
  id: string,
): Promise<{ id: string; name: string }> {
  const row = await db
    .selectFrom('suppliers')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('tenant_id', '=', tenantId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', undefined, { supplier_id: 'Fournisseur introuvable.' });
  return row;
}

/**
 * Keeps a product's supplier link and its supplier text together: a picked supplier_id writes its name; a
 * free-text supplier (older clients) links the live supplier of that name, if any.
 */
export async function linkSupplier(db: Db, tenantId: string, values: ProductUpdate): Promise<void> {
  if (values.supplier_id) {
    values.supplier = (await loadLiveSupplier(db, tenantId, values.supplier_id)).name;
    return;
  }
  if (values.supplier_id === null) {
    if (values.supplier === undefined) values.supplier = null;
    return;
  }
  if (values.supplier === undefined) return;
  const match = values.supplier
    ? await db
        .selectFrom('suppliers')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('archived_at', 'is', null)
        .where(sql`lower(name)`, '=', values.supplier.trim().toLowerCase())
        .executeTakeFirst()
    : undefined;
  values.supplier_id = match?.id ?? null;
}
