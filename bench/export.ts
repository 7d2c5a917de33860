/**
 * `pnpm bench:export` — time and peak memory of the XLSX export endpoint on 50,000 counted products.
 *
 * 1. A fresh PostgreSQL database (migrated template clone), seeded in bulk with generate_series.
 * 2. The API server in a CHILD process (`node --import tsx apps/api/src/main.ts`), so its memory is its
 *    own: /proc/<pid>/status VmRSS is sampled every 50 ms and VmHWM read at the end.
 * 3. GET /api/export-excel/ over HTTP with a bearer token, the body read and counted (and checked once).
 * 4. Baseline, in another child process: the same 50,000 rows loaded into an array, then written with
 *    the same exceljs streaming writer (our column formats, the Synthèse totals) into a null sink.
 *
 * Env: BENCH_DATABASE_URL or DATABASE_URL (any database of the server; a role with CREATEDB), default
 * postgres://stockscan:stockscan@127.0.0.1:5432/stockscan_test; BENCH_PRODUCTS (50000); BENCH_RUNS (3);
 * BENCH_SERVER=tsx (run the sources instead of the bundle); BENCH_SERVER_NODE_ARGS / BENCH_BASELINE_NODE_ARGS
 * (node flags of one child, e.g. --cpu-prof or --max-old-space-size=192).
 * Targets (issue): server peak RSS < 200 MB, export time ≤ 1.5 × baseline.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { ExportRow } from '../apps/api/src/exports/columns';
import { streamExportChunks } from '../apps/api/src/exports/stream-export-rows';
import { SummaryAccumulator } from '../apps/api/src/exports/summary';
import { createXlsxWriter } from '../apps/api/src/exports/xlsx-writer';
import { signAccessToken } from '../apps/api/src/request/access-token';
import { createDb } from '../packages/db/src/index';
import { createTemplate, openTestDb } from '../packages/db/src/testing/index';

// Biome wants env vars declared for turbo; the bench is not a turbo task, so read them through one object.
const env: Record<string, string | undefined> = process.env;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The bench lives outside the workspace packages: borrow their dependencies.
const requireFromApi = createRequire(join(ROOT, 'apps/api/package.json'));
const pg = requireFromApi('pg') as typeof import('pg');
const ExcelJS = requireFromApi('exceljs') as typeof import('exceljs');

const PRODUCTS = Number(env.BENCH_PRODUCTS ?? 50_000);
const RUNS = Number(env.BENCH_RUNS ?? 3);
const ADMIN_URL =
  env.BENCH_DATABASE_URL ??
  env.DATABASE_URL ??
  'postgres://stockscan:stockscan@127.0.0.1:5432/stockscan_test';
const MONTH = new Date().toISOString().slice(0, 7);
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------
// Memory of a child process

interface MemorySampler {
  /** Highest VmRSS seen since the last reset (bytes). */
  peakSinceReset(): number;
  reset(): void;
  rss(): number;
  hwm(): number;
  stop(): void;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'),
    );
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process is gone
  }
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim() || 100);

/** CPU time (user + system, all threads) a process has used so far, in ms: insensitive to machine load. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ", utime and stime are the 12th and 13th fields.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

function sampleMemory(pid: number, everyMs = 50): MemorySampler {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, statusKb(pid, 'VmRSS'));
  }, everyMs);
  return {
    peakSinceReset: () => Math.max(peak, statusKb(pid, 'VmRSS')),
    reset: () => {
      peak = statusKb(pid, 'VmRSS');
    },
    rss: () => statusKb(pid, 'VmRSS'),
    hwm: () => statusKb(pid, 'VmHWM'),
    stop: () => clearInterval(timer),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Data

interface Seeded {
  tenantId: string;
  serviceId: string;
  userId: string;
}

async function seed(url: string): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (text: string, values: unknown[]) =>
      (await client.query<{ id: string }>(text, values)).rows[0]?.id as string;
    const tenantId = await one(
      `insert into tenants (name, slug, domain, business_type, plan_code, plan_source)
       values ('Camping des Pins', 'camping-des-pins', 'food', 'camping_multi', 'PRO', 'MANUAL') returning id`,
      [],
    );
    const serviceId = await one(
      `insert into services (tenant_id, name, service_type, counting_mode, features)
       values ($1, 'Épicerie', 'grocery_food', 'unit', '{}'::jsonb) returning id`,
      [tenantId],
    );
    const userId = await one(
      `insert into users (username, email, password_hash) values ('bench', 'bench@example.test', 'x') returning id`,
      [],
    );
    await client.query(
      `insert into memberships (user_id, tenant_id, role, status, activated_at) values ($1, $2, 'owner', 'ACTIVE', now())`,
      [userId, tenantId],
    );
    await client.query(
      `insert into products (tenant_id, service_id, name, category, barcode, unit, purchase_price, selling_price,
                             vat_rate, min_qty)
       select $1, $2,
              'Produit ' || lpad(i::text, 6, '0') || case when i % 7 = 0 then ' — bouteille 70 cl' else '' end,
              'Catégorie ' || lpad((i % 40)::text, 2, '0'),
              (3760000000000 + i)::text,
              case when i % 5 = 0 then 'kg' else 'pcs' end,
              round(((i * 37) % 5000) / 100.0 + 0.5, 2),
              case when i % 3 = 0 then null else round(((i * 53) % 9000) / 100.0 + 1, 2) end,
              case when i % 2 = 0 then 20 else 5.5 end,
              i % 10
       from generate_series(1, $3::int) as i`,
      [tenantId, serviceId, PRODUCTS],
    );
    await client.query(
      `insert into counts (tenant_id, service_id, product_id, inventory_month, quantity, container_status,
                           remaining_fraction, expiry_date, lot_number, counted_by)
       select tenant_id, service_id, id, $2,
              ((n * 7) % 200) + (n % 4) * 0.25,
              case when n % 5 = 0 then 'OPENED' else 'SEALED' end,
              case when n % 5 = 0 then ((n % 9) + 1) / 10.0 end,
              date '2027-01-01' + (n % 365)::int,
              'L' || lpad((n % 1000)::text, 4, '0'),
              $3
       from (select id, tenant_id, service_id, row_number() over (order by name) as n
             from products where tenant_id = $1) p`,
      [tenantId, MONTH, userId],
    );
    await client.query('analyze products; analyze counts');
    return { tenantId, serviceId, userId };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Server child

/**
 * The server as production runs it: the esbuild bundle of `pnpm build` (apps/api/build.mjs, rebuilt here
 * so it holds the current code). BENCH_SERVER=tsx runs the sources through tsx instead (~70 MB more RSS).
 */
