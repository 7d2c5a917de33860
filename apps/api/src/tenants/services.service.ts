import {
  type CountingMode,
  presetCountingMode,
  presetFeatures,
  type ServiceCreateInput,
  type ServiceDeleted,
  type ServiceFeatures,
  type ServiceFeaturesPatch,
  type ServicePatch,
  type ServiceType,
  type ServiceView,
  type TenantDomain,
} from '@stockscan/contracts';
import type { Db, Service } from '@stockscan/db';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { reserveCount } from '../entitlements/enforce';
import { AppError } from '../errors';
import type { Actor } from '../request/actor';
import { requireCan, requireTenantWide } from '../request/actor';
import { isForeignKeyViolation, isUniqueViolation } from './db-errors';

type ServiceDeps = Pick<Deps, 'db' | 'now'>;

const DUPLICATE_NAME = {
  fr: 'Un service porte déjà ce nom dans votre organisation.',
  en: 'A service with this name already exists in your organisation.',
};

export function toServiceView(row: Service): ServiceView {
  return {
    id: row.id,
    name: row.name,
    service_type: row.service_type,
    counting_mode: row.counting_mode,
    features: row.features,
    blind_counting: row.blind_counting,
    created_at: row.created_at.toISOString(),
  };
}

/** Merges a features patch key by key (each toggle field by field) onto `base`. */
export function mergeFeatures(
  base: ServiceFeatures,
  patch: ServiceFeaturesPatch | undefined,
): ServiceFeatures {
  const merged: ServiceFeatures = structuredClone(base);
  for (const [key, toggle] of Object.entries(patch ?? {})) {
    if (!toggle) continue;
    merged[key] = { enabled: false, recommended: false, ...merged[key], ...toggle };
  }
  return merged;
}

export interface NewService {
  name: string;
  service_type: ServiceType;
  counting_mode?: CountingMode | undefined;
  features?: ServiceFeaturesPatch | undefined;
}

/** Inserts services with the preset of their type (SPEC §6); `db` is the caller's transaction. */
export async function insertServices(
  db: Db,
  tenant: { id: string; domain: TenantDomain },
  services: NewService[],
): Promise<Service[]> {
  if (services.length === 0) return [];
  return db
    .insertInto('services')
    .values(
      services.map((service) => ({
        tenant_id: tenant.id,
        name: service.name,
        service_type: service.service_type,
        counting_mode: service.counting_mode ?? presetCountingMode(service.service_type),
        features: JSON.stringify(
          mergeFeatures(presetFeatures(service.service_type, tenant.domain), service.features),
        ),
      })),
    )
    .returningAll()
    .execute();
}

/** The services `actor` may see: all of the tenant's, or only its own when scoped to one. */
export async function listServices(
  db: Db,
  actor: Pick<Actor, 'tenantId' | 'serviceId'>,
): Promise<ServiceView[]> {
  let query = db.selectFrom('services').selectAll().where('tenant_id', '=', actor.tenantId);
  if (actor.serviceId) query = query.where('id', '=', actor.serviceId);
  const rows = await query.orderBy('created_at').orderBy('name').execute();
  return rows.map(toServiceView);
}

const rethrowDuplicateName = (error: unknown): never => {
  if (isUniqueViolation(error, 'services_tenant_name_ci'))
    throw new AppError('DUPLICATE_NAME', DUPLICATE_NAME);
  throw error;
};

/**
 * Creates a service under the tenant's effective plan. reserveCount locks the tenant row (select … for
 * update) before counting, so concurrent creates of one tenant queue and can never exceed max_services.
 */
export async function createService(
  deps: ServiceDeps,
  actor: Actor,
  input: ServiceCreateInput,
): Promise<ServiceView> {
  requireTenantWide(actor, 'settings.manage');
  const now = deps.now();
  return deps.db
    .transaction()
    .execute(async (tx) => {
      await reserveCount(tx, actor.tenantId, 'max_services', 1, now);
      const tenant = await tx
        .selectFrom('tenants')
        .select(['id', 'domain'])
        .where('id', '=', actor.tenantId)
        .executeTakeFirstOrThrow();
      const [row] = await insertServices(tx, tenant, [input]);
      if (!row) throw new Error('service insert returned no row');
      await recordAudit(tx, {
        at: now,
        tenant_id: actor.tenantId,
        user_id: actor.userId,
        action: 'service.create',
        object_type: 'service',
        object_id: row.id,
        meta: { name: row.name, service_type: row.service_type },
      });
      return toServiceView(row);
    })
    .catch(rethrowDuplicateName);
}

