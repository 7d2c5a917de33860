/**
 * Load benchmark (`pnpm bench:load`): autocannon against the built API (dist/main.js, NODE_ENV=production, its
 * own process) on two read paths, each side by side with a bare Fastify + pg route that runs the very SQL the
 * API issues for that request (captured through kysely's `log`, replayed with the same parallelism):
 *   - the count screen: GET /trpc/inventory.counts.screen?input=… (first 100-row page of a 1,000-product service)
 *   - GET /api/auth/me/org/entitlements
 * Prints req/s, p50/p95/p99 latency, error rate, server CPU per request (/proc, all threads) and the API's
 * throughput as a share of the bare route's (target ≥ 60 %; exit 1 below it or on any error). The API and the
 * bare server each run in their own process with a pool of 10 and the node flags of `pnpm serve`; they are loaded
 * one at a time, in alternating slices, so background load on a shared machine weighs on both alike.
 *
 * Env: LOAD_DURATION (s per target and side, default 20), LOAD_CONNECTIONS (default 50), LOAD_WARMUP (s,
 * default 3), LOAD_SLICES (default 4), LOAD_TARGETS (default screen,entitlements), LOAD_LOG_LEVEL (API log
 * level, default warn), LOAD_CPU_PROF (a folder: the API writes a V8 CPU profile there on exit, the bare
 * server in its bare/ subfolder), DATABASE_URL (default postgres://stockscan:stockscan@127.0.0.1:5432/stockscan_test:
 * only used to create a fresh database, dropped at the end). Quick run: LOAD_DURATION=3 LOAD_CONNECTIONS=10 pnpm
 * bench:load
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ServerProcess, startServerProcess } from '@stockscan/testing/server-process';
import autocannon from 'autocannon';
import type { LogEvent } from '../apps/api/node_modules/kysely';
import { loadConfig } from '../apps/api/src/config';
import { createMailer } from '../apps/api/src/integrations/sendgrid';
import { buildServer } from '../apps/api/src/server';
import { createTenantFixture } from '../apps/api/test/fixtures';
import type { Database } from '../packages/db/src/schema';
import { createTemplate, openTestDb } from '../packages/db/src/testing/index';

// Fastify, pg and kysely are dependencies of the api package, not of the workspace root.
const fromApi = createRequire(new URL('../apps/api/package.json', import.meta.url));
const { default: Fastify } = (await import(
  fromApi.resolve('fastify')
)) as typeof import('../apps/api/node_modules/fastify');
const { default: pg } = (await import(fromApi.resolve('pg'))) as typeof import('../apps/api/node_modules/pg');
const { Kysely, PostgresDialect, sql } = (await import(
  fromApi.resolve('kysely')
)) as typeof import('../apps/api/node_modules/kysely');

const root = resolve(import.meta.dirname, '..');
const DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://stockscan:stockscan@127.0.0.1:5432/stockscan_test';
const DURATION = Number(process.env.LOAD_DURATION ?? 20);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const WARMUP = Number(process.env.LOAD_WARMUP ?? 3);
/** Each side's DURATION is split into this many alternating slices. */
const SLICES = Number(process.env.LOAD_SLICES ?? 4);
const LOG_LEVEL = process.env.LOAD_LOG_LEVEL ?? 'warn';
const POOL_MAX = 10;
const PRODUCTS = 1_000;
const PAGE = 100;
const TARGET_RATIO = 0.6;
const APP_SECRET = 'bench-secret-bench-secret-bench-secret-01';

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
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Parent: seed, capture, run.

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The node flags `pnpm serve` starts the API with (the root package.json's `serve` script). */
function serveFlags(): string[] {
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  return (scripts.serve ?? '').split(/\s+/).filter((arg) => arg.startsWith('--'));
}

/** The built API as production runs it: `pnpm serve`'s node flags, in its own process. */
async function startApi(databaseUrl: string): Promise<ServerProcess> {
  const profile = process.env.LOAD_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.LOAD_CPU_PROF)}`]
    : [];
  return startServerProcess(
    {
      NODE_ENV: 'production',
      APP_SECRET,
      DATABASE_URL: databaseUrl,
      WEB_DIST_DIR: '/nonexistent',
      LOG_LEVEL,
    },
    { nodeArgs: [...serveFlags(), ...profile] },
  );
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
  const port = await new Promise<number>((done, fail) => {
    child.once('message', (m) => done((m as { port: number }).port));
    child.once('exit', (code) => fail(new Error(`bare server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
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