function serverArgs(): string[] {
  if (env.BENCH_SERVER === 'tsx') return ['--import', 'tsx', 'apps/api/src/main.ts'];
  const build = spawnSync(process.execPath, ['build.mjs'], { cwd: join(ROOT, 'apps/api'), stdio: 'inherit' });
  if (build.status !== 0) throw new Error('apps/api build failed (try BENCH_SERVER=tsx)');
  return ['apps/api/dist/main.js'];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A node child; stdout piped (the baseline's JSON answer) or shared with ours (the server's logs). */
function startChild(
  args: string[],
  env: Record<string, string>,
  stdout: 'pipe' | 'inherit' = 'pipe',
): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', stdout, 'inherit'],
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy within 60 s');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Downloads the export; returns elapsed ms, bytes, and the body when `keep`. */
async function download(url: string, token: string, keep: boolean) {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  let bytes = 0;
  const chunks: Uint8Array[] = [];
  for await (const chunk of res.body) {
    bytes += chunk.byteLength;
    if (keep) chunks.push(chunk);
  }
  return {
    ms: performance.now() - started,
    bytes,
    body: keep ? Buffer.concat(chunks) : null,
    disposition: res.headers.get('content-disposition'),
  };
}

/** Rows of the Inventaire sheet, read back with exceljs's streaming reader (constant memory). */
async function countSheetRows(body: Buffer): Promise<{ rows: number; lastRow: unknown[] }> {
  const { Readable } = await import('node:stream');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([body]), {});
  let rows = 0;
  let lastRow: unknown[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if ((sheet as unknown as { name: string }).name !== 'Inventaire') continue;
      rows += 1;
      lastRow = (row.values as unknown[]).slice(1);
    }
  }
  return { rows, lastRow };
}

// ---------------------------------------------------------------------------------------------------------
// Baseline child: the same rows from an in-memory array into the same streaming writer

async function baseline(): Promise<void> {
  const url = env.BENCH_DB_URL as string;
  const { db } = await createDb({ databaseUrl: url, poolMax: 1 });
  const rows: ExportRow[] = [];
  const scope = {
    tenantId: env.BENCH_TENANT as string,
    serviceIds: [env.BENCH_SERVICE as string],
    from: MONTH,
    to: MONTH,
    mode: 'all' as const,
  };
  for await (const chunk of streamExportChunks(db, scope)) rows.push(...chunk);
  await db.destroy();
  const timings: { ms: number; cpuMs: number; bytes: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback();
      },
    });
    const started = performance.now();
    const cpu = process.cpuUsage();
    const writer = createXlsxWriter(sink, {
      title: 'Inventaire — baseline',
      currency: 'EUR',
      created: new Date(),
    });
    const summary = new SummaryAccumulator();
    for (const row of rows) {
      writer.addRow(row);
      summary.add(row);
    }
    await writer.finish(summary.result(null));
    await finished(sink);
    const used = process.cpuUsage(cpu);
    timings.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, bytes });
  }
  process.stdout.write(`${JSON.stringify({ rows: rows.length, timings })}\n`);
}

async function runBaseline(dbUrl: string, seeded: Seeded) {
  const nodeArgs = (env.BENCH_BASELINE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = startChild([...nodeArgs, '--import', 'tsx', 'bench/export.ts', '--baseline'], {
    BENCH_DB_URL: dbUrl,
    BENCH_TENANT: seeded.tenantId,
    BENCH_SERVICE: seeded.serviceId,
  });
  const memory = sampleMemory(child.pid as number);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', (c) => resolve(c));
    // VmHWM is gone with the process: keep sampling VmRSS until the end.
  });
  memory.stop();
  if (code !== 0) throw new Error(`baseline exited with code ${code}`);
  const result = JSON.parse(out.trim().split('\n').pop() as string) as {
    rows: number;
    timings: { ms: number; cpuMs: number; bytes: number }[];
  };
  return { ...result, peakRss: memory.peakSinceReset() };
}

