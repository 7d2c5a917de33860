import type {
  Supplier,
  SupplierCreateInput,
  SupplierListInput,
  SupplierListResult,
  SupplierUpdateInput,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { iso, isoOrNull } from '../inventory/dates';
import { type Actor, requireRole } from '../request/actor';
import { requireStockControl } from './plan-gate';

type PurchasingDeps = Pick<Deps, 'db' | 'now'>;

function selectSuppliers(db: Db, tenantId: string) {
  return db
    .selectFrom('suppliers as s')
    .select([
      's.id',
      's.name',
      's.email',
      's.phone',
      's.notes',
      's.archived_at',
      's.created_at',
      sql<number>`(select count(*)::int from products p
        where p.supplier_id = s.id and p.tenant_id = s.tenant_id and p.archived_at is null)`.as(
        'products_count',
      ),
    ])
    .where('s.tenant_id', '=', tenantId);
}

type SupplierRow = Awaited<ReturnType<ReturnType<typeof selectSuppliers>['executeTakeFirstOrThrow']>>;

const toSupplier = (row: SupplierRow): Supplier => ({
  ...row,
  archived_at: isoOrNull(row.archived_at),
  created_at: iso(row.created_at),
});

/** A live supplier's name is unique per tenant, whatever the case. */
function duplicateName(error: unknown): unknown {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  if (code === '23505' && constraint === 'suppliers_tenant_name_live')
    return new AppError('DUPLICATE_NAME', undefined, { name: 'Ce fournisseur existe déjà.' });
  return error;
}

async function getSupplier(db: Db, tenantId: string, id: string): Promise<Supplier> {
  const row = await selectSuppliers(db, tenantId).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toSupplier(row);
}

/** The tenant's suppliers by name (live ones, or archived ones on request): readable on every plan. */
export async function listSuppliers(
  db: Db,
  actor: Actor,
  input: SupplierListInput,
): Promise<SupplierListResult> {
  const rows = await selectSuppliers(db, actor.tenantId)
    .where('s.archived_at', input?.archived ? 'is not' : 'is', null)
    .orderBy(sql`lower(s.name)`)
    .orderBy('s.id')
    .execute();
  return { items: rows.map(toSupplier) };
}

export async function createSupplier(
  deps: PurchasingDeps,
  actor: Actor,
  input: SupplierCreateInput,
): Promise<Supplier> {
  requireRole(actor, 'manager');
  const now = deps.now();
  await requireStockControl(deps.db, actor.tenantId, now);
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('suppliers')
      .values({
        tenant_id: actor.tenantId,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        notes: input.notes ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw duplicateName(error);
      });
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'supplier.create',
      object_type: 'supplier',
      object_id: row.id,
      meta: { name: input.name },
      at: now,
    });
    return getSupplier(tx, actor.tenantId, row.id);
  });
}

/** Renaming also renames the products' supplier text (kept for exports and older clients). */
export async function updateSupplier(
  deps: PurchasingDeps,
  actor: Actor,
  input: SupplierUpdateInput,
): Promise<Supplier> {
  requireRole(actor, 'manager');
  const now = deps.now();
  await requireStockControl(deps.db, actor.tenantId, now);
  const { id, ...fields } = input;
  return deps.db.transaction().execute(async (tx) => {
    await getSupplier(tx, actor.tenantId, id);
    await tx
      .updateTable('suppliers')
      .set({ ...fields, updated_at: now })
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .execute()
      .catch((error: unknown) => {
        throw duplicateName(error);
      });
    if (fields.name)
      await tx
        .updateTable('products')
        .set({ supplier: fields.name })
        .where('supplier_id', '=', id)
        .where('tenant_id', '=', actor.tenantId)
        .execute();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'supplier.update',
      object_type: 'supplier',
      object_id: id,
      meta: { fields: Object.keys(fields) },
      at: now,
    });
    return getSupplier(tx, actor.tenantId, id);
  });
}

/** Archived suppliers leave the pickers; their products and past deliveries keep them. */
export async function archiveSupplier(deps: PurchasingDeps, actor: Actor, id: string): Promise<Supplier> {
  requireRole(actor, 'manager');
  const now = deps.now();
  await requireStockControl(deps.db, actor.tenantId, now);
  return deps.db.transaction().execute(async (tx) => {
    const current = await getSupplier(tx, actor.tenantId, id);
    if (current.archived_at) return current;
    await tx
      .updateTable('suppliers')
      .set({ archived_at: now, updated_at: now })
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .execute();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'supplier.archive',
      object_type: 'supplier',
      object_id: id,
      at: now,
    });
    return getSupplier(tx, actor.tenantId, id);
  });
}
