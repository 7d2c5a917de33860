/**
 * Inventory benchmark (`pnpm bench:inventory`): 5,000 products in one service on PostgreSQL, then the count
 * screen (100-row pages), 500-line counts.upsert batches, the month's consumption report (inventory.usage.get)
 * and the preview of a 5,000-line supplier file (bench/import-preview.ts) through the typed tRPC client over HTTP.
 * Prints p50/p95 and SQL statements per request (counted by a kysely plugin; BEGIN/COMMIT not included).
 *
 * DATABASE_URL (default postgres://stockscan:stockscan@127.0.0.1:5432/stockscan_test) is only used to
 * create a fresh database for the run, dropped at the end.
 */
import { createRequire } from 'node:module';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
} from '../apps/api/node_modules/kysely';
import { loadConfig } from '../apps/api/src/config';
import { createMailer } from '../apps/api/src/integrations/sendgrid';
import type { AppRouter } from '../apps/api/src/router';
import { buildServer } from '../apps/api/src/server';
import { createTenantFixture } from '../apps/api/test/fixtures';
import type { Db } from '../packages/db/src/index';
import { createTemplate, openTestDb } from '../packages/db/src/testing/index';
import { IMPORT_LINES, IMPORT_TARGET_MS, supplierFile } from './import-preview';

// The tRPC client and kysely are dependencies of the api package, not of the workspace root.
const fromApi = createRequire(new URL('../apps/api/package.json', import.meta.url));
const { createTRPCClient, httpLink } = (await import(
  fromApi.resolve('@trpc/client')
)) as typeof import('../apps/api/node_modules/@trpc/client');
const { sql } = (await import(fromApi.resolve('kysely'))) as typeof import('../apps/api/node_modules/kysely');

const DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://stockscan:stockscan@127.0.0.1:5432/stockscan_test';
const PRODUCTS = 5_000;
const PAGE = 100;
const BATCH = 500;
const MONTH = '2026-11';
const PREVIOUS = '2026-10';
const SCREEN_RUNS = 200;
const UPSERT_RUNS = 40;
const USAGE_PAGE = 50;
/** Issue #16's targets: a count screen page p95 ≤ 30 ms, a 500-line batch p95 ≤ 150 ms. */
const SCREEN_TARGET_MS = 30;
const BATCH_TARGET_MS = 150;
const WARMUP = 10;
const CATEGORIES = [
  'Bières',
  'Vins',
  'Spiritueux',
  'Softs',
  'Sirops',
  'Épicerie',
  'Cafés',
  'Thés',
  'Snacks',
  'Divers',
];

/** Counts every statement kysely sends (queries, raw sql, inside transactions too). */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

