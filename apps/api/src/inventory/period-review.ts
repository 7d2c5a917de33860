import {
  type CounterProgress,
  type LocationProgress,
  type MissingProduct,
  type PeriodReview,
  type PeriodReviewInput,
  REVIEW_MISSING_MAX,
  type ReviewLine,
  type SuspiciousProduct,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { REVIEW_RULES, reviewReasons, reviewState } from '@stockscan/entitlements';
import { sql } from 'kysely';
import type { Deps } from '../deps';
import { requireFeature } from '../entitlements/enforce';
import { type Actor, requireCan } from '../request/actor';
import { iso, isoOrNull, previousMonth } from './dates';
import { round3 } from './numbers';
import { readPeriod } from './periods.service';
import { loadService } from './scope';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

interface Scope {
  tenantId: string;
  serviceId: string;
  month: string;
}

/** The month and the REVIEW_RULES.usualMonths before it, newest first. */
function monthsBack(month: string): string[] {
  const months = [month];
  for (let i = 0; i < REVIEW_RULES.usualMonths; i++) months.push(previousMonth(months[i] as string));
  return months;
}

/** Each live product's total per month of the window, its opened lines and last write (this month's matter). */
function monthlyTotals(db: Db, scope: Scope, months: string[]) {
  return db
    .selectFrom('counts as k')
    .innerJoin('products as p', (join) =>
      join.onRef('p.id', '=', 'k.product_id').on('p.archived_at', 'is', null),
    )
    .select([
      'k.product_id',
      'k.inventory_month',
      sql<string>`sum(k.quantity + coalesce(k.remaining_fraction, 0))`.as('total'),
      sql<number>`count(*) filter (where k.container_status = 'OPENED')::int`.as('opened'),
      sql<Date>`max(k.updated_at)`.as('last_write'),
    ])
    .where('k.tenant_id', '=', scope.tenantId)
    .where('k.service_id', '=', scope.serviceId)
    .where('k.inventory_month', 'in', months)
    .groupBy(['k.product_id', 'k.inventory_month'])
    .execute();
}

/** Every live location with its progress this month (and archived ones that still hold this month's lines). */
async function locationProgress(db: Db, scope: Scope): Promise<LocationProgress[]> {
  const { tenantId, serviceId, month } = scope;
  const [places, whole] = await Promise.all([
    db
      .selectFrom('locations as loc')
      .select([
        'loc.id as location_id',
        'loc.name',
        sql<number>`(select count(distinct k.product_id)::int from counts k
          join products p on p.id = k.product_id and p.archived_at is null
          where k.location_id = loc.id and k.inventory_month = ${month})`.as('counted'),
        sql<number | null>`(select nullif(count(*), 0)::int from location_products lp
          join products p on p.id = lp.product_id and p.archived_at is null
          where lp.location_id = loc.id)`.as('expected'),
        sql<Date | null>`(select max(k.updated_at) from counts k
          where k.location_id = loc.id and k.inventory_month = ${month})`.as('last_activity'),
      ])
      .where('loc.tenant_id', '=', tenantId)
      .where('loc.service_id', '=', serviceId)
      .where((eb) =>
        eb.or([
          eb('loc.archived_at', 'is', null),
          eb.exists(
            eb
              .selectFrom('counts as k')
              .select('k.id')
              .whereRef('k.location_id', '=', 'loc.id')
              .where('k.inventory_month', '=', month),
          ),
        ]),
      )
      .orderBy('loc.position')
      .orderBy('loc.name')
      .execute(),
    db
      .selectFrom('counts as k')
      .innerJoin('products as p', (join) =>
        join.onRef('p.id', '=', 'k.product_id').on('p.archived_at', 'is', null),
      )
      .select([
        sql<number>`count(distinct k.product_id)::int`.as('counted'),
        sql<Date | null>`max(k.updated_at)`.as('last'),
      ])
      .where('k.tenant_id', '=', tenantId)
      .where('k.service_id', '=', serviceId)
      .where('k.inventory_month', '=', month)
      .where('k.location_id', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const rows = places.map((p) => ({ ...p, last_activity: isoOrNull(p.last_activity) }));
  // Lines counted for the service as a whole (no location) come first, when there are any.
  return whole.counted > 0
    ? [
        {
          location_id: null,
          name: null,
          counted: whole.counted,
          expected: null,
          last_activity: isoOrNull(whole.last),
        },
        ...rows,
      ]
    : rows;
}

/** Who counted this month: lines, products and last write per counter, the latest active first. */
async function counterProgress(db: Db, scope: Scope): Promise<CounterProgress[]> {
  const rows = await db
    .selectFrom('counts as k')
    .leftJoin('users as u', 'u.id', 'k.counted_by')
    .select([
      'k.counted_by as user_id',
      'u.username as name',
      sql<number>`count(*)::int`.as('lines'),
      sql<number>`count(distinct k.product_id)::int`.as('products'),
      sql<Date>`max(k.updated_at)`.as('last_activity'),
    ])
    .where('k.tenant_id', '=', scope.tenantId)
    .where('k.service_id', '=', scope.serviceId)
    .where('k.inventory_month', '=', scope.month)
    .groupBy(['k.counted_by', 'u.username'])
    .orderBy(sql`max(k.updated_at)`, 'desc')
    .execute();
  return rows.map((r) => ({ ...r, last_activity: iso(r.last_activity) }));
}

/** The lines of the given products this month, with their place and counter, in the service's room order. */
async function linesOf(db: Db, scope: Scope, productIds: string[]): Promise<Map<string, ReviewLine[]>> {
  const byProduct = new Map<string, ReviewLine[]>();
  if (productIds.length === 0) return byProduct;
  const rows = await db
    .selectFrom('counts as k')
    .leftJoin('locations as loc', 'loc.id', 'k.location_id')
    .leftJoin('users as u', 'u.id', 'k.counted_by')
    .select([
      'k.product_id',
      'k.location_id',
      'loc.name as location_name',
      'k.quantity',
      'k.container_status',
      'k.remaining_fraction',
      'k.counted_by',
      'u.username as counted_by_name',
      'k.counted_at',
    ])
    .where('k.tenant_id', '=', scope.tenantId)
    .where('k.service_id', '=', scope.serviceId)
    .where('k.inventory_month', '=', scope.month)
    .where('k.product_id', 'in', productIds)
    .orderBy(sql`loc.position nulls first`)
    .orderBy('k.counted_at')
    .execute();
  for (const { product_id, ...r } of rows) {
    const line: ReviewLine = {
      ...r,
      quantity: Number(r.quantity),
      remaining_fraction: r.remaining_fraction === null ? null : Number(r.remaining_fraction),
      counted_at: iso(r.counted_at),
    };
    byProduct.set(product_id, [...(byProduct.get(product_id) ?? []), line]);
  }
  return byProduct;
}

/** The service's live products (what the review names and prices). */
function liveProducts(db: Db, scope: Scope) {
  return db
    .selectFrom('products')
    .select(['id', 'name', 'category', 'unit', 'purchase_price'])
    .where('tenant_id', '=', scope.tenantId)
    .where('service_id', '=', scope.serviceId)
    .where('archived_at', 'is', null)
    .execute();
}

const STATE_ORDER = { TO_REVIEW: 0, RECOUNTED: 0, RECOUNT_REQUESTED: 1 } as const;

/**
 * inventory.periods.review (manager+, BOUTIQUE+): what a manager checks before closing the month — progress
 * per location and per counter, the products counted last month and not this one, and the suspicious
 * products (REVIEW_RULES) with the lines they are made of and where their review stands.
 */
export async function reviewPeriod(
  deps: InventoryDeps,
  actor: Actor,
  input: PeriodReviewInput,
): Promise<PeriodReview> {
  requireCan(actor, 'month.review');
  const now = deps.now();
  const service = await loadService(deps.db, actor, input.service_id);
  await requireFeature(deps.db, actor.tenantId, 'stock_control', now);
  const scope: Scope = { tenantId: actor.tenantId, serviceId: service.id, month: input.month };
  const months = monthsBack(input.month);
  const previous = months[1] as string;
  const threshold = input.value_threshold ?? REVIEW_RULES.valueThreshold;

  const [period, totals, products, byLocation, byCounter, marks] = await Promise.all([
    readPeriod(deps.db, actor.tenantId, service.id, input.month),
    monthlyTotals(deps.db, scope, months),
    liveProducts(deps.db, scope),
    locationProgress(deps.db, scope),
    counterProgress(deps.db, scope),
    deps.db
      .selectFrom('count_reviews as r')
      .leftJoin('users as u', 'u.id', 'r.decided_by')
      .select(['r.product_id', 'r.decision', 'r.decided_at', 'u.username as decided_by_name'])
      .where('r.tenant_id', '=', actor.tenantId)
      .where('r.service_id', '=', service.id)
      .where('r.month', '=', input.month)
      .execute(),
  ]);

  // Per product: its total per month, newest month first.
  const history = new Map<string, { month: string; total: number; opened: number; last_write: Date }[]>();
  for (const row of totals) {
    const entry = {
      month: row.inventory_month,
      total: Number(row.total),
      opened: row.opened,
      last_write: row.last_write,
    };
    history.set(row.product_id, [...(history.get(row.product_id) ?? []), entry]);
  }
  const markOf = new Map(marks.map((m) => [m.product_id, m]));

  const flagged: Omit<SuspiciousProduct, 'name' | 'category' | 'unit' | 'purchase_price' | 'lines'>[] = [];
  const missingIds: { id: string; previous: number }[] = [];
  let counted = 0;
  let reviewed = 0;
  const prices = new Map(products.map((p) => [p.id, p] as const));
  for (const [productId, monthsOfProduct] of history) {
    monthsOfProduct.sort((a, b) => (a.month < b.month ? 1 : -1));
    const [first, ...before] = monthsOfProduct;
    if (!first) continue;
    const last = before.find((m) => m.month === previous);
    if (first.month !== input.month) {
      if (first.month === previous) missingIds.push({ id: productId, previous: round3(first.total) });
      continue;
    }
    counted += 1;
    const product = prices.get(productId);
    const reasons = reviewReasons(
      {
        total: first.total,
        previous: last ? last.total : null,
        history: before.map((m) => m.total),
        purchasePrice: product?.purchase_price ?? null,
        openedLines: first.opened,
      },
      threshold,
    );
    if (reasons.length === 0) continue;
    const mark = markOf.get(productId);
    const state = reviewState(
      mark ? { decision: mark.decision, decidedAt: mark.decided_at } : null,
      first.last_write,
    );
    if (state === null) {
      reviewed += 1;
      continue;
    }
    flagged.push({
      product_id: productId,
      total: round3(first.total),
      previous: last ? round3(last.total) : null,
      reasons,
      state,
      decided_by_name: mark?.decided_by_name ?? null,
      decided_at: mark ? iso(mark.decided_at) : null,
    });
  }

  const lines = await linesOf(
    deps.db,
    scope,
    flagged.map((f) => f.product_id),
  );
  const suspicious: SuspiciousProduct[] = flagged
    .map((f) => {
      const p = prices.get(f.product_id);
      return {
        ...f,
        name: p?.name ?? '',
        category: p?.category ?? null,
        unit: p?.unit ?? 'pcs',
        purchase_price: p?.purchase_price ?? null,
        lines: lines.get(f.product_id) ?? [],
      };
    })
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.name.localeCompare(b.name, 'fr'));
  const missing: MissingProduct[] = missingIds
    .map(({ id, previous: total }) => {
      const p = prices.get(id);
      return {
        product_id: id,
        name: p?.name ?? '',
        category: p?.category ?? null,
        unit: p?.unit ?? 'pcs',
        previous: total,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));

  return {
    period,
    previous_month: previous,
    products: { total: products.length, counted },
    by_location: byLocation,
    by_counter: byCounter,
    missing: missing.slice(0, REVIEW_MISSING_MAX),
    missing_total: missing.length,
    suspicious,
    reviewed,
    value_threshold: threshold,
  };
}
