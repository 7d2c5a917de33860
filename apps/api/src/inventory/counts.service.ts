import type {
  CopyFromPreviousMonthResult,
  CountsClearInput,
  CountsUpsertInput,
  CountsUpsertResult,
  ServiceMonthInput,
} from '@stockscan/contracts';
import type { Count as CountRow, Db } from '@stockscan/db';
import { isMonthReadable } from '@stockscan/entitlements';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { loadTenantPlan } from '../entitlements/tenant-entitlements';
import { AppError } from '../errors';
import type { Actor } from '../request/actor';
import {
  type MeasuredProduct,
  type PreparedLine,
  prepareLines,
  resolveMeasures,
  toCount,
} from './count-rules';
import { previousMonth } from './dates';
import { assertLocationsOfService } from './locations.service';
import { assertMonthOpen } from './month-open';
import { loadService, seesPastCounts } from './scope';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

/**
 * 404 naming the lines whose product is not a product of this service (or of this tenant); else what the
 * lines' packs and weights need to know of each product.
 */
async function assertProductsOfService(
  tx: Db,
  actor: Actor,
  serviceId: string,
  productIds: string[],
  fieldOf: (productId: string) => string,
): Promise<Map<string, MeasuredProduct>> {
  const found = await tx
    .selectFrom('products')
    .select(['id', 'pack_size', 'full_weight_g', 'empty_weight_g'])
    .where('tenant_id', '=', actor.tenantId)
    .where('service_id', '=', serviceId)
    .where('id', 'in', productIds)
    .execute();
  if (found.length === productIds.length) return new Map(found.map((p) => [p.id, p]));
  const known = new Set(found.map((p) => p.id));
  const fields: Record<string, string> = {};
  for (const id of productIds)
    if (!known.has(id)) fields[fieldOf(id)] = 'Produit introuvable dans ce service.';
  throw new AppError('NOT_FOUND', undefined, fields);
}

type StatementRow = CountRow & { kind: 'written' | 'before' };

/**
 * The whole batch in ONE statement: insert … on conflict do update, where a stored count taken later than
 * the line is kept (a retried old request never overwrites a newer count). Returns the rows written and,
 * looked up one by one through the unique index, every product's row as it was before — no join whose
 * plan depends on the month's statistics (a new month always starts with none).
 */
function writeCounts(
  tx: Db,
  actor: Actor,
  serviceId: string,
  month: string,
  lines: PreparedLine[],
  now: Date,
) {
  const column = <K extends keyof PreparedLine>(key: K) => lines.map((line) => line[key]);
  const countedAt = lines.map((line) => line.counted_at.toISOString());
  return sql<StatementRow>`
    with input as (
      select * from unnest(
        ${column('product_id')}::uuid[], ${column('quantity')}::numeric[], ${column('container_status')}::text[],
        ${column('remaining_fraction')}::numeric[], ${column('expiry_date')}::date[], ${column('lot_number')}::text[],
        ${countedAt}::timestamptz[], ${column('location_id')}::uuid[], ${column('weight_g')}::numeric[]
      ) as t(product_id, quantity, container_status, remaining_fraction, expiry_date, lot_number, counted_at,
        location_id, weight_g)
    ),
    written as (
      insert into counts as c (tenant_id, service_id, product_id, inventory_month, quantity, container_status,
        remaining_fraction, expiry_date, lot_number, counted_by, counted_at, updated_at, location_id, weight_g)
      select ${actor.tenantId}::uuid, ${serviceId}::uuid, product_id, ${month}, quantity, container_status,
        remaining_fraction, expiry_date, lot_number, ${actor.userId}::uuid, counted_at, ${now.toISOString()}::timestamptz,
        location_id, weight_g
      from input
      on conflict (product_id, inventory_month, location_id) do update set
        quantity = excluded.quantity, container_status = excluded.container_status,
        remaining_fraction = excluded.remaining_fraction, expiry_date = excluded.expiry_date,
        lot_number = excluded.lot_number, counted_by = excluded.counted_by,
        counted_at = excluded.counted_at, updated_at = excluded.updated_at, weight_g = excluded.weight_g
      where c.counted_at <= excluded.counted_at
      returning c.*
    )
    select 'written' as kind, w.* from written w
    union all
    select 'before' as kind, b.* from input i cross join lateral (
      select * from counts c where c.product_id = i.product_id and c.inventory_month = ${month}
        and c.location_id is not distinct from i.location_id limit 1
    ) b
  `.execute(tx);
}