// ---------------------------------------------------------------------------------------------------------

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const appSecret = randomBytes(32).toString('hex');
  console.log(
    `export bench: ${PRODUCTS} products counted in ${MONTH}, ${RUNS} runs each, PostgreSQL, ` +
      `server ${env.BENCH_SERVER === 'tsx' ? 'tsx sources' : 'apps/api/dist bundle'}`,
  );
  const { template, teardown } = await createTemplate(ADMIN_URL);
  const testDb = await openTestDb(template);
  const dbUrl = testDb.url as string;
  let server: ChildProcess | null = null;
  try {
    const seedStarted = performance.now();
    const seeded = await seed(dbUrl);
    console.log(`seeded ${PRODUCTS} products + counts in ${s(performance.now() - seedStarted)}`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // BENCH_SERVER_NODE_ARGS: node flags for the server only (experiments, e.g. --trace-gc); none by default.
    const nodeArgs = (env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    server = startChild(
      [...nodeArgs, ...serverArgs()],
      {
        DATABASE_URL: dbUrl,
        APP_SECRET: appSecret,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'development',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        INVITATIONS_SEND_EMAILS: 'false',
        AI_ENABLED: 'false',
        WEB_DIST_DIR: '/nonexistent',
      },
      'inherit',
    );
    await waitForHealth(base, server);
    const memory = sampleMemory(server.pid as number);
    const idleRss = memory.rss();
    const token = await signAccessToken(
      { userId: seeded.userId, tenantId: seeded.tenantId },
      appSecret,
      new Date(),
    );
    const exportUrl = `${base}/api/export-excel/?service=${seeded.serviceId}&month=${MONTH}&format=xlsx`;

    const runs: { ms: number; cpuMs: number; bytes: number; peakRss: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      memory.reset();
      const cpuBefore = cpuMs(server.pid as number);
      const result = await download(exportUrl, token, run === 0);
      const cpu = cpuMs(server.pid as number) - cpuBefore;
      runs.push({ ms: result.ms, cpuMs: cpu, bytes: result.bytes, peakRss: memory.peakSinceReset() });
      if (result.body) {
        const check = await countSheetRows(result.body);
        console.log(
          `check: ${result.disposition}; Inventaire sheet has ${check.rows} rows ` +
            `(title + header + ${check.rows - 3} products + totals), totals row: ${JSON.stringify(check.lastRow.slice(0, 4))}`,
        );
        if (check.rows !== PRODUCTS + 3) throw new Error(`expected ${PRODUCTS + 3} rows, read ${check.rows}`);
      }
    }
    const serverHwm = memory.hwm();
    memory.stop();
    await stopChild(server);
    server = null;

    const base_ = await runBaseline(dbUrl, seeded);
    if (base_.rows !== PRODUCTS) throw new Error(`baseline read ${base_.rows} rows`);

    const serverMs = median(runs.map((r) => r.ms));
    const baselineMs = median(base_.timings.map((t) => t.ms));
    const serverPeak = Math.max(...runs.map((r) => r.peakRss), serverHwm);
    const ratio = serverMs / baselineMs;
    console.log('');
    const serverCpu = median(runs.map((r) => r.cpuMs));
    const baselineCpu = median(base_.timings.map((t) => t.cpuMs));
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log('| | wall time (median) | runs | CPU time (median) | file | peak RSS |');
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| export endpoint (server child, over HTTP) | ${s(serverMs)} | ${runs.map((r) => s(r.ms)).join(', ')} | ${s(serverCpu)} | ${mb(runs[0]?.bytes ?? 0)} | ${mb(serverPeak)} (idle before: ${mb(idleRss)}) |`,
    );
    console.log(
      `| baseline (array → exceljs WorkbookWriter) | ${s(baselineMs)} | ${base_.timings.map((t) => s(t.ms)).join(', ')} | ${s(baselineCpu)} | ${mb(base_.timings[0]?.bytes ?? 0)} | ${mb(base_.peakRss)} (rows held in memory) |`,
    );
    console.log('');
    console.log(
      `time ratio export / baseline: ${ratio.toFixed(2)} wall, ${(serverCpu / baselineCpu).toFixed(2)} CPU ` +
        `(target ≤ 1.5) ${ratio <= 1.5 ? 'OK' : 'MISSED'}; machine load average ${load}`,
    );
    console.log(
      `server peak RSS: ${mb(serverPeak)} (target < 200 MB) ${serverPeak < 200 * MB ? 'OK' : 'MISSED'}; ` +
        `memory ratio server / baseline: ${(serverPeak / base_.peakRss).toFixed(2)}`,
    );
  } finally {
    if (server) await stopChild(server);
    await testDb.drop();
    await teardown();
  }
}

if (process.argv.includes('--baseline')) await baseline();
else await main();
