import type {
  Location,
  LocationCreateInput,
  LocationListInput,
  LocationProductsResult,
  LocationSetProductsInput,
  LocationUpdateInput,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { checkCount } from '@stockscan/entitlements';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { denialError } from '../entitlements/enforce';
import { loadTenantPlan } from '../entitlements/tenant-entitlements';
import { AppError } from '../errors';
import type { Actor } from '../request/actor';
import { iso } from './dates';
import { assertFoundInScope, loadService } from './scope';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

const DUPLICATE = { name: 'Un emplacement porte déjà ce nom dans ce service.' };

const COLUMNS = ['l.id', 'l.service_id', 'l.name', 'l.position', 'l.archived_at'] as const;
const productCount = sql<number>`(select count(*)::int from location_products lp where lp.location_id = l.id)`;

type LocationRow = {
  id: string;
  service_id: string;
  name: string;
  position: number;
  archived_at: Date | null;
  product_count: number;
};

function toLocation(row: LocationRow): Location {
  return { ...row, archived_at: row.archived_at ? iso(row.archived_at) : null };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** The service's live locations (or archived ones), in the service's order. */
export async function listLocations(
  db: Db,
  actor: Actor,
  input: LocationListInput,
): Promise<{ items: Location[] }> {
  await loadService(db, actor, input.service_id);
  const rows = await db
    .selectFrom('locations as l')
    .select([...COLUMNS, productCount.as('product_count')])
    .where('l.tenant_id', '=', actor.tenantId)
    .where('l.service_id', '=', input.service_id)
    .where('l.archived_at', input.archived ? 'is not' : 'is', null)
    .orderBy('l.position')
    .orderBy('l.name')
    .execute();
  return { items: rows.map(toLocation) };
}

/** A location of the actor's tenant within its scope, locked for the caller's transaction; else 404. */
async function lockLocation(tx: Db, actor: Actor, id: string) {
  const row = await tx
    .selectFrom('locations as l')
    .select([...COLUMNS, productCount.as('product_count')])
    .where('l.id', '=', id)
    .where('l.tenant_id', '=', actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  return assertFoundInScope(actor, row);
}

/** Locks the service row: creates, reorders and archives of one service queue behind each other. */
async function lockService(tx: Db, actor: Actor, serviceId: string): Promise<void> {
  await tx
    .selectFrom('services')
    .select('id')
    .where('id', '=', serviceId)
    .where('tenant_id', '=', actor.tenantId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Adds a location at the end of the service's order; ESSENTIEL allows 2 live ones per service. */
export async function createLocation(
  deps: InventoryDeps,
  actor: Actor,
  input: LocationCreateInput,
): Promise<Location> {
  const now = deps.now();
  await loadService(deps.db, actor, input.service_id);
  return deps.db.transaction().execute(async (tx) => {
    await lockService(tx, actor, input.service_id);
    const { ent } = await loadTenantPlan(tx, actor.tenantId, now);
    const live = await tx
      .selectFrom('locations')
      .select([
        sql<number>`count(*)::int`.as('n'),
        sql<number>`coalesce(max(position) + 1, 0)::int`.as('next'),
      ])
      .where('tenant_id', '=', actor.tenantId)
      .where('service_id', '=', input.service_id)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow();
    const verdict = checkCount(ent, 'max_locations', live.n);
    if (!verdict.ok) throw denialError(verdict);
    const row = await tx
      .insertInto('locations')
      .values({
        tenant_id: actor.tenantId,
        service_id: input.service_id,
        name: input.name,
        position: live.next,
        created_at: now,
      })
      .returning(['id', 'service_id', 'name', 'position', 'archived_at'])
      .executeTakeFirst()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError('DUPLICATE_NAME', undefined, DUPLICATE);
        throw error;
      });
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'locations.create',
      object_type: 'location',
      object_id: row.id,
      meta: { service_id: row.service_id, name: row.name },
      at: now,
    });
    return toLocation({ ...row, product_count: 0 });
  });
}

/** Moves `id` to `position` among the service's live locations; the others keep their relative order. */
async function reorder(tx: Db, actor: Actor, serviceId: string, id: string, position: number): Promise<void> {
  const rows = await tx
    .selectFrom('locations')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('service_id', '=', serviceId)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('name')
    .execute();
  const ids = rows.map((r) => r.id).filter((other) => other !== id);
  ids.splice(Math.min(position, ids.length), 0, id);
  await sql`update locations l set position = o.ord - 1
    from unnest(${ids}::uuid[]) with ordinality as o(id, ord)
    where l.id = o.id and l.tenant_id = ${actor.tenantId}`.execute(tx);
}

/** Renames and/or moves a live location (arrows on the settings screen). */
export async function updateLocation(
  deps: InventoryDeps,
  actor: Actor,
  input: LocationUpdateInput,
): Promise<Location> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const current = await lockLocation(tx, actor, input.id);
    if (current.archived_at) throw new AppError('NOT_FOUND');
    await lockService(tx, actor, current.service_id);
    if (input.name !== undefined && input.name !== current.name)
      await tx
        .updateTable('locations')
        .set({ name: input.name })
        .where('id', '=', current.id)
        .execute()
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new AppError('DUPLICATE_NAME', undefined, DUPLICATE);
          throw error;
        });
    if (input.position !== undefined)
      await reorder(tx, actor, current.service_id, current.id, input.position);
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'locations.update',
      object_type: 'location',
      object_id: current.id,
      meta: { from: current.name, name: input.name ?? current.name, position: input.position ?? null },
      at: now,
    });
    return toLocation(await lockLocation(tx, actor, current.id));
  });
}

