import {
  type ContainerStatus,
  type CountsChangesInput,
  type CountsChangesResult,
  type CountsProgress,
  type CountsProgressInput,
  type CountsScreenInput,
  type CountsScreenResult,
  currentMonth,
  type ScreenCountLine,
} from '@stockscan/contracts';
import { type Db, type Param, preparedShapes } from '@stockscan/db';
import { isMonthReadable, reviewState } from '@stockscan/entitlements';
import { sql } from 'kysely';
import type { Deps } from '../deps';
import { loadTenantPlan } from '../entitlements/tenant-entitlements';
import type { Actor } from '../request/actor';
import { iso } from './dates';
import { decodeCursor, decodeShelfCursor, encodeShelfCursor, keysetPage, OFF_SHELF } from './keyset-page';
import { loadService, seesPastCounts } from './scope';
import { productSearchOf, searchValues } from './search';

type InventoryDeps = Pick<Deps, 'db' | 'now'>;

/** The service exists in the actor's scope, and whether the plan may read `month`. */
async function openMonth(
  deps: InventoryDeps,
  actor: Actor,
  serviceId: string,
  month: string,
): Promise<boolean> {
  return (await monthAccess(deps, actor, serviceId, month)).readable;
}

/** Whether the plan may read `month`, and whether blind counting hides its quantities from this actor. */
async function monthAccess(deps: InventoryDeps, actor: Actor, serviceId: string, month: string) {
  const now = deps.now();
  const [service, plan] = await Promise.all([
    loadService(deps.db, actor, serviceId),
    loadTenantPlan(deps.db, actor.tenantId, now),
  ]);
  return {
    readable: isMonthReadable(plan.ent, now, month),
    hidden: month < currentMonth(now) && !seesPastCounts(actor, service),
  };
}

/**
 * Live products of the service (aliased p) with their month (aliased c) summed over the lines of every place,
 * or of one location: n lines, quantity, remaining_fraction, container_status (OPENED if any line is),
 * expiry_date (the earliest), lot_number (when all lines agree), counted_at (the latest), total stock, and the
 * lines themselves with who counted them.
 */
function productsWithCounts(db: Db, tenantId: string, serviceId: string, month: string, locationId?: string) {
  return db
    .selectFrom('products as p')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('counts as l')
          .leftJoin('users as u', 'u.id', 'l.counted_by')
          .select([
            sql<number>`count(*)::int`.as('n'),
            sql<number | null>`sum(l.quantity)`.as('quantity'),
            sql<number | null>`sum(l.remaining_fraction)`.as('remaining_fraction'),
            sql<ContainerStatus | null>`case when count(*) = 0 then null
              when bool_or(l.container_status = 'OPENED') then 'OPENED' else 'SEALED' end`.as(
              'container_status',
            ),
            sql<string | null>`to_char(min(l.expiry_date), 'YYYY-MM-DD')`.as('expiry_date'),
            sql<
              string | null
            >`case when count(distinct l.lot_number) = 1 and bool_and(l.lot_number is not null)
              then min(l.lot_number) end`.as('lot_number'),
            sql<Date | null>`max(l.counted_at)`.as('counted_at'),
            sql<number | null>`sum(l.quantity + coalesce(l.remaining_fraction, 0))`.as('total'),
            sql<LineJson[] | null>`json_agg(json_build_object('location_id', l.location_id,
              'quantity', l.quantity, 'container_status', l.container_status,
              'remaining_fraction', l.remaining_fraction, 'expiry_date', to_char(l.expiry_date, 'YYYY-MM-DD'),
              'lot_number', l.lot_number, 'counted_by', l.counted_by,
              'counted_by_name', u.username, 'counted_at', l.counted_at, 'weight_g', l.weight_g)
              order by l.counted_at)`.as('lines'),
          ])
          .whereRef('l.product_id', '=', 'p.id')
          .where('l.inventory_month', '=', month)
          .$if(locationId !== undefined, (q) => q.where('l.location_id', '=', locationId ?? null))
          .as('c'),
      (join) => join.onTrue(),
    )
    .where('p.tenant_id', '=', tenantId)
    .where('p.service_id', '=', serviceId)
    .where('p.archived_at', 'is', null);
}