const lineKey = (row: { product_id: string; location_id: string | null }) =>
  `${row.product_id}/${row.location_id ?? ''}`;

/**
 * counts.upsert: one line or a batch of up to 500, idempotent by product + month + place; the latest count
 * of a place wins (a product's month is the sum of its places' lines).
 */
export async function upsertCounts(
  deps: InventoryDeps,
  actor: Actor,
  input: CountsUpsertInput,
): Promise<CountsUpsertResult> {
  const now = deps.now();
  const service = await loadService(deps.db, actor, input.service_id);
  const prepared = prepareLines(service, input.lines, now);
  const { warnings } = prepared;
  const lineOf = (id: string) => input.lines.findIndex((line) => line.product_id === id);
  return deps.db.transaction().execute(async (tx) => {
    await assertMonthOpen(tx, actor.tenantId, service.id, input.month);
    const ids = [...new Set(prepared.lines.map((line) => line.product_id))];
    const products = await assertProductsOfService(
      tx,
      actor,
      service.id,
      ids,
      (id) => `lines.${lineOf(id)}.product_id`,
    );
    const lines = resolveMeasures(prepared.lines, products, (id, field) => `lines.${lineOf(id)}.${field}`);
    // A place archived while a phone was offline: the refusal names its lines, the batch's others are sent again.
    await assertLocationsOfService(
      tx,
      actor,
      service.id,
      lines.map((line) => line.location_id),
      (index) => `lines.${index}.location_id`,
    );
    const { rows } = await writeCounts(tx, actor, service.id, input.month, lines, now);
    const before = new Map(rows.filter((r) => r.kind === 'before').map((r) => [lineKey(r), r]));
    const written = new Map(rows.filter((r) => r.kind === 'written').map((r) => [lineKey(r), r]));
    const stale = [...new Set(lines.filter((line) => !written.has(lineKey(line))).map((l) => l.product_id))];
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'counts.upsert',
      object_type: 'service',
      object_id: service.id,
      meta: {
        month: input.month,
        lines: input.lines.length,
        applied: written.size,
        changes: [...written.values()].map((row) => ({
          product_id: row.product_id,
          ...(row.location_id ? { location_id: row.location_id } : {}),
          from: before.get(lineKey(row))?.quantity ?? null,
          to: row.quantity,
        })),
      },
      at: now,
    });
    return {
      month: input.month,
      applied: written.size,
      stale_product_ids: stale,
      counts: lines.flatMap((line) => {
        const row = written.get(lineKey(line)) ?? before.get(lineKey(line));
        return row ? [toCount(row)] : [];
      }),
      warnings,
    };
  });
}

/** How long a cleared line's trace is kept for counts.changes: a phone asleep longer reloads its pages anyway. */
const CLEAR_TRACE_MS = 7 * 24 * 3600_000;

/**
 * counts.clear: forget this month's count of the products given (the "undo" of a count): one place's line
 * when `location_id` is given (null = the service-as-a-whole line), else every line of those products.
 */