/** Archives a location: its counts stay (history), it leaves the count screen and frees a plan slot. */
export async function archiveLocation(deps: InventoryDeps, actor: Actor, id: string): Promise<Location> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const current = await lockLocation(tx, actor, id);
    if (current.archived_at) return toLocation(current);
    await tx.updateTable('locations').set({ archived_at: now }).where('id', '=', current.id).execute();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'locations.archive',
      object_type: 'location',
      object_id: current.id,
      meta: { name: current.name },
      at: now,
    });
    return toLocation({ ...current, archived_at: now });
  });
}

/** The products usually stored in a location, in shelf order. */
export async function locationProducts(db: Db, actor: Actor, id: string): Promise<LocationProductsResult> {
  const location = assertFoundInScope(
    actor,
    await db
      .selectFrom('locations')
      .select(['id', 'service_id'])
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .executeTakeFirst(),
  );
  const items = await db
    .selectFrom('location_products as lp')
    .innerJoin('products as p', 'p.id', 'lp.product_id')
    .select(['lp.product_id', 'p.name', 'lp.position'])
    .where('lp.location_id', '=', location.id)
    .where('lp.tenant_id', '=', actor.tenantId)
    .orderBy('lp.position')
    .execute();
  return { location_id: location.id, items };
}

/** Replaces the location's product list (shelf order = the order given); products of its service only. */
export async function setLocationProducts(
  deps: InventoryDeps,
  actor: Actor,
  input: LocationSetProductsInput,
): Promise<LocationProductsResult> {
  const now = deps.now();
  const ids = [...new Set(input.product_ids)];
  await deps.db.transaction().execute(async (tx) => {
    const location = await lockLocation(tx, actor, input.id);
    if (ids.length > 0) {
      const found = await tx
        .selectFrom('products')
        .select('id')
        .where('tenant_id', '=', actor.tenantId)
        .where('service_id', '=', location.service_id)
        .where('id', 'in', ids)
        .execute();
      if (found.length !== ids.length)
        throw new AppError('NOT_FOUND', undefined, { product_ids: 'Produit introuvable dans ce service.' });
    }
    await tx.deleteFrom('location_products').where('location_id', '=', location.id).execute();
    if (ids.length > 0)
      await tx
        .insertInto('location_products')
        .values(
          ids.map((product_id, position) => ({
            location_id: location.id,
            product_id,
            tenant_id: actor.tenantId,
            position,
          })),
        )
        .execute();
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'locations.set_products',
      object_type: 'location',
      object_id: location.id,
      meta: { products: ids.length },
      at: now,
    });
  });
  return locationProducts(deps.db, actor, input.id);
}

/**
 * 404 (naming the line) unless every location given is a live location of the service; used by count writes.
 */
export async function assertLocationsOfService(
  tx: Db,
  actor: Actor,
  serviceId: string,
  locationIds: (string | null)[],
  /** The field naming the i-th location (a batch names its lines); `location_id` by default. */
  fieldOf: (index: number) => string = () => 'location_id',
): Promise<void> {
  const ids = [...new Set(locationIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const found = await tx
    .selectFrom('locations')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('service_id', '=', serviceId)
    .where('archived_at', 'is', null)
    .where('id', 'in', ids)
    .execute();
  if (found.length === ids.length) return;
  const known = new Set(found.map((row) => row.id));
  const fields: Record<string, string> = {};
  locationIds.forEach((id, index) => {
    if (id !== null && !known.has(id)) fields[fieldOf(index)] = 'Emplacement introuvable dans ce service.';
  });
  throw new AppError('NOT_FOUND', undefined, fields);
}