type LineJson = Omit<ScreenCountLine, 'quantity' | 'remaining_fraction' | 'weight_g'> & {
  quantity: number | string;
  remaining_fraction: number | string | null;
  weight_g: number | string | null;
};

const toLine = (line: LineJson): ScreenCountLine => ({
  ...line,
  quantity: Number(line.quantity),
  remaining_fraction: line.remaining_fraction === null ? null : Number(line.remaining_fraction),
  weight_g: line.weight_g === null || line.weight_g === undefined ? null : Number(line.weight_g),
  counted_at: new Date(line.counted_at).toISOString(),
});

/** The values a count screen statement binds (those its shape does not use are left unbound). */
type ScreenParams = {
  tenantId: string;
  serviceId: string;
  month: string;
  locationId: string;
  category: string;
  term: string;
  pattern: string;
  exact: string;
  afterShelf: number;
  afterName: string;
  afterId: string;
  /** The page size + 1: one more row says whether a next page exists. */
  fetch: number;
};

/** What changes the screen's SQL text: its filters, whether it reads one location, and a later page. */
type ScreenShape = {
  status: 'counted' | 'uncounted' | 'all';
  category: boolean;
  search: boolean;
  location: boolean;
  /** Only the products not listed in the location (they come after its shelves). */
  offShelves: boolean;
  after: boolean;
};

/**
 * Live products of the service with their month (in one location or all), the recount asked for each, and the
 * screen's filters: the rows every statement of the screen pages through.
 */
function screenRows(db: Db, param: Param<ScreenParams>, shape: ScreenShape) {
  let query = productsWithCounts(
    db,
    param('tenantId'),
    param('serviceId'),
    param('month'),
    shape.location ? param('locationId') : undefined,
  )
    .leftJoin('count_reviews as r', (join) =>
      join
        .onRef('r.product_id', '=', 'p.id')
        .on('r.service_id', '=', param('serviceId'))
        .on('r.month', '=', param('month'))
        .on('r.decision', '=', 'RECOUNT'),
    )
    .leftJoin('users as ru', 'ru.id', 'r.decided_by')
    .select([
      'r.decided_at as recount_at',
      'ru.username as recount_by',
      // The product's last write in any place (the location filter applies to c only): read for a request only.
      sql<Date | null>`case when r.id is not null then (select max(k.updated_at) from counts k
        where k.product_id = p.id and k.inventory_month = ${param('month')}) end`.as('last_write'),
    ])
    .select([
      'p.id',
      'p.name',
      'p.category',
      'p.brand',
      'p.barcode',
      'p.internal_sku',
      'p.unit',
      'p.min_qty',
      'p.purchase_price',
      'p.pack_size',
      'p.pack_uom',
      'p.variant_value',
      'p.full_weight_g',
      'p.empty_weight_g',
      'c.quantity',
      'c.container_status',
      'c.remaining_fraction',
      'c.expiry_date',
      'c.lot_number',
      'c.counted_at',
      'c.total',
      'c.lines',
    ]);
  if (shape.status === 'counted') query = query.where('c.n', '>', 0);
  if (shape.status === 'uncounted') query = query.where('c.n', '=', 0);
  if (shape.category) query = query.where('p.category', '=', param('category'));
  if (shape.search)
    query = query.where(
      productSearchOf({ term: param('term'), pattern: param('pattern'), exact: param('exact') }),
    );
  return query;
}

// The screen's statements, each shape compiled once (building and compiling them was ~0.2 ms of a page).

/**
 * Every product of the service by name — or, in a location, those not listed there (after its shelves) — from the
 * cursor's (name, id) on a later page.
 */
