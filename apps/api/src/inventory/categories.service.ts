import type {
  Category,
  CategoryCreateInput,
  CategoryMergeInput,
  CategoryRenameInput,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { sql } from 'kysely';
import { AppError } from '../errors';
import { type Actor, requireCan } from '../request/actor';
import { slugify } from '../tenants/slug';
import { assertFoundInScope, loadService } from './scope';

const IN_USE = {
  fr: 'Cette catégorie contient encore des produits.',
  en: 'This category still holds products.',
};

/**
 * The category named `name` in the service, created when new; returns its stored spelling so that
 * "bieres" files a product under an existing "Bières".
 */
export async function ensureCategory(
  db: Db,
  tenantId: string,
  serviceId: string,
  name: string,
): Promise<string> {
  const row = await db
    .insertInto('categories')
    .values({ tenant_id: tenantId, service_id: serviceId, name, slug: slugify(name) })
    .onConflict((oc) =>
      oc.columns(['service_id', 'slug']).doUpdateSet({ slug: (eb) => eb.ref('excluded.slug') }),
    )
    .returning('name')
    .executeTakeFirstOrThrow();
  return row.name;
}

function liveProductCount(serviceRef: 'categories.service_id') {
  return sql<number>`(select count(*)::int from products p
    where p.service_id = ${sql.ref(serviceRef)} and p.category = categories.name and p.archived_at is null)`;
}

export async function listCategories(
  db: Db,
  actor: Actor,
  serviceId: string,
): Promise<{ items: Category[] }> {
  await loadService(db, actor, serviceId);
  const items = await db
    .selectFrom('categories')
    .select([
      'id',
      'service_id',
      'name',
      'slug',
      liveProductCount('categories.service_id').as('product_count'),
    ])
    .where('tenant_id', '=', actor.tenantId)
    .where('service_id', '=', serviceId)
    .orderBy('name')
    .execute();
  return { items };
}

export async function createCategory(db: Db, actor: Actor, input: CategoryCreateInput): Promise<Category> {
  await loadService(db, actor, input.service_id);
  const row = await db
    .insertInto('categories')
    .values({
      tenant_id: actor.tenantId,
      service_id: input.service_id,
      name: input.name,
      slug: slugify(input.name),
    })
    .onConflict((oc) => oc.columns(['service_id', 'slug']).doNothing())
    .returning(['id', 'service_id', 'name', 'slug'])
    .executeTakeFirst();
  if (!row) throw new AppError('DUPLICATE_NAME', undefined, { name: 'Cette catégorie existe déjà.' });
  return { ...row, product_count: 0 };
}

async function loadCategory(db: Db, actor: Actor, id: string) {
  const row = await db
    .selectFrom('categories')
    .select(['id', 'service_id', 'name', 'slug'])
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  return assertFoundInScope(actor, row);
}

/** Renames the category and every product filed under it, in one transaction. */
export async function renameCategory(db: Db, actor: Actor, input: CategoryRenameInput): Promise<Category> {
  requireCan(actor, 'catalogue.manage');
  return db.transaction().execute(async (tx) => {
    const category = await loadCategory(tx, actor, input.id);
    const slug = slugify(input.name);
    const clash = await tx
      .selectFrom('categories')
      .select('id')
      .where('service_id', '=', category.service_id)
      .where('slug', '=', slug)
      .where('id', '!=', category.id)
      .executeTakeFirst();
    if (clash) throw new AppError('DUPLICATE_NAME', undefined, { name: 'Cette catégorie existe déjà.' });
    await tx
      .updateTable('products')
      .set({ category: input.name })
      .where('tenant_id', '=', actor.tenantId)
      .where('service_id', '=', category.service_id)
      .where('category', '=', category.name)
      .execute();
    const row = await tx
      .updateTable('categories')
      .set({ name: input.name, slug })
      .where('id', '=', category.id)
      .returning([
        'id',
        'service_id',
        'name',
        'slug',
        liveProductCount('categories.service_id').as('product_count'),
      ])
      .executeTakeFirstOrThrow();
    return row;
  });
}

/**
 * Merges two categories of one service: every product filed under `id` (archived ones too) moves to `into_id`,
 * then `id` is deleted — in one transaction.
 */
export async function mergeCategory(db: Db, actor: Actor, input: CategoryMergeInput): Promise<Category> {
  requireCan(actor, 'catalogue.manage');
  if (input.id === input.into_id)
    throw new AppError('VALIDATION_ERROR', undefined, { into_id: 'Choisissez une autre catégorie.' });
  return db.transaction().execute(async (tx) => {
    const source = await loadCategory(tx, actor, input.id);
    const target = await loadCategory(tx, actor, input.into_id);
    if (target.service_id !== source.service_id)
      throw new AppError('NOT_FOUND', undefined, { into_id: 'Catégorie introuvable dans ce service.' });
    await tx
      .updateTable('products')
      .set({ category: target.name })
      .where('tenant_id', '=', actor.tenantId)
      .where('service_id', '=', source.service_id)
      .where('category', '=', source.name)
      .execute();
    await tx.deleteFrom('categories').where('id', '=', source.id).execute();
    return tx
      .selectFrom('categories')
      .select([
        'id',
        'service_id',
        'name',
        'slug',
        liveProductCount('categories.service_id').as('product_count'),
      ])
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
  });
}

/** Deletes a category no live product uses (409 otherwise). */
export async function deleteCategory(db: Db, actor: Actor, id: string): Promise<{ deleted: true }> {
  requireCan(actor, 'catalogue.manage');
  return db.transaction().execute(async (tx) => {
    const category = await loadCategory(tx, actor, id);
    const used = await tx
      .selectFrom('products')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('service_id', '=', category.service_id)
      .where('category', '=', category.name)
      .where('archived_at', 'is', null)
      .limit(1)
      .executeTakeFirst();
    if (used) throw new AppError('CONFLICT', IN_USE);
    await tx.deleteFrom('categories').where('id', '=', category.id).execute();
    return { deleted: true as const };
  });
}
