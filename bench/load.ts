/**
 * Load benchmark (`pnpm bench:load`): wrk (or autocannon, see LOAD_CLIENT) against the built API (dist/main.js, NODE_ENV=production, its
 * own process, logging one line per request at LOG_LEVEL info to /dev/null, CORS and allowed hosts configured as
 * production requires) on three read paths, each side by side with a bare Fastify + pg route that runs the very
 * SQL the API issues for that request (captured through kysely's `log`, replayed with the same parallelism):
 *   - GET /health (one `select 1`)
 *   - the count screen: GET /trpc/inventory.counts.screen?input=… (first 100-row page of a 1,000-product service)
 *   - GET /api/auth/me/org/entitlements
 * Prints req/s, p50/p95/p99 latency, error rate, server CPU per request (/proc, all threads), PostgreSQL's CPU per
 * request (its local processes; a slower client makes PostgreSQL wake up more often per query) and the API's
 * throughput as a share of the bare route's, per run (the median over the run's pairs of neighbouring slices; the
 * whole runs' throughput ratio is printed beside it) and as median (min–max) of LOAD_RUNS runs (targets: /health
 * ≥ 80 %, count screen ≥ 75 %, entitlements ≥ 85 %; exit 1 below one or on any error). The API and the bare
 * server each run in their own process with a pool of 10 and the node flags of `pnpm serve`; they are loaded one
 * at a time, in alternating slices, so background load on a shared machine weighs on both alike (the load
 * average is printed with the numbers). What each layer of the API costs: `pnpm bench:layers` (bench/layers.ts).
 *
 * Env: LOAD_CLIENT (wrk when installed, else autocannon: bench/load-kit.ts), LOAD_RUNS (default 3), LOAD_DURATION (s per target, side and run, default 10), LOAD_CONNECTIONS (default
 * 50), LOAD_WARMUP (s, default 3), LOAD_SLICES (per run, default 10), LOAD_TARGETS (default
 * health,screen,entitlements), LOAD_PIN (0: leave processes where the scheduler puts them; default: servers on CPU
 * 0, wrk on the last CPU, see load-kit.ts), LOAD_LOG_LEVEL (API log level, default info), LOAD_CPU_PROF (a folder: the API
 * writes a V8 CPU profile there on exit, the bare server in its bare/ subfolder), DATABASE_URL (default
 * postgres://stockscan:stockscan@127.0.0.1:5432/stockscan_test: only used to create a fresh database, dropped at
 * the end). Quick run: LOAD_RUNS=1 LOAD_DURATION=3 LOAD_CONNECTIONS=10 pnpm bench:load
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ServerProcess, startServerProcess } from '@stockscan/testing/server-process';
import type { LogEvent } from '../apps/api/node_modules/kysely';
import { loadConfig } from '../apps/api/src/config';
import { createMailer } from '../apps/api/src/integrations/sendgrid';
import { buildServer } from '../apps/api/src/server';
import { createTenantFixture } from '../apps/api/test/fixtures';
import type { Database } from '../packages/db/src/schema';
import { createTemplate, openTestDb } from '../packages/db/src/testing/index';
import {
  APP_SECRET,
  DATABASE_URL,
  emptySlices,
  fromApi,
  LOAD_CLIENT,
  type LoadResult,
  load,
  loadAverage,
  median,
  merged,
  pinning,
  pinServer,
  portOf,
  productionEnv,
  root,
  type Slices,
  serveFlags,
  serveForParent,
  spread,
  stop,
  summarise,
  WEB_ORIGIN,
} from './load-kit';

const { default: Fastify } = (await import(
  fromApi.resolve('fastify')
)) as typeof import('../apps/api/node_modules/fastify');
const { default: pg } = (await import(fromApi.resolve('pg'))) as typeof import('../apps/api/node_modules/pg');
const { Kysely, PostgresDialect, sql } = (await import(
  fromApi.resolve('kysely')
)) as typeof import('../apps/api/node_modules/kysely');

const RUNS = Number(process.env.LOAD_RUNS ?? 3);
const DURATION = Number(process.env.LOAD_DURATION ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const WARMUP = Number(process.env.LOAD_WARMUP ?? 3);
/** Each side's DURATION is split into this many alternating slices, per run. */
const SLICES = Number(process.env.LOAD_SLICES ?? 10);
const LOG_LEVEL = process.env.LOAD_LOG_LEVEL ?? 'info';
const POOL_MAX = 10;
const PRODUCTS = 1_000;
const PAGE = 100;
/** The API's throughput as a share of the bare route's, at least (issue #21). */
const TARGET_RATIO = { health: 0.8, screen: 0.75, entitlements: 0.85 } as const;
type Target = keyof typeof TARGET_RATIO;