const pageByName = preparedShapes<ScreenParams, ScreenShape>()((db, param, shape) => {
  let query = screenRows(db, param, shape);
  if (shape.offShelves)
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('location_products as lp')
            .select('lp.product_id')
            .where('lp.location_id', '=', param('locationId'))
            .whereRef('lp.product_id', '=', 'p.id'),
        ),
      ),
    );
  if (shape.after)
    query = query.where((eb) =>
      eb(eb.refTuple('p.name', 'p.id'), '>', eb.tuple(param('afterName'), param('afterId'))),
    );
  return query.orderBy('p.name').orderBy('p.id').limit(param('fetch'));
});

/** The products listed in the location, in shelf order, from the cursor's (shelf, id) on a later page. */
const pageOnShelves = preparedShapes<ScreenParams, ScreenShape>()((db, param, shape) => {
  let listed = screenRows(db, param, shape)
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('location_products')
          .select(['product_id', 'position'])
          .where('tenant_id', '=', param('tenantId'))
          .where('location_id', '=', param('locationId'))
          .orderBy('position')
          .orderBy('product_id')
          // A fence: the shelf order is sorted first, the lateral counts then read only the page's products.
          .offset(0)
          .as('lp'),
      (join) => join.onRef('lp.product_id', '=', 'p.id'),
    )
    .select('lp.position as shelf');
  if (shape.after)
    listed = listed.where((eb) =>
      eb(eb.refTuple('lp.position', 'lp.product_id'), '>', eb.tuple(param('afterShelf'), param('afterId'))),
    );
  return listed.orderBy('lp.position').orderBy('lp.product_id').limit(param('fetch'));
});

type ScreenRow = Awaited<ReturnType<typeof pageByName.execute>>[number] & { shelf?: number };

/**
 * The count screen in one statement: every live product of the service, sorted by name, with this month's
 * count or null; filters on category, search and counted/uncounted; keyset pages on (name, id). In one
 * location: the products listed there in shelf order, then the others by name (two statements at once).
 */
