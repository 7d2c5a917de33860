import { currentMonth, type LookupInput, type LookupResult } from '@stockscan/contracts';
import { readableFromMonth } from '@stockscan/entitlements';
import { sql } from 'kysely';
import type { Deps } from '../deps';
import { loadTenantPlan } from '../entitlements/tenant-entitlements';
import type { Actor } from '../request/actor';
import { toCount } from './count-rules';
import { toProduct } from './products.service';
import { loadService, seesPastCounts } from './scope';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

const LAST_COUNTS = 3;

/**
 * A scanned code: the live product of this service with that barcode (or SKU), else one of another
 * service of the tenant (to offer adding it here), with its latest counts. An operator scoped to one
 * service only searches that service.
 */
export async function lookupCode(
  deps: InventoryDeps,
  actor: Actor,
  input: LookupInput,
): Promise<LookupResult> {
  const now = deps.now();
  const [service, plan] = await Promise.all([
    loadService(deps.db, actor, input.service_id),
    loadTenantPlan(deps.db, actor.tenantId, now),
  ]);
  let query = deps.db
    .selectFrom('products as p')
    .innerJoin('services as s', 's.id', 'p.service_id')
    .selectAll('p')
    .select(['s.name as service_name'])
    .where('p.tenant_id', '=', actor.tenantId)
    .where('p.archived_at', 'is', null)
    .where((eb) => eb.or([eb('p.barcode', '=', input.code), eb('p.internal_sku', '=', input.code)]));
  if (actor.serviceId) query = query.where('p.service_id', '=', service.id);
  const found = await query
    .orderBy(sql`p.service_id = ${service.id}`, 'desc')
    .orderBy(sql`p.barcode = ${input.code}`, 'desc')
    .orderBy('p.name')
    .limit(1)
    .executeTakeFirst();
  if (!found) return { match: 'none', product: null, service: null, last_counts: [] };
  const from = readableFromMonth(plan.ent, now);
  let counts = deps.db
    .selectFrom('counts')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('product_id', '=', found.id);
  if (from) counts = counts.where('inventory_month', '>=', from);
  // Blind counting: an operator sees this month's counts only.
  if (!seesPastCounts(actor, service)) counts = counts.where('inventory_month', '>=', currentMonth(now));
  const last = await counts.orderBy('inventory_month', 'desc').limit(LAST_COUNTS).execute();
  return {
    match: found.service_id === service.id ? 'this_service' : 'other_service',
    product: toProduct(found),
    service: { id: found.service_id, name: found.service_name },
    last_counts: last.map(toCount),
  };
}