/** What autocannon saw over one or more slices of load, and the CPU the server process spent on them. */
interface Slices {
  latencies: number[];
  ok: number;
  failed: number;
  seconds: number;
  cpuMs: number;
}

/** user + system CPU time of a process so far (Linux /proc; NaN elsewhere). */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errorRate: number;
  total: number;
  cpuMsPerRequest: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  into: Slices,
  pid?: number,
): Promise<void> {
  const cpuBefore = cpuMsOf(pid);
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  instance.on('response', (_client, _status, _bytes, responseTime) => into.latencies.push(responseTime));
  const result = await new Promise<autocannon.Result>((done) => instance.on('done', done));
  into.ok += result['2xx'];
  into.failed += result.non2xx + result.errors;
  into.seconds += result.duration;
  into.cpuMs += cpuMsOf(pid) - cpuBefore;
}

const emptySlices = (): Slices => ({ latencies: [], ok: 0, failed: 0, seconds: 0, cpuMs: 0 });

function summarise(s: Slices): LoadResult {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  return {
    requestsPerSecond: s.ok / s.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errorRate: s.failed / Math.max(1, s.ok + s.failed),
    total: s.ok + s.failed,
    cpuMsPerRequest: s.cpuMs / Math.max(1, s.ok + s.failed),
  };
}

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

    const screenPath = `/trpc/inventory.counts.screen?input=${encodeURIComponent(
      JSON.stringify({ service_id: serviceId, month, limit: PAGE }),
    )}`;
    const entitlementsPath = '/api/auth/me/org/entitlements';
    const auth = { authorization: `Bearer ${f.owner.token}` };

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
    const replays: Record<string, Replay> = {};
    for (const [name, path] of [
      ['screen', screenPath],
      ['entitlements', entitlementsPath],
    ] as const) {
      await captureApp.inject({ method: 'GET', url: path, headers: auth }); // warm caches, plan the queries
      log.length = 0;
      const res = await captureApp.inject({ method: 'GET', url: path, headers: auth });
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
      replays[name] = groupByOverlap(log);
    }
    await captureApp.close();
    await captureDb.destroy();
    const replaysPath = join(work, 'replays.json');
    writeFileSync(replaysPath, JSON.stringify(replays));

    // Check both sides answer what we think before loading them.
    const api = await startApi(testDb.url!);
    children.push(api.child);
    const pageBody = await fetch(`${api.url}${screenPath}`, { headers: auth }).then((r) => r.text());
    const page = JSON.parse(pageBody) as { result: { data: { items: unknown[] } } };
    if (page.result.data.items.length !== PAGE)
      throw new Error('the count screen did not return a full page');

    const bare = await startBare(replaysPath, testDb.url!);
    children.push(bare.child);
    const barePageBody = await fetch(`${bare.url}/bare/screen`).then((r) => r.text());
    const barePage = JSON.parse(barePageBody) as unknown[][];
    if (barePage.at(-1)?.length !== PAGE + 1) throw new Error('the bare route did not return the same page');

    // When: per target, both sides warmed up, then loaded in alternating slices (API, bare, bare, API, …) so a
    // neighbour's load on this shared machine weighs on both alike; one side runs at a time.
    const rows: Record<string, string | number>[] = [];
    const ratios: number[] = [];
    const results: Record<string, { api: LoadResult; bare: LoadResult }> = {};
    const only = (process.env.LOAD_TARGETS ?? 'screen,entitlements').split(',');
    const targets = (
      [
        ['screen', screenPath],
        ['entitlements', entitlementsPath],
      ] as const
    ).filter(([name]) => only.includes(name));
    const sliceSeconds = DURATION / SLICES;
    for (const [name, path] of targets) {
      const sides = [
        { url: `${api.url}${path}`, headers: auth, pid: api.child.pid, slices: emptySlices() },
        { url: `${bare.url}/bare/${name}`, headers: {}, pid: bare.child.pid, slices: emptySlices() },
      ] as const;
      for (const side of sides) await load(side.url, side.headers, WARMUP, emptySlices());
      for (let slice = 0; slice < SLICES; slice++) {
        for (const side of slice % 2 === 0 ? sides : [...sides].reverse())
          await load(side.url, side.headers, sliceSeconds, side.slices, side.pid);
      }
      results[name] = { api: summarise(sides[0].slices), bare: summarise(sides[1].slices) };
    }
    await stop(api.child);
    await stop(bare.child);

    // Then: the table.
    const labels = {
      screen: `count screen (${PAGE}-row page of ${PRODUCTS})`,
      entitlements: 'GET /api/auth/me/org/entitlements',
    };
    for (const [name] of targets) {
      const { api: a, bare: b } = results[name]!;
      const ratio = a.requestsPerSecond / b.requestsPerSecond;
      ratios.push(ratio);
      for (const [side, r] of [
        ['API', a],
        ['bare Fastify + pg', b],
      ] as const) {
        rows.push({
          target: `${labels[name]} — ${side}`,
          'req/s': Math.round(r.requestsPerSecond),
          p50_ms: Number(r.p50.toFixed(1)),
          p95_ms: Number(r.p95.toFixed(1)),
          p99_ms: Number(r.p99.toFixed(1)),
          errors: `${(r.errorRate * 100).toFixed(2)} % of ${r.total}`,
          'server CPU ms/req': Number(r.cpuMsPerRequest.toFixed(2)),
          'vs bare': side === 'API' ? `${(ratio * 100).toFixed(0)} %` : '',
        });
      }
    }
    const statements = (name: string) =>
      replays[name]!.map((g) => (g.length > 1 ? `${g.length} in parallel` : '1')).join(' → ');
    console.log(
      `\nLoad benchmark — PostgreSQL, ${CONNECTIONS} connections, ${DURATION} s per target and side ` +
        `(${SLICES} alternating slices, after ${WARMUP} s warm-up), ` +
        `pool ${POOL_MAX} on both sides, API log level ${LOG_LEVEL}, ` +
        `node flags on both sides (pnpm serve's): ${serveFlags().join(' ') || 'none'}`,
    );
    console.table(rows);
    console.log(
      `count screen answer: API ${Buffer.byteLength(pageBody)} bytes, bare ${Buffer.byteLength(barePageBody)} bytes`,
    );
    console.log(
      `statements replayed by the bare route: screen ${statements('screen')}; entitlements ${statements('entitlements')}`,
    );
    for (const [name] of targets)
      for (const group of replays[name]!)
        for (const s of group) console.log(`  [${name}] ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}…`);
    const ok =
      ratios.every((r) => r >= TARGET_RATIO) && rows.every((r) => String(r.errors).startsWith('0.00 %'));
    console.log(
      `API throughput vs bare route: ${ratios.map((r) => `${(r * 100).toFixed(0)} %`).join(', ')} ` +
        `(target ≥ ${TARGET_RATIO * 100} %) → ${ok ? 'ok' : 'BELOW TARGET'}`,
    );
    console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const child of children) await stop(child);
    await testDb.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--bare') await serveBare(process.argv[3]!, process.argv[4]!);
else await main();