export async function countsScreen(
  deps: InventoryDeps,
  actor: Actor,
  input: CountsScreenInput,
): Promise<CountsScreenResult> {
  const { readable, hidden } = await monthAccess(deps, actor, input.service_id, input.month);
  if (!readable) return { month: input.month, items: [], next_cursor: null, retention_limited: true };
  // Blind counting: an operator sees a past month's products, never its quantities (nor which were counted).
  if (hidden) input = { ...input, status: undefined };
  const limit = input.limit ?? 100;
  const locationId = input.location_id;
  const search = input.search ? searchValues(input.search) : { term: '', pattern: '', exact: '' };
  const params: ScreenParams = {
    tenantId: actor.tenantId,
    serviceId: input.service_id,
    month: input.month,
    locationId: locationId ?? '',
    category: input.category ?? '',
    ...search,
    afterShelf: 0,
    afterName: '',
    afterId: '',
    fetch: limit + 1,
  };
  const shape: ScreenShape = {
    status: input.status ?? 'all',
    category: Boolean(input.category),
    search: Boolean(input.search),
    location: locationId !== undefined,
    offShelves: false,
    after: false,
  };
  // Rows listed in the location carry their shelf; the others have none (they come after every shelf).
  let page: ScreenRow[];
  let next_cursor: string | null;
  if (locationId) {
    // A location walks its shelves: its listed products in shelf order, then the others by name — two
    // ordered index walks side by side (one sort by name of the whole service was 20× slower).
    const after = input.cursor ? decodeShelfCursor(input.cursor) : null;
    const pastShelves = after?.shelf === OFF_SHELF;
    const [shelved, rest] = await Promise.all([
      pastShelves
        ? []
        : pageOnShelves.execute(
            deps.db,
            { ...shape, after: after !== null },
            { ...params, afterShelf: after?.shelf ?? 0, afterId: after?.id ?? '' },
          ),
      pageByName.execute(
        deps.db,
        { ...shape, offShelves: true, after: pastShelves },
        { ...params, afterName: after?.name ?? '', afterId: after?.id ?? '' },
      ),
    ]);
    const rows: ScreenRow[] = [...shelved, ...rest].slice(0, limit + 1);
    page = rows.slice(0, limit);
    const last = rows[limit - 1];
    next_cursor =
      rows.length > limit && last ? encodeShelfCursor(last.shelf ?? OFF_SHELF, last.name, last.id) : null;
  } else {
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    const rows = await pageByName.execute(
      deps.db,
      { ...shape, after: after !== null },
      { ...params, afterName: after?.name ?? '', afterId: after?.id ?? '' },
    );
    const paged = keysetPage(rows, limit);
    page = paged.page;
    next_cursor = paged.next_cursor;
  }
  return {
    month: input.month,
    items: page.map((r) => ({
      product: {
        id: r.id,
        name: r.name,
        category: r.category,
        brand: r.brand,
        barcode: r.barcode,
        internal_sku: r.internal_sku,
        unit: r.unit,
        min_qty: r.min_qty,
        purchase_price: r.purchase_price,
        pack_size: r.pack_size,
        pack_uom: r.pack_uom,
        variant_value: r.variant_value,
        full_weight_g: r.full_weight_g,
        empty_weight_g: r.empty_weight_g,
      },
      // Lateral aggregate: every count column is null when the product has no line this month.
      lines: hidden ? [] : (r.lines ?? []).map(toLine),
      total: hidden || r.total === null ? null : Number(r.total),
      recount:
        r.recount_at &&
        reviewState({ decision: 'RECOUNT', decidedAt: r.recount_at }, r.last_write ?? new Date(0)) ===
          'RECOUNT_REQUESTED'
          ? { requested_at: iso(r.recount_at), requested_by_name: r.recount_by }
          : null,
      count:
        !hidden && r.counted_at && r.quantity !== null && r.container_status
          ? {
              quantity: Number(r.quantity),
              container_status: r.container_status,
              remaining_fraction: r.remaining_fraction === null ? null : Number(r.remaining_fraction),
              expiry_date: r.expiry_date,
              lot_number: r.lot_number,
              counted_at: iso(r.counted_at),
            }
          : null,
      shelf_position: r.shelf ?? null,
    })),
    next_cursor,
    retention_limited: false,
  };
}

/**
 * How far the month's count is: live products counted / live products (in one location when asked), and
 * the products counted in each live location of the service.
 */