export async function clearCounts(
  deps: InventoryDeps,
  actor: Actor,
  input: CountsClearInput,
): Promise<{ cleared: number }> {
  const now = deps.now();
  const service = await loadService(deps.db, actor, input.service_id);
  return deps.db.transaction().execute(async (tx) => {
    await assertMonthOpen(tx, actor.tenantId, service.id, input.month);
    let query = tx
      .deleteFrom('counts')
      .where('tenant_id', '=', actor.tenantId)
      .where('service_id', '=', service.id)
      .where('inventory_month', '=', input.month)
      .where('product_id', 'in', input.product_ids);
    if (input.location_id !== undefined)
      query = query.where('location_id', 'is not distinct from', input.location_id);
    const deleted = await query.returning(['product_id', 'quantity', 'location_id']).execute();
    if (deleted.length > 0) {
      // The other phones learn it from counts.changes; traces older than any poll still catching up are dropped.
      await tx
        .deleteFrom('count_clears')
        .where('tenant_id', '=', actor.tenantId)
        .where('cleared_at', '<', new Date(now.getTime() - CLEAR_TRACE_MS))
        .execute();
      await tx
        .insertInto('count_clears')
        .values(
          deleted.map((row) => ({
            tenant_id: actor.tenantId,
            service_id: service.id,
            inventory_month: input.month,
            product_id: row.product_id,
            location_id: row.location_id,
            cleared_by: actor.userId,
            cleared_at: now,
          })),
        )
        .execute();
      await recordAudit(tx, {
        tenant_id: actor.tenantId,
        user_id: actor.userId,
        action: 'counts.clear',
        object_type: 'service',
        object_id: service.id,
        meta: {
          month: input.month,
          cleared: deleted.map((row) => ({
            product_id: row.product_id,
            ...(row.location_id ? { location_id: row.location_id } : {}),
            from: row.quantity,
          })),
        },
        at: now,
      });
    }
    return { cleared: deleted.length };
  });
}

/**
 * Starts `month` from the previous month's counts: every line (product and place, in a live place or the
 * service as a whole) of a live product counted then and not yet counted now gets last month's values; lines
 * already taken this month are left alone.
 */
export async function copyFromPreviousMonth(
  deps: InventoryDeps,
  actor: Actor,
  input: ServiceMonthInput,
): Promise<CopyFromPreviousMonthResult> {
  const now = deps.now();
  const from = previousMonth(input.month);
  const [service, plan] = await Promise.all([
    loadService(deps.db, actor, input.service_id),
    loadTenantPlan(deps.db, actor.tenantId, now),
  ]);
  if (!seesPastCounts(actor, service))
    throw new AppError('FORBIDDEN_ROLE', {
      fr: 'Comptage à l’aveugle : seul un responsable peut reprendre le mois précédent.',
      en: 'Blind counting: only a manager can copy last month.',
    });
  if (!isMonthReadable(plan.ent, now, from))
    return { month: input.month, from_month: from, copied: 0, skipped: 0, retention_limited: true };
  return deps.db.transaction().execute(async (tx) => {
    await assertMonthOpen(tx, actor.tenantId, service.id, input.month);
    const { rows } = await sql<{ source: number; copied: number }>`
      with source as (
        select prev.* from counts prev
        join products p on p.id = prev.product_id and p.archived_at is null
        left join locations l on l.id = prev.location_id
        where l.archived_at is null and prev.tenant_id = ${actor.tenantId} and prev.service_id = ${service.id}
          and prev.inventory_month = ${from}
      ),
      copied as (
        insert into counts (tenant_id, service_id, product_id, inventory_month, quantity, container_status,
          remaining_fraction, expiry_date, lot_number, counted_by, counted_at, updated_at, location_id)
        select tenant_id, service_id, product_id, ${input.month}, quantity, container_status, remaining_fraction,
          expiry_date, lot_number, ${actor.userId}::uuid, ${now.toISOString()}::timestamptz,
          ${now.toISOString()}::timestamptz, location_id
        from source
        on conflict (product_id, inventory_month, location_id) do nothing
        returning 1
      )
      select (select count(*)::int from source) as source, (select count(*)::int from copied) as copied
    `.execute(tx);
    const { source, copied } = rows[0] ?? { source: 0, copied: 0 };
    await recordAudit(tx, {
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      action: 'counts.copy_previous_month',
      object_type: 'service',
      object_id: service.id,
      meta: { month: input.month, from_month: from, copied },
      at: now,
    });
    return {
      month: input.month,
      from_month: from,
      copied,
      skipped: source - copied,
      retention_limited: false,
    };
  });
}
