import type {
  Product,
  ProductCreateInput,
  ProductListInput,
  ProductListResult,
  ProductResult,
  ProductUpdateInput,
} from '@stockscan/contracts';
import { ERROR_MESSAGES } from '@stockscan/contracts';
import type { Db, Product as ProductRow } from '@stockscan/db';
import { featureOn } from '@stockscan/entitlements';
import type { Deps } from '../deps';
import { reserveCount } from '../entitlements/enforce';
import { AppError } from '../errors';
import { type Actor, requireCan } from '../request/actor';
import { ensureCategory } from './categories.service';
import { iso, isoOrNull } from './dates';
import { decodeCursor, keysetPage } from './keyset-page';
import { applyServiceFeatures, productWarnings } from './product-rules';
import { linkSupplier } from './product-supplier';
import { assertFoundInScope, loadService, type ServiceRow } from './scope';
import { productSearch } from './search';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    service_id: row.service_id,
    name: row.name,
    category: row.category,
    brand: row.brand,
    supplier: row.supplier,
    supplier_id: row.supplier_id,
    barcode: row.barcode,
    internal_sku: row.internal_sku,
    unit: row.unit,
    purchase_price: row.purchase_price,
    selling_price: row.selling_price,
    vat_rate: row.vat_rate,
    min_qty: row.min_qty,
    pack_size: row.pack_size,
    pack_uom: row.pack_uom,
    par_level: row.par_level,
    full_weight_g: row.full_weight_g,
    empty_weight_g: row.empty_weight_g,
    conversion_unit: row.conversion_unit,
    conversion_factor: row.conversion_factor,
    variant_name: row.variant_name,
    variant_value: row.variant_value,
    product_role: row.product_role,
    notes: row.notes,
    archived_at: isoOrNull(row.archived_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** A full container must weigh more than an empty one, or weighing cannot tell how much is left. */
function assertContainerWeights(full: number | null | undefined, empty: number | null | undefined): void {
  if (full != null && empty != null && full <= empty)
    throw new AppError('VALIDATION_ERROR', undefined, {
      empty_weight_g: 'Le poids vide doit être inférieur au poids plein.',
    });
}

/** Unique (service, barcode|sku) among live products → 409 with the code of the index hit. */
function duplicateError(error: unknown): unknown {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  if (code !== '23505') return error;
  if (constraint === 'products_barcode_live')
    return new AppError('DUPLICATE_BARCODE', undefined, { barcode: ERROR_MESSAGES.DUPLICATE_BARCODE.fr });
  if (constraint === 'products_sku_live')
    return new AppError('DUPLICATE_SKU', undefined, { internal_sku: ERROR_MESSAGES.DUPLICATE_SKU.fr });
  return error;
}

const SKU_PATTERN = (n: number) => `SKU-${String(n).padStart(6, '0')}`;

/**
 * Next free `SKU-000001` of the service. The sequence row stays locked until the caller's transaction
 * ends, so concurrent creates never draw the same number; numbers typed by hand are skipped.
 */
async function nextSku(tx: Db, tenantId: string, serviceId: string): Promise<string> {
  for (;;) {
    const { sku_seq } = await tx
      .updateTable('services')
      .set((eb) => ({ sku_seq: eb('sku_seq', '+', 1) }))
      .where('id', '=', serviceId)
      .where('tenant_id', '=', tenantId)
      .returning('sku_seq')
      .executeTakeFirstOrThrow();
    const sku = SKU_PATTERN(sku_seq);
    const taken = await tx
      .selectFrom('products')
      .select('id')
      .where('service_id', '=', serviceId)
      .where('internal_sku', '=', sku)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!taken) return sku;
  }
}

async function loadProductRow(db: Db, actor: Actor, id: string, lock = false): Promise<ProductRow> {
  let query = db
    .selectFrom('products')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId);
  if (lock) query = query.forUpdate();
  return assertFoundInScope(actor, await query.executeTakeFirst());
}

function result(
  service: ServiceRow,
  row: ProductRow,
  warnings: ProductResult['warnings'] = [],
): ProductResult {
  return { product: toProduct(row), warnings: [...warnings, ...productWarnings(service, row)] };
}

/**
 * Inserts one product into `service` inside the caller's transaction (the caller reserves max_products):
 * fields shaped by the service's features, an automatic SKU, the category created when new.
 */
