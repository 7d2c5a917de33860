import type { TenantUpdateInput, TenantView } from '@stockscan/contracts';
import type { Tenant } from '@stockscan/db';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import type { Actor } from '../request/actor';
import { requireTenantWide } from '../request/actor';
import { slugify } from './slug';

export function toTenantView(
  row: Pick<Tenant, 'id' | 'name' | 'domain' | 'business_type' | 'currency_code'>,
): TenantView {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    business_type: row.business_type,
    currency_code: row.currency_code,
  };
}

/** Renames the actor's tenant (its slug follows) or changes its currency; owner or a manager of every service. */
export async function updateTenant(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: Actor,
  input: TenantUpdateInput,
): Promise<TenantView> {
  requireTenantWide(actor, 'settings.manage');
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('tenants')
      .selectAll()
      .where('id', '=', actor.tenantId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const changes = {
      ...(input.name !== undefined && input.name !== current.name
        ? { name: input.name, slug: slugify(input.name) }
        : {}),
      ...(input.currency_code !== undefined && input.currency_code !== current.currency_code
        ? { currency_code: input.currency_code }
        : {}),
    };
    if (Object.keys(changes).length === 0) return toTenantView(current);
    const row = await tx
      .updateTable('tenants')
      .set(changes)
      .where('id', '=', actor.tenantId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      at: now,
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'tenant.update',
      object_type: 'tenant',
      object_id: actor.tenantId,
      meta: {
        changes,
        before: Object.fromEntries(
          Object.keys(changes).map((key) => [key, current[key as keyof typeof changes]]),
        ),
      },
    });
    return toTenantView(row);
  });
}