/** One statement as the API sent it. */
interface Statement {
  sql: string;
  parameters: unknown[];
}
/** Statements of one request, grouped by what the API ran concurrently (Promise.all). */
type Replay = Statement[][];

// The same wire types as packages/db's pool (numerics as numbers, dates as strings), so services behave alike.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8) return (v: string) => Number(v);
    if (oid === OID.numeric) return (v: string) => Number.parseFloat(v);
    if (oid === OID.date) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

// ---------------------------------------------------------------------------------------------------------
// Child process: the bare Fastify + pg server replaying the captured statements.

async function serveBare(replaysPath: string, databaseUrl: string): Promise<void> {
  const replays = JSON.parse(readFileSync(replaysPath, 'utf8')) as Record<string, Replay>;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_MAX, types: pgTypes });
  const app = Fastify({ logger: false });
  for (const [name, groups] of Object.entries(replays)) {
    app.get(`/bare/${name}`, async () => {
      const rows: unknown[][] = [];
      for (const group of groups) {
        const results = await Promise.all(group.map((s) => pool.query(s.sql, s.parameters)));
        rows.push(...results.map((r) => r.rows));
      }
      return rows;
    });
  }
  await serveForParent(app, () => pool.end());
}

// ---------------------------------------------------------------------------------------------------------
// Parent: seed, capture, run.

/** The built API as production runs it: `pnpm serve`'s node flags, in its own process. */
async function startApi(databaseUrl: string): Promise<ServerProcess> {
  const profile = process.env.LOAD_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.LOAD_CPU_PROF)}`]
    : [];
  return startServerProcess(productionEnv(databaseUrl, LOG_LEVEL), {
    nodeArgs: [...serveFlags(), ...profile],
    stdout: 'discard',
  });
}

async function startBare(
  replaysPath: string,
  databaseUrl: string,
): Promise<{ url: string; child: ChildProcess }> {
  const profile = process.env.LOAD_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${join(resolve(process.env.LOAD_CPU_PROF), 'bare')}`]
    : [];
  const child = fork(import.meta.filename, ['--bare', replaysPath, databaseUrl], {
    stdio: 'inherit',
    execArgv: [...process.execArgv, ...serveFlags(), ...profile],
  });
  return { url: `http://127.0.0.1:${await portOf(child, 'bare server')}`, child };
}

/** Groups statements that overlapped in time: those the service ran together. */
function groupByOverlap(log: { statement: Statement; start: number; end: number }[]): Replay {
  const groups: Replay = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const entry of [...log].sort((a, b) => a.start - b.start)) {
    if (entry.start < groupEnd) groups.at(-1)?.push(entry.statement);
    else groups.push([entry.statement]);
    groupEnd = Math.max(groupEnd, entry.end);
  }
  return groups;
}

const fixed = (digits: number) => (n: number) => n.toFixed(digits);
const percent = (n: number) => `${(n * 100).toFixed(0)} %`;

