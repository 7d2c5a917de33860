/**
 * What each layer of the HTTP stack costs a request (`pnpm bench:layers`): the same routes served by API processes
 * that differ by one layer left out (buildServer's `layers`, which only benchmarks set), loaded one at a time in
 * interleaved slices. Prints, per variant and route, the server's CPU time per request (/proc, all threads: what
 * a layer costs whatever else runs on the machine) and req/s, and the difference with the whole stack.
 *
 * Routes: GET /api/config/public (REST adapter, no SQL), GET /trpc/system.config (the same answer through tRPC:
 * the difference between the two is the tRPC path's cost), GET /trpc/entitlements.get (authenticated: token,
 * membership, plan). One more variant answers tRPC calls with tRPC's own Fastify adapter (fetch Request/Response)
 * instead of http/trpc-calls.ts. Each server runs as production does (NODE_ENV=production, LOG_LEVEL info to /dev/null,
 * ALLOWED_HOSTS and CORS set, `pnpm serve`'s node flags) from the TypeScript sources (tsx), like the bare side of
 * bench/load.ts; requests carry the web's Origin and a bearer token as the browser's do.
 *
 * The CPU figure is the least of the rounds: what other processes on a shared machine do to a server (cache,
 * scheduling) only ever adds to it; req/s is the median.
 *
 * Env: LOAD_CLIENT (wrk or autocannon, as bench:load), LOAD_PIN (as bench:load), LAYERS_ROUNDS (default 5), LAYERS_SLICE (s per variant, route and round, default 2), LAYERS_WARMUP (s,
 * default 3), LAYERS_CONNECTIONS (default 20), LAYERS_VARIANTS (names, default all), LAYERS_ROUTES (health, rest,
 * trpc, authed; default all), LAYERS_LOG_LEVEL (default info), LAYERS_CPU_PROF (a folder: each variant writes a V8
 * CPU profile in its own subfolder on exit), DATABASE_URL (only used to create a fresh database, dropped at the
 * end).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadConfig } from '../apps/api/src/config';
import { createMailer } from '../apps/api/src/integrations/sendgrid';
import { buildServer, type Layers } from '../apps/api/src/server';
import { publicConfig } from '../apps/api/src/system/public-config.service';
import { createTenantFixture } from '../apps/api/test/fixtures';
import { createDb } from '../packages/db/src/index';
import { createTemplate, openTestDb } from '../packages/db/src/testing/index';
import {
  DATABASE_URL,
  emptySlices,
  fromApi,
  LOAD_CLIENT,
  load,
  loadAverage,
  median,
  pinning,
  pinServer,
  portOf,
  productionEnv,
  type Slices,
  serveFlags,
  serveForParent,
  stop,
  summarise,
  WEB_ORIGIN,
} from './load-kit';

const ROUNDS = Number(process.env.LAYERS_ROUNDS ?? 5);
const SLICE = Number(process.env.LAYERS_SLICE ?? 2);
const WARMUP = Number(process.env.LAYERS_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.LAYERS_CONNECTIONS ?? 20);
const LOG_LEVEL = process.env.LAYERS_LOG_LEVEL ?? 'info';
const POOL_MAX = 5;

const NONE: Layers = {
  requestLog: false,
  metrics: false,
  cors: false,
  securityHeaders: false,
  requestId: false,
  hostCheck: false,
  tokenVerification: false,
};

/** The whole stack, then one layer off at a time, then all of them off, then the floor: bare Fastify. */
const VARIANTS: { name: string; layers: Partial<Layers>; trpcStockAdapter?: boolean; bare?: boolean }[] = [
  { name: 'whole stack', layers: {} },
  { name: 'tRPC’s own Fastify adapter', layers: {}, trpcStockAdapter: true },
  { name: '− request log', layers: { requestLog: false } },
  { name: '− metrics', layers: { metrics: false } },
  { name: '− CORS', layers: { cors: false } },
  { name: '− security headers', layers: { securityHeaders: false } },
  { name: '− request id', layers: { requestId: false } },
  { name: '− host check', layers: { hostCheck: false } },
  { name: '− token verification', layers: { tokenVerification: false } },
  { name: 'none of them', layers: NONE },
  { name: 'bare Fastify + pg (REST routes only)', layers: NONE, bare: true },
];