export async function countsProgress(
  deps: InventoryDeps,
  actor: Actor,
  input: CountsProgressInput,
): Promise<CountsProgress> {
  const readable = await openMonth(deps, actor, input.service_id, input.month);
  const [row, places] = await Promise.all([
    productsWithCounts(deps.db, actor.tenantId, input.service_id, input.month, input.location_id)
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where c.n > 0)::int`.as('counted'),
      ])
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('locations as loc')
      .select([
        'loc.id as location_id',
        'loc.name',
        sql<number>`(select count(distinct k.product_id)::int from counts k
          join products p on p.id = k.product_id and p.archived_at is null
          where k.location_id = loc.id and k.inventory_month = ${input.month})`.as('counted'),
        sql<number>`(select count(*)::int from location_products lp
          join products p on p.id = lp.product_id and p.archived_at is null
          where lp.location_id = loc.id)`.as('listed'),
        sql<number>`(select count(*)::int from location_products lp
          join products p on p.id = lp.product_id and p.archived_at is null
          where lp.location_id = loc.id and exists (select 1 from counts k where k.product_id = lp.product_id
            and k.inventory_month = ${input.month} and k.location_id = loc.id))`.as('listed_counted'),
      ])
      .where('loc.tenant_id', '=', actor.tenantId)
      .where('loc.service_id', '=', input.service_id)
      .where('loc.archived_at', 'is', null)
      .orderBy('loc.position')
      .orderBy('loc.name')
      .execute(),
  ]);
  const counted = readable ? row.counted : 0;
  return {
    month: input.month,
    counted,
    by_location: places.map((p) => ({
      ...p,
      counted: readable ? p.counted : 0,
      listed_counted: readable ? p.listed_counted : 0,
    })),
    total: row.total,
    percent: row.total === 0 ? 0 : Math.round((counted / row.total) * 1000) / 10,
    retention_limited: !readable,
  };
}

/** How long before `since` lines are sent again: a write stamped earlier may commit after the last answer. */
const CHANGES_OVERLAP_MS = 10_000;
/** Without `since`: what the last minute wrote (the screen's first page was read just before). */
const CHANGES_FIRST_WINDOW_MS = 60_000;
const CHANGES_MAX_LINES = 1000;

/**
 * counts.changes: the month's lines written since `since` with who counted them, oldest change first, and the
 * lines cleared meanwhile — what the count screen polls to show other people's counts without reloading its
 * pages. Nothing for a month the plan may not read or that blind counting hides from the actor.
 */
export async function countsChanges(
  deps: InventoryDeps,
  actor: Actor,
  input: CountsChangesInput,
): Promise<CountsChangesResult> {
  const serverTime = deps.now();
  const { readable, hidden } = await monthAccess(deps, actor, input.service_id, input.month);
  const result = { month: input.month, server_time: serverTime.toISOString() };
  if (!readable || hidden) return { ...result, lines: [], cleared: [], truncated: false };
  const from = input.since
    ? new Date(new Date(input.since).getTime() - CHANGES_OVERLAP_MS)
    : new Date(serverTime.getTime() - CHANGES_FIRST_WINDOW_MS);
  const clearedQuery = deps.db
    .selectFrom('count_clears')
    .select(['product_id', 'location_id', 'cleared_at'])
    .where('tenant_id', '=', actor.tenantId)
    .where('service_id', '=', input.service_id)
    .where('inventory_month', '=', input.month)
    .where('cleared_at', '>', from)
    .orderBy('cleared_at')
    .limit(CHANGES_MAX_LINES + 1)
    .execute();
  const linesQuery = deps.db
    .selectFrom('counts as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .leftJoin('users as u', 'u.id', 'l.counted_by')
    .select([
      'l.product_id',
      'l.location_id',
      'l.quantity',
      'l.container_status',
      'l.remaining_fraction',
      sql<string | null>`to_char(l.expiry_date, 'YYYY-MM-DD')`.as('expiry_date'),
      'l.lot_number',
      'l.counted_by',
      'u.username as counted_by_name',
      'l.counted_at',
      'l.updated_at',
      'l.weight_g',
    ])
    .where('l.tenant_id', '=', actor.tenantId)
    .where('l.service_id', '=', input.service_id)
    .where('l.inventory_month', '=', input.month)
    .where('l.updated_at', '>', from)
    .where('p.archived_at', 'is', null)
    .orderBy('l.updated_at')
    .limit(CHANGES_MAX_LINES + 1)
    .execute();
  const [rows, cleared] = await Promise.all([linesQuery, clearedQuery]);
  return {
    ...result,
    truncated: rows.length > CHANGES_MAX_LINES || cleared.length > CHANGES_MAX_LINES,
    cleared: cleared.slice(0, CHANGES_MAX_LINES).map((r) => ({
      product_id: r.product_id,
      location_id: r.location_id,
      cleared_at: iso(r.cleared_at),
    })),
    lines: rows.slice(0, CHANGES_MAX_LINES).map((r) => ({
      product_id: r.product_id,
      location_id: r.location_id,
      quantity: Number(r.quantity),
      container_status: r.container_status,
      remaining_fraction: r.remaining_fraction === null ? null : Number(r.remaining_fraction),
      expiry_date: r.expiry_date,
      lot_number: r.lot_number,
      counted_by: r.counted_by,
      counted_by_name: r.counted_by_name,
      counted_at: iso(r.counted_at),
      updated_at: iso(r.updated_at),
      weight_g: r.weight_g === null ? null : Number(r.weight_g),
    })),
  };
}