async function main() {
  const started = Date.now();
  execFileSync(process.execPath, ['build.mjs'], { cwd: join(root, 'apps/api'), stdio: 'inherit' });
  const { template, teardown } = await createTemplate(DATABASE_URL);
  const testDb = await openTestDb(template);
  await teardown();
  const work = mkdtempSync(join(tmpdir(), 'stockscan-load-'));
  const children: ChildProcess[] = [];
  try {
    const config = loadConfig({
      NODE_ENV: 'development',
      APP_SECRET,
      DATABASE_URL: testDb.url,
      INVITATIONS_SEND_EMAILS: 'false',
      WEB_DIST_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
    });

    // Given: a PRO tenant with one service of 1,000 products, half of them counted this month.
    const f = await createTenantFixture(testDb.db, config, { plan: 'PRO' });
    const serviceId = f.services[0]!.id;
    const month = new Date().toISOString().slice(0, 7);
    const products = await testDb.db
      .insertInto('products')
      .values(
        Array.from({ length: PRODUCTS }, (_, i) => ({
          tenant_id: f.tenantId,
          service_id: serviceId,
          name: `Produit ${String((i * 7919) % PRODUCTS).padStart(4, '0')}`,
          category: ['Bières', 'Vins', 'Spiritueux', 'Softs', 'Sirops'][i % 5]!,
          barcode: String(3_000_000_000_000 + i),
          unit: 'pcs' as const,
          purchase_price: 1 + (i % 50),
          min_qty: i % 3,
        })),
      )
      .returning('id')
      .execute();
    await testDb.db
      .insertInto('counts')
      .values(
        products
          .filter((_, i) => i % 2 === 0)
          .map((p, i) => ({
            tenant_id: f.tenantId,
            service_id: serviceId,
            product_id: p.id,
            inventory_month: month,
            quantity: i % 13,
          })),
      )
      .execute();
    await sql`analyze`.execute(testDb.db);

    const paths: Record<Target, string> = {
      health: '/health',
      screen: `/trpc/inventory.counts.screen?input=${encodeURIComponent(
        JSON.stringify({ service_id: serviceId, month, limit: PAGE }),
      )}`,
      entitlements: '/api/auth/me/org/entitlements',
    };
    // What a browser on the web origin sends (the API answers it with its CORS headers).
    const headers = { authorization: `Bearer ${f.owner.token}`, origin: WEB_ORIGIN };

    // Capture: the statements the API issues for one request of each (kysely `log`, same pool types).
    const log: { statement: Statement; start: number; end: number }[] = [];
    const capturePool = new pg.Pool({ connectionString: testDb.url, max: POOL_MAX, types: pgTypes });
    const captureDb = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: capturePool }),
      log(event: LogEvent) {
        const end = performance.now();
        log.push({
          statement: { sql: event.query.sql, parameters: [...event.query.parameters] },
          start: end - event.queryDurationMillis,
          end,
        });
      },
    });
    const captureApp = await buildServer(
      config,
      { db: captureDb, stripe: null, openai: null, mailer: createMailer(config), now: () => new Date() },
      { logger: false },
    );
    const replays = {} as Record<Target, Replay>;
    for (const [name, path] of Object.entries(paths) as [Target, string][]) {
      await captureApp.inject({ method: 'GET', url: path, headers }); // warm caches, plan the queries
      log.length = 0;
      const res = await captureApp.inject({ method: 'GET', url: path, headers });
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
      replays[name] = groupByOverlap(log);
    }
    await captureApp.close();
    await captureDb.destroy();
    const replaysPath = join(work, 'replays.json');
    writeFileSync(replaysPath, JSON.stringify(replays));

    // Check both sides answer what we think before loading them.
    const api = await startApi(testDb.url!);
    pinServer(api.child.pid);
    children.push(api.child);
    const pageBody = await fetch(`${api.url}${paths.screen}`, { headers }).then((r) => r.text());
    const page = JSON.parse(pageBody) as { result: { data: { items: unknown[] } } };
    if (page.result.data.items.length !== PAGE)
      throw new Error('the count screen did not return a full page');
    for (const target of ['health', 'entitlements'] as const) {
      const res = await fetch(`${api.url}${paths[target]}`, { headers });
      if (res.status !== 200) throw new Error(`${target}: ${res.status} ${await res.text()}`);
    }

    const bare = await startBare(replaysPath, testDb.url!);
    pinServer(bare.child.pid);
    children.push(bare.child);
    const barePageBody = await fetch(`${bare.url}/bare/screen`).then((r) => r.text());
    const barePage = JSON.parse(barePageBody) as unknown[][];
    if (barePage.at(-1)?.length !== PAGE + 1) throw new Error('the bare route did not return the same page');

    // When: per run and target, both sides warmed up, then loaded in alternating slices (API, bare, bare, API, …)
    // so a neighbour's load on this shared machine weighs on both alike; one side runs at a time.
    const only = (process.env.LOAD_TARGETS ?? 'health,screen,entitlements').split(',');
    const targets = (Object.keys(paths) as Target[]).filter((name) => only.includes(name));
    const runs: Record<Target, { api: Slices; bare: Slices }[]> = {
      health: [],
      screen: [],
      entitlements: [],
    };
    const loadAtStart = loadAverage();
    const sliceSeconds = DURATION / SLICES;
    for (let run = 0; run < RUNS; run++) {
      for (const name of targets) {
        const sides = [
          { url: `${api.url}${paths[name]}`, headers, pid: api.child.pid, slices: emptySlices() },
          { url: `${bare.url}/bare/${name}`, headers, pid: bare.child.pid, slices: emptySlices() },
        ] as const;
        for (const side of sides)
          await load(side.url, { headers, seconds: WARMUP, connections: CONNECTIONS }, emptySlices());
        for (let slice = 0; slice < SLICES; slice++) {
          for (const side of slice % 2 === 0 ? sides : [...sides].reverse())
            await load(
              side.url,
              { headers: side.headers, seconds: sliceSeconds, connections: CONNECTIONS, pid: side.pid },
              side.slices,
            );
        }
        runs[name].push({ api: sides[0].slices, bare: sides[1].slices });
        process.stderr.write('.');
      }
    }
    process.stderr.write('\n');
    const loadAtEnd = loadAverage();
    await stop(api.child);
    await stop(bare.child);

    // Then: the table — per target, both sides over all runs, and the ratio of each run.
    const labels: Record<Target, string> = {
      health: 'GET /health',
      screen: `count screen (${PAGE}-row page of ${PRODUCTS})`,
      entitlements: 'GET /api/auth/me/org/entitlements',
    };
    const rows: Record<string, string | number>[] = [];
    const verdicts: boolean[] = [];
    const ratioLines: string[] = [];
    for (const name of targets) {
      // A run's ratio: the median over its pairs of neighbouring slices (API's answers per second ÷ bare's). Both
      // slices of a pair ran within a second of each other; a burst from a neighbour on a shared machine (steal
      // time, seen to cost one side a third of a slice) moves one pair, not the run. The ratio of the whole runs'
      // throughputs is printed beside it.
      const ratios = runs[name].map((r) => median(r.api.rates.map((rate, i) => rate / r.bare.rates[i]!)));
      const wholeRuns = runs[name].map(
        (r) => summarise(r.api).requestsPerSecond / summarise(r.bare).requestsPerSecond,
      );
      const ratio = median(ratios);
      for (const side of ['api', 'bare'] as const) {
        const all: LoadResult = summarise(merged(runs[name].map((r) => r[side])));
        const perRun = runs[name].map((r) => summarise(r[side]).requestsPerSecond);
        rows.push({
          target: `${labels[name]} — ${side === 'api' ? 'API' : 'bare Fastify + pg'}`,
          'req/s': spread(perRun, fixed(0)),
          p50_ms: Number(all.p50.toFixed(1)),
          p95_ms: Number(all.p95.toFixed(1)),
          p99_ms: Number(all.p99.toFixed(1)),
          errors: `${(all.errorRate * 100).toFixed(2)} % of ${all.total}`,
          'server CPU ms/req': Number(all.cpuMsPerRequest.toFixed(3)),
          'PostgreSQL CPU ms/req': Number(all.postgresCpuMsPerRequest.toFixed(3)),
          'client CPU ms/req': Number(all.clientCpuMsPerRequest.toFixed(3)),
          'vs bare': side === 'api' ? spread(ratios, percent) : '',
        });
        if (all.errorRate > 0) verdicts.push(false);
      }
      verdicts.push(ratio >= TARGET_RATIO[name]);
      ratioLines.push(
        `${labels[name]}: ${spread(ratios, percent)} [runs: ${ratios.map(percent).join(', ')}] ` +
          `(target ≥ ${percent(TARGET_RATIO[name])}) → ${ratio >= TARGET_RATIO[name] ? 'ok' : 'BELOW TARGET'}; ` +
          `whole runs' throughput: ${spread(wholeRuns, percent)}`,
      );
    }
    console.log(
      `\nLoad benchmark — ${LOAD_CLIENT}, PostgreSQL, ${CONNECTIONS} connections, ${RUNS} run(s) × ${DURATION} s per target and ` +
        `side (${SLICES} alternating slices per run, after ${WARMUP} s warm-up), pool ${POOL_MAX} on both sides, ` +
        `API log level ${LOG_LEVEL} (to /dev/null), node flags on both sides (pnpm serve's): ` +
        `${serveFlags().join(' ') || 'none'}; ${pinning()}; load average ${loadAtStart} at start, ${loadAtEnd} at end`,
    );
    console.table(rows);
    console.log(
      `count screen answer: API ${Buffer.byteLength(pageBody)} bytes, bare ${Buffer.byteLength(barePageBody)} bytes`,
    );
    const statements = (name: Target) =>
      replays[name].map((g) => (g.length > 1 ? `${g.length} in parallel` : '1')).join(' → ');
    console.log(
      `statements replayed by the bare route: ${targets.map((name) => `${name} ${statements(name)}`).join('; ')}`,
    );
    for (const name of targets)
      for (const group of replays[name])
        for (const s of group) console.log(`  [${name}] ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}…`);
    console.log(
      'API throughput vs bare route (a run: the median of its paired slices), median (min–max) of the runs:',
    );
    for (const line of ratioLines) console.log(`  ${line}`);
    console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exitCode = verdicts.every(Boolean) ? 0 : 1;
  } finally {
    for (const child of children) await stop(child);
    await testDb.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--bare') await serveBare(process.argv[3]!, process.argv[4]!);
else await main();