/** The service `id` of the actor's tenant, within its scope, locked for the caller's transaction; else 404. */
async function lockServiceInScope(db: Db, actor: Actor, id: string): Promise<Service> {
  if (actor.serviceId && actor.serviceId !== id) throw new AppError('NOT_FOUND');
  const row = await db
    .selectFrom('services')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Renames / retypes a service; `features` merge into the current ones (not the preset). */
export async function updateService(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: ServicePatch,
): Promise<ServiceView> {
  requireCan(actor, 'settings.manage');
  const now = deps.now();
  return deps.db
    .transaction()
    .execute(async (tx) => {
      const current = await lockServiceInScope(tx, actor, id);
      const features = mergeFeatures(current.features, patch.features);
      const changes = {
        ...(patch.name !== undefined && patch.name !== current.name ? { name: patch.name } : {}),
        ...(patch.service_type && patch.service_type !== current.service_type
          ? { service_type: patch.service_type }
          : {}),
        ...(patch.counting_mode && patch.counting_mode !== current.counting_mode
          ? { counting_mode: patch.counting_mode }
          : {}),
        ...(patch.blind_counting !== undefined && patch.blind_counting !== current.blind_counting
          ? { blind_counting: patch.blind_counting }
          : {}),
      };
      const featuresChanged = JSON.stringify(features) !== JSON.stringify(current.features);
      if (Object.keys(changes).length === 0 && !featuresChanged) return toServiceView(current);
      const row = await tx
        .updateTable('services')
        .set({ ...changes, ...(featuresChanged ? { features: JSON.stringify(features) } : {}) })
        .where('id', '=', id)
        .where('tenant_id', '=', actor.tenantId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        at: now,
        tenant_id: actor.tenantId,
        user_id: actor.userId,
        action: 'service.update',
        object_type: 'service',
        object_id: id,
        meta: { changes, ...(featuresChanged ? { features: patch.features } : {}) },
      });
      return toServiceView(row);
    })
    .catch(rethrowDuplicateName);
}

const notEmpty = (products?: number) =>
  new AppError('SERVICE_NOT_EMPTY', {
    fr: `Ce service contient encore ${products ?? 'des'} produit(s), archivés compris : supprimez-les ou déplacez-les avant de supprimer le service.`,
    en: `This service still holds ${products ?? 'some'} product(s), archived ones included: delete or move them before deleting the service.`,
  });

const hasScopedMembers = (members: number) =>
  new AppError('SERVICE_NOT_EMPTY', {
    fr: `${members} membre(s) sont rattachés à ce service : changez leur périmètre avant de le supprimer.`,
    en: `${members} member(s) are scoped to this service: change their scope before deleting it.`,
  });

/** Deletes an empty service (no product, archived included, and no member scoped to it). */
export async function deleteService(deps: ServiceDeps, actor: Actor, id: string): Promise<ServiceDeleted> {
  requireCan(actor, 'settings.manage');
  const now = deps.now();
  return deps.db
    .transaction()
    .execute(async (tx) => {
      const service = await lockServiceInScope(tx, actor, id);
      const { products } = await tx
        .selectFrom('products')
        .select((eb) => eb.fn.countAll<number>().as('products'))
        .where('service_id', '=', id)
        .executeTakeFirstOrThrow();
      if (products > 0) throw notEmpty(products);
      const { members } = await tx
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('members'))
        .where('service_id', '=', id)
        .executeTakeFirstOrThrow();
      if (members > 0) throw hasScopedMembers(members);
      await tx.deleteFrom('services').where('id', '=', id).where('tenant_id', '=', actor.tenantId).execute();
      await recordAudit(tx, {
        at: now,
        tenant_id: actor.tenantId,
        user_id: actor.userId,
        action: 'service.delete',
        object_type: 'service',
        object_id: id,
        meta: { name: service.name, service_type: service.service_type },
      });
      return { id, deleted: true as const };
    })
    .catch((error: unknown) => {
      // A product or membership attached between our count and the delete.
      if (isForeignKeyViolation(error)) throw notEmpty();
      throw error;
    });
}