interface Sample {
  ms: number;
  statements: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function summarise(name: string, samples: Sample[], targetP95: number) {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const statements = [...new Set(samples.map((s) => s.statements))].sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  return {
    scenario: name,
    runs: samples.length,
    p50_ms: Number(percentile(times, 50).toFixed(1)),
    p95_ms: Number(p95.toFixed(1)),
    max_ms: Number((times.at(-1) ?? Number.NaN).toFixed(1)),
    statements_per_request: statements.join('/'),
    target_p95_ms: targetP95,
    ok: p95 <= targetP95 && statements.length === 1,
  };
}

/** One delivery (every third product), a loss for every tenth, till sales for every other one, in MONTH. */
async function seedMonthFlows(db: Db, tenantId: string, serviceId: string, ids: string[]) {
  const receipt = await db
    .insertInto('receipts')
    .values({
      tenant_id: tenantId,
      service_id: serviceId,
      supplier_id: null,
      received_on: `${MONTH}-03`,
      month: MONTH,
      reference: 'BENCH',
      note: null,
      import_id: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const every = (n: number) => ids.filter((_, i) => i % n === 0);
  await db
    .insertInto('receipt_lines')
    .values(
      every(3).map((product_id, i) => ({
        tenant_id: tenantId,
        receipt_id: receipt.id,
        product_id,
        position: i,
        quantity: 6,
        unit_cost: 1 + (i % 50),
        lot_number: null,
        expiry_date: null,
      })),
    )
    .execute();
  await db
    .insertInto('loss_events')
    .values(
      every(10).map((product_id) => ({
        tenant_id: tenantId,
        service_id: serviceId,
        product_id,
        occurred_at: new Date(`${MONTH}-10T12:00:00Z`),
        inventory_month: MONTH,
        quantity: 1,
        unit: 'pcs' as const,
        reason: 'breakage' as const,
      })),
    )
    .execute();
  await db
    .insertInto('sales_lines')
    .values(
      every(2).map((product_id, i) => ({
        tenant_id: tenantId,
        service_id: serviceId,
        month: MONTH,
        product_id,
        quantity_sold: i % 5,
        revenue: (i % 5) * 4.5,
        import_id: null,
      })),
    )
    .execute();
  await sql`analyze`.execute(db);
}

async function main() {
  const started = Date.now();
  const { template, teardown } = await createTemplate(DATABASE_URL);
  const testDb = await openTestDb(template);
  await teardown();
  const counter = new StatementCounter();
  const db = testDb.db.withPlugin(counter);
  const config = loadConfig({
    NODE_ENV: 'development',
    APP_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    DATABASE_URL: testDb.url,
    INVITATIONS_SEND_EMAILS: 'false',
    AI_ENABLED: 'false',
    WEB_DIST_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
  });
  const app = await buildServer(
    config,
    { db, stripe: null, mailer: createMailer(config), openai: null, now: () => new Date() },
    { logger: false },
  );
  const serverMs: number[] = [];
  app.addHook('onResponse', async (req, reply) => {
    if (req.url.includes('counts.upsert')) serverMs.push(Math.round(reply.elapsedTime));
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    // Given: a PRO tenant with one bar service of 5,000 products in 3 locations, half of them counted last month.
    const f = await createTenantFixture(testDb.db, config, { plan: 'PRO' });
    const serviceId = f.services[0]!.id;
    const seedStart = Date.now();
    const ids: string[] = [];
    for (let offset = 0; offset < PRODUCTS; offset += 1000) {
      const rows = await testDb.db
        .insertInto('products')
        .values(
          Array.from({ length: 1000 }, (_, k) => {
            const i = offset + k;
            return {
              tenant_id: f.tenantId,
              service_id: serviceId,
              name: `Produit ${String((i * 7919) % PRODUCTS).padStart(4, '0')}`,
              category: CATEGORIES[i % CATEGORIES.length]!,
              barcode: String(3_000_000_000_000 + i),
              unit: 'pcs' as const,
              purchase_price: 1 + (i % 50),
              min_qty: i % 3,
            };
          }),
        )
        .returning('id')
        .execute();
      ids.push(...rows.map((r) => r.id));
    }
    // Three storage places; each counted product has a line in one of them, every fifth a second line.
    const locations = await testDb.db
      .insertInto('locations')
      .values(
        ['Bar', 'Réserve', 'Cave'].map((name, position) => ({
          tenant_id: f.tenantId,
          service_id: serviceId,
          name,
          position,
        })),
      )
      .returning('id')
      .execute();
    const place = (i: number) => locations[i % locations.length]!.id;
    const counted = ids.filter((_, i) => i % 2 === 0);
    await testDb.db
      .insertInto('counts')
      .values([
        ...counted.map((product_id, i) => ({
          tenant_id: f.tenantId,
          service_id: serviceId,
          product_id,
          inventory_month: PREVIOUS,
          quantity: i % 13,
          location_id: place(i),
        })),
        ...counted
          .filter((_, i) => i % 5 === 0)
          .map((product_id, i) => ({
            tenant_id: f.tenantId,
            service_id: serviceId,
            product_id,
            inventory_month: PREVIOUS,
            quantity: 1,
            location_id: place(i * 5 + 1),
          })),
      ])
      .execute();
    // The first place lists every third product, its shelves in an order that is not the alphabet's.
    await testDb.db
      .insertInto('location_products')
      .values(
        ids
          .filter((_, i) => i % 3 === 0)
          .map((product_id, position, listed) => ({
            tenant_id: f.tenantId,
            location_id: place(0),
            product_id,
            position: (position * 7919) % listed.length,
          })),
      )
      .execute();
    await sql`analyze`.execute(testDb.db);
    const seedMs = Date.now() - seedStart;

    const client = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: { authorization: `Bearer ${f.owner.token}` } })],
    });

    async function measure<T>(call: () => Promise<T>): Promise<Sample & { result: T }> {
      const before = counter.count;
      const t0 = performance.now();
      const result = await call();
      return { ms: performance.now() - t0, statements: counter.count - before, result };
    }