const ROUTES = {
  health: { label: 'GET /health', path: '/health' },
  rest: { label: 'REST /api/config/public', path: '/api/config/public' },
  trpc: { label: 'tRPC system.config', path: '/trpc/system.config' },
  authed: { label: 'tRPC entitlements.get', path: '/trpc/entitlements.get' },
} as const;
type Route = keyof typeof ROUTES;

// ---------------------------------------------------------------------------------------------------------
// Child process: one API variant.

/**
 * The floor: Fastify without logger, hooks or plugins, answering /health with one `select 1` on a node-pg pool and
 * /api/config/public with the same JSON as the API (what bench/load.ts compares the API with).
 */
async function bareServer(config: ReturnType<typeof loadConfig>, databaseUrl: string) {
  const { default: pg } = await import(fromApi.resolve('pg'));
  const { default: Fastify } = await import(fromApi.resolve('fastify'));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_MAX });
  const app = Fastify({ logger: false });
  app.get('/health', async () => {
    await pool.query('select 1');
    return { status: 'ok', db: 'ok', version: config.version };
  });
  app.get('/api/config/public', async () => publicConfig(config));
  app.addHook('onClose', () => pool.end());
  return app;
}

async function serveVariant(
  { layers, trpcStockAdapter, bare }: { layers: Partial<Layers>; trpcStockAdapter?: boolean; bare?: boolean },
  databaseUrl: string,
): Promise<void> {
  const config = loadConfig(productionEnv(databaseUrl, LOG_LEVEL));
  if (bare) {
    return serveForParent(await bareServer(config, databaseUrl));
  }
  const { db } = await createDb({ databaseUrl, poolMax: POOL_MAX });
  const app = await buildServer(
    config,
    { db, stripe: null, openai: null, mailer: createMailer(config), now: () => new Date() },
    { layers, trpcStockAdapter: trpcStockAdapter ?? false },
  );
  await serveForParent(app, () => db.destroy());
}

// ---------------------------------------------------------------------------------------------------------
// Parent.