export async function insertProduct(
  tx: Db,
  actor: Actor,
  service: ServiceRow,
  input: Omit<ProductCreateInput, 'service_id'>,
  now: Date,
): Promise<ProductResult> {
  const { name, ...fields } = input;
  const { values, warnings } = applyServiceFeatures(service, fields, true);
  assertContainerWeights(values.full_weight_g, values.empty_weight_g);
  if (featureOn(service.features, 'sku') && !values.internal_sku)
    values.internal_sku = await nextSku(tx, actor.tenantId, service.id);
  if (values.category)
    values.category = await ensureCategory(tx, actor.tenantId, service.id, values.category);
  await linkSupplier(tx, actor.tenantId, values);
  const row = await tx
    .insertInto('products')
    .values({
      ...values,
      unit: values.unit ?? 'pcs',
      tenant_id: actor.tenantId,
      service_id: service.id,
      name,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      throw duplicateError(error);
    });
  return result(service, row, warnings);
}

export async function createProduct(
  deps: InventoryDeps,
  actor: Actor,
  input: ProductCreateInput,
): Promise<ProductResult> {
  const now = deps.now();
  const { service_id, ...fields } = input;
  return deps.db.transaction().execute(async (tx) => {
    const service = await loadService(tx, actor, service_id);
    await reserveCount(tx, actor.tenantId, 'max_products', 1, now);
    return insertProduct(tx, actor, service, fields, now);
  });
}

export async function updateProduct(
  deps: InventoryDeps,
  actor: Actor,
  input: ProductUpdateInput,
): Promise<ProductResult> {
  const { id, ...fields } = input;
  return deps.db.transaction().execute(async (tx) => {
    const current = await loadProductRow(tx, actor, id, true);
    const service = await loadService(tx, actor, current.service_id);
    const { values, warnings } = applyServiceFeatures(service, fields, false);
    assertContainerWeights(
      values.full_weight_g === undefined ? current.full_weight_g : values.full_weight_g,
      values.empty_weight_g === undefined ? current.empty_weight_g : values.empty_weight_g,
    );
    if (values.category)
      values.category = await ensureCategory(tx, actor.tenantId, service.id, values.category);
    await linkSupplier(tx, actor.tenantId, values);
    const row = await tx
      .updateTable('products')
      .set({ ...values, updated_at: deps.now() })
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw duplicateError(error);
      });
    return result(service, row, warnings);
  });
}

export async function getProduct(db: Db, actor: Actor, id: string): Promise<ProductResult> {
  const row = await loadProductRow(db, actor, id);
  const service = await loadService(db, actor, row.service_id);
  return result(service, row);
}

/** Archive instead of delete: counts and losses keep their product; the barcode/SKU becomes free. */
export async function archiveProduct(deps: InventoryDeps, actor: Actor, id: string): Promise<ProductResult> {
  requireCan(actor, 'catalogue.manage');
  return deps.db.transaction().execute(async (tx) => {
    const current = await loadProductRow(tx, actor, id, true);
    const service = await loadService(tx, actor, current.service_id);
    if (current.archived_at) return result(service, current);
    const row = await tx
      .updateTable('products')
      .set({ archived_at: deps.now(), updated_at: deps.now() })
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return result(service, row);
  });
}

/** Brings an archived product back: counts against max_products and its barcode/SKU must still be free. */
export async function restoreProduct(deps: InventoryDeps, actor: Actor, id: string): Promise<ProductResult> {
  requireCan(actor, 'catalogue.manage');
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const current = await loadProductRow(tx, actor, id, true);
    const service = await loadService(tx, actor, current.service_id);
    if (!current.archived_at) return result(service, current);
    await reserveCount(tx, actor.tenantId, 'max_products', 1, now);
    const row = await tx
      .updateTable('products')
      .set({ archived_at: null, updated_at: now })
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw duplicateError(error);
      });
    return result(service, row);
  });
}

export async function listProducts(
  db: Db,
  actor: Actor,
  input: ProductListInput,
): Promise<ProductListResult> {
  await loadService(db, actor, input.service_id);
  const limit = input.limit ?? 100;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  let query = db
    .selectFrom('products as p')
    .selectAll('p')
    .where('p.tenant_id', '=', actor.tenantId)
    .where('p.service_id', '=', input.service_id)
    .where('p.archived_at', input.archived ? 'is not' : 'is', null);
  if (input.category) query = query.where('p.category', '=', input.category);
  if (input.search) query = query.where(productSearch(input.search));
  if (after)
    query = query.where((eb) => eb(eb.refTuple('p.name', 'p.id'), '>', eb.tuple(after.name, after.id)));
  const rows = await query
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(limit + 1)
    .execute();
  const { page, next_cursor } = keysetPage(rows, limit);
  return {
    items: page.map(toProduct),
    next_cursor,
  };
}