    // When: the count screen, page after page (cursor), and with the screen's filters.
    const screen: Sample[] = [];
    const filtered: Sample[] = [];
    const baseline: Sample[] = [];
    let cursor: string | undefined;
    for (let run = 0; run < WARMUP + SCREEN_RUNS; run++) {
      const page = await measure(() =>
        client.inventory.counts.screen.query({ service_id: serviceId, month: PREVIOUS, limit: PAGE, cursor }),
      );
      if (page.result.items.length !== PAGE && page.result.next_cursor) throw new Error('short page');
      cursor = page.result.next_cursor ?? undefined;
      if (run >= WARMUP) screen.push({ ms: page.ms, statements: page.statements });
      const variant = run % 3;
      const other = await measure(() =>
        client.inventory.counts.screen.query({
          service_id: serviceId,
          month: PREVIOUS,
          limit: PAGE,
          ...(variant === 0 ? { category: CATEGORIES[run % CATEGORIES.length] } : {}),
          ...(variant === 1 ? { status: 'uncounted' as const } : {}),
          ...(variant === 2 ? { search: `Produit ${String(run % 50).padStart(2, '0')}` } : {}),
        }),
      );
      if (run >= WARMUP) filtered.push({ ms: other.ms, statements: other.statements });
      const ping = await measure(() => client.system.health.query());
      if (run >= WARMUP) baseline.push({ ms: ping.ms, statements: ping.statements });
    }

    // When: one location walked in shelf order page after page, or its "not yet counted" (a listed place and
    // two without a list in turn); and the screen polling others' lines.
    const shelfWalk: Sample[] = [];
    let shelfCursor: string | undefined;
    for (let run = 0; run < WARMUP + SCREEN_RUNS; run++) {
      const page = await measure(() =>
        client.inventory.counts.screen.query({
          service_id: serviceId,
          month: PREVIOUS,
          limit: PAGE,
          ...(run % 2 === 0
            ? { location_id: place(0), cursor: shelfCursor }
            : { location_id: place(run), status: 'uncounted' as const }),
        }),
      );
      if (run % 2 === 0) shelfCursor = page.result.next_cursor ?? undefined;
      if (run >= WARMUP) shelfWalk.push({ ms: page.ms, statements: page.statements });
    }
    const polls: Sample[] = [];
    for (let run = 0; run < WARMUP + SCREEN_RUNS; run++) {
      const since = new Date(Date.now() - 5_000).toISOString();
      const poll = await measure(() =>
        client.inventory.counts.changes.query({ service_id: serviceId, month: PREVIOUS, since }),
      );
      if (run >= WARMUP) polls.push({ ms: poll.ms, statements: poll.statements });
    }

    // When: 500-line batches, first writes then overwrites of the same month (10 slices of 500).
    const upserts: Sample[] = [];
    for (let run = 0; run < WARMUP + UPSERT_RUNS; run++) {
      const slice = ids.slice(((run % 10) * BATCH) % PRODUCTS, (((run % 10) * BATCH) % PRODUCTS) + BATCH);
      const lines = slice.map((product_id, i) => ({
        product_id,
        quantity: (run + i) % 24,
        location_id: place(i),
      }));
      const batch = await measure(() =>
        client.inventory.counts.upsert.mutate({ service_id: serviceId, month: MONTH, lines }),
      );
      if (batch.result.applied !== BATCH) throw new Error(`batch applied ${batch.result.applied}`);
      if (run >= WARMUP) upserts.push({ ms: batch.ms, statements: batch.statements });
    }

    // Then: the statement count does not grow with the page or the batch.
    const tiny = await measure(() =>
      client.inventory.counts.screen.query({ service_id: serviceId, month: MONTH, limit: 1 }),
    );
    const single = await measure(() =>
      client.inventory.counts.upsert.mutate({
        service_id: serviceId,
        month: MONTH,
        lines: [{ product_id: ids[0]!, quantity: 1, location_id: place(0) }],
      }),
    );
    const progress = await measure(() =>
      client.inventory.counts.progress.query({ service_id: serviceId, month: MONTH }),
    );
    // For information (no target): the dashboard's month stats over the 5,000 products.
    const stats: Sample[] = [];
    for (let run = 0; run < 3 + 20; run++) {
      const sample = await measure(() =>
        client.inventory.stats.query({ service_id: serviceId, month: MONTH }),
      );
      if (run >= 3) stats.push({ ms: sample.ms, statements: sample.statements });
    }