async function startVariant(variant: (typeof VARIANTS)[number], databaseUrl: string) {
  const options = { layers: variant.layers, trpcStockAdapter: variant.trpcStockAdapter, bare: variant.bare };
  const child = fork(import.meta.filename, ['--serve', JSON.stringify(options), databaseUrl], {
    // stdout: the request log lines, thrown away as fast as a log shipper would take them.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: [
      ...process.execArgv,
      ...serveFlags(),
      ...(process.env.LAYERS_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${join(resolve(process.env.LAYERS_CPU_PROF), slug(variant.name))}`]
        : []),
    ],
  });
  pinServer(child.pid);
  return { url: `http://127.0.0.1:${await portOf(child, 'variant')}`, child };
}

/** A folder name for a variant's profiles. */
const slug = (name: string) =>
  name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

const ONLY_ROUTES = (process.env.LAYERS_ROUTES?.split(',') ?? Object.keys(ROUTES)) as Route[];
for (const route of ONLY_ROUTES)
  if (!(route in ROUTES))
    throw new Error(`LAYERS_ROUTES: no route "${route}" (${Object.keys(ROUTES).join(', ')})`);
const BARE_ROUTES: Route[] = (['health', 'rest'] as Route[]).filter((route) => ONLY_ROUTES.includes(route));
const routesOf = (variant: { bare?: boolean }) =>
  (variant.bare ? BARE_ROUTES : ONLY_ROUTES).map((route) => ROUTES[route]);

interface Server {
  bare: boolean;
  name: string;
  url: string;
  child: ChildProcess;
  slices: Partial<Record<Route, Slices[]>>;
}

const us = (ms: number) => `${Math.round(ms * 1000)}`;
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(Math.round(n))}`;

async function main() {
  const started = Date.now();
  const { template, teardown } = await createTemplate(DATABASE_URL);
  const testDb = await openTestDb(template);
  await teardown();
  const children: ChildProcess[] = [];
  try {
    const config = loadConfig(productionEnv(testDb.url!, 'silent'));
    const f = await createTenantFixture(testDb.db, config, { plan: 'PRO' });
    const headers = { authorization: `Bearer ${f.owner.token}`, origin: WEB_ORIGIN };
    const only = process.env.LAYERS_VARIANTS?.split(',');
    const variants = VARIANTS.filter((v) => !only || only.includes(v.name));
    const servers: Server[] = [];
    for (const variant of variants) {
      const server = await startVariant(variant, testDb.url!);
      children.push(server.child);
      for (const route of routesOf(variant)) {
        const res = await fetch(`${server.url}${route.path}`, { headers });
        if (res.status !== 200)
          throw new Error(`${variant.name} ${route.path}: ${res.status} ${await res.text()}`);
      }
      servers.push({ name: variant.name, bare: variant.bare ?? false, ...server, slices: {} });
    }

    // When: round after round, each route on each variant in turn (one process loaded at a time).
    const loadAtStart = loadAverage();
    for (const server of servers)
      for (const route of routesOf(server))
        await load(
          `${server.url}${route.path}`,
          { headers, seconds: WARMUP, connections: CONNECTIONS },
          emptySlices(),
        );
    for (let round = 0; round < ROUNDS; round++) {
      for (const route of ONLY_ROUTES) {
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        for (const server of order) {
          if (server.bare && !BARE_ROUTES.includes(route)) continue;
          const slices = emptySlices();
          await load(
            `${server.url}${ROUTES[route].path}`,
            { headers, seconds: SLICE, connections: CONNECTIONS, pid: server.child.pid },
            slices,
          );
          server.slices[route] = [...(server.slices[route] ?? []), slices];
        }
      }
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    const loadAtEnd = loadAverage();

    // Then: CPU µs per request (least of the rounds) and its difference with the whole stack.
    const cpu = (server: Server, route: Route) =>
      Math.min(...(server.slices[route] ?? []).map((s) => summarise(s).cpuMsPerRequest));
    const rps = (server: Server, route: Route) =>
      median((server.slices[route] ?? []).map((s) => summarise(s).requestsPerSecond));
    const errors = servers.flatMap((s) =>
      Object.values(s.slices).flatMap((all) => (all ?? []).filter((x) => x.failed > 0)),
    ).length;
    const whole = servers[0]!;
    const rows = servers.map((server) => {
      const row: Record<string, string> = { variant: server.name };
      for (const route of ONLY_ROUTES) {
        if (server.bare && !BARE_ROUTES.includes(route)) {
          row[`${ROUTES[route].label} µs/req`] = '—';
          row[`${route} req/s`] = '—';
          continue;
        }
        const delta = (cpu(server, route) - cpu(whole, route)) * 1000;
        row[`${ROUTES[route].label} µs/req`] =
          server === whole ? us(cpu(server, route)) : `${us(cpu(server, route))} (${signed(delta)})`;
        row[`${route} req/s`] = String(Math.round(rps(server, route)));
      }
      return row;
    });
    console.log(
      `\nPer-request cost by layer (${LOAD_CLIENT}) — server CPU µs per request (all threads, least of ${ROUNDS} rounds of ` +
        `${SLICE} s; in brackets: the difference with the whole stack) and req/s, ${CONNECTIONS} connections, ` +
        `log level ${LOG_LEVEL} (to /dev/null), node flags ${serveFlags().join(' ') || 'none'}; ${pinning()}; load average ` +
        `${loadAtStart} at start, ${loadAtEnd} at end`,
    );
    console.table(rows);
    if (ONLY_ROUTES.includes('trpc') && ONLY_ROUTES.includes('rest')) {
      const adapter = (cpu(whole, 'trpc') - cpu(whole, 'rest')) * 1000;
      console.log(
        `tRPC adapter (tRPC system.config − REST /api/config/public, the same answer, whole stack): ` +
          `${signed(adapter)} µs/req`,
      );
    }
    console.log(`requests with an error: ${errors} slice(s)`);
    console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exitCode = errors === 0 ? 0 : 1;
  } finally {
    for (const child of children) await stop(child);
    await testDb.drop();
  }
}

if (process.argv[2] === '--serve') await serveVariant(JSON.parse(process.argv[3]!), process.argv[4]!);
else await main();