    // When: the month's consumption report, after a delivery of 1,667 lines, 500 losses and 2,500 till sales.
    await seedMonthFlows(testDb.db, f.tenantId, serviceId, ids);
    // The consumption page asks for the report's first 50 rows (biggest gaps first): every product is computed,
    // 50 rows are sent. The whole report in one response (1.3 MB of JSON) is measured for information.
    const usage: Sample[] = [];
    const usageWhole: Sample[] = [];
    let usageRows = 0;
    for (let run = 0; run < 3 + 30; run++) {
      const sample = await measure(() =>
        client.inventory.usage.get.query({ service_id: serviceId, month: MONTH, limit: USAGE_PAGE }),
      );
      usageRows = sample.result.row_count;
      if (run >= 3) usage.push({ ms: sample.ms, statements: sample.statements });
      if (run % 3 !== 0) continue;
      const whole = await measure(() =>
        client.inventory.usage.get.query({ service_id: serviceId, month: MONTH }),
      );
      if (run >= 3) usageWhole.push({ ms: whole.ms, statements: whole.statements });
    }

    // When: a 5,000-line supplier file is previewed (read, mapped, matched; nothing written).
    const file = supplierFile(PRODUCTS);
    const previews: Sample[] = [];
    for (let run = 0; run < 2 + 10; run++) {
      const sample = await measure(() =>
        client.purchasing.imports.preview.mutate({
          kind: 'receipt',
          service_id: serviceId,
          file_base64: file,
        }),
      );
      if (sample.result.lines.length !== IMPORT_LINES)
        throw new Error(`preview read ${sample.result.lines.length}`);
      if (run >= 2) previews.push({ ms: sample.ms, statements: sample.statements });
    }

    const rows = [
      summarise(`counts.screen, ${PAGE}-row page (cursor walk)`, screen, SCREEN_TARGET_MS),
      summarise(
        `counts.screen, ${PAGE}-row page (category | uncounted | search)`,
        filtered,
        SCREEN_TARGET_MS,
      ),
      summarise(
        `counts.screen, ${PAGE}-row page, one location (shelf walk | uncounted)`,
        shelfWalk,
        SCREEN_TARGET_MS,
      ),
      summarise(`counts.changes, poll of others' lines`, polls, 50),
      summarise(`counts.upsert, ${BATCH}-line batch`, upserts, BATCH_TARGET_MS),
      summarise(`usage.get, ${PRODUCTS} products (${usageRows} rows), first ${USAGE_PAGE}`, usage, 100),
      summarise(`imports.preview, ${IMPORT_LINES}-line CSV`, previews, IMPORT_TARGET_MS),
    ];
    const info = [
      summarise(`baseline: system.health (select 1), same stack`, baseline, Number.POSITIVE_INFINITY),
      summarise(`stats, ${PRODUCTS} products (info)`, stats, Number.POSITIVE_INFINITY),
      summarise(`usage.get, every row in one response (info)`, usageWhole, Number.POSITIVE_INFINITY),
    ];
    console.log(
      `\nInventory benchmark — PostgreSQL, ${PRODUCTS} products in one service, seeded in ${seedMs} ms`,
    );
    console.table([...rows, ...info]);
    console.log(
      `statements: screen limit 1 → ${tiny.statements}, limit ${PAGE} → ${screen[0]?.statements}; ` +
        `upsert 1 line → ${single.statements}, ${BATCH} lines → ${upserts[0]?.statements} (plus BEGIN/COMMIT); ` +
        `progress → ${progress.statements} (${progress.result.counted}/${progress.result.total} counted)`,
    );
    const constant =
      tiny.statements === screen[0]?.statements && single.statements === upserts[0]?.statements;
    console.log(`constant statements per request: ${constant ? 'yes' : 'NO'}`);
    console.log(`upsert batches, client ms: ${upserts.map((u) => Math.round(u.ms)).join(' ')}`);
    console.log(`upsert batches, server ms: ${serverMs.slice(WARMUP, WARMUP + UPSERT_RUNS).join(' ')}`);
    console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exitCode = rows.every((r) => r.ok) && constant ? 0 : 1;
  } finally {
    await app.close();
    await testDb.drop();
  }
}

await main();
