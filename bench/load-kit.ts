/**
 * What bench/load.ts and bench/layers.ts share: slices of load (wrk, or autocannon) with the server's CPU time, the
 * node flags of `pnpm serve`, the environment of a production API, and how numbers are summarised.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';

export const root = resolve(import.meta.dirname, '..');
/** Fastify, pg and kysely are dependencies of the api package, not of the workspace root: resolved from there. */
export const fromApi = createRequire(new URL('../apps/api/package.json', import.meta.url));
/** Only used to create a fresh database for the run, dropped at the end. */
export const DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://stockscan:stockscan@127.0.0.1:5432/stockscan_test';
export const APP_SECRET = 'bench-secret-bench-secret-bench-secret-01';
/** The web origin the benchmarked API allows (CORS_ALLOWED_ORIGINS); requests carry it as a browser would. */
export const WEB_ORIGIN = 'https://app.stockscan.example';

/**
 * What a production API runs with (config.ts refuses production without them): allowed hosts, CORS origins and
 * a log line per request at LOG_LEVEL info, as operators run it.
 */
export function productionEnv(databaseUrl: string, logLevel: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    APP_SECRET,
    DATABASE_URL: databaseUrl,
    FRONTEND_URL: WEB_ORIGIN,
    ALLOWED_HOSTS: '127.0.0.1',
    CORS_ALLOWED_ORIGINS: WEB_ORIGIN,
    INVITATIONS_SEND_EMAILS: 'false',
    WEB_DIST_DIR: '/nonexistent',
    LOG_LEVEL: logLevel,
  };
}

/** The node flags `pnpm serve` starts the API with (the root package.json's `serve` script). */
export function serveFlags(): string[] {
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  return (scripts.serve ?? '').split(/\s+/).filter((arg) => arg.startsWith('--'));
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A forked server: listens on a free port, reports it to the parent (portOf), stops on SIGTERM after `close`. */
export async function serveForParent(
  app: {
    listen(options: { port: number; host: string }): Promise<unknown>;
    server: { address(): unknown };
    close(): Promise<unknown>;
  },
  close: () => Promise<unknown> = async () => {},
): Promise<void> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port?: number } | null;
  process.send?.({ port: address?.port ?? 0 });
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(close)
      .then(() => process.exit(0));
  });
}

/** Resolves with the port a forked server reports once it listens. */
export function portOf(child: ChildProcess, what: string): Promise<number> {
  return new Promise<number>((done, fail) => {
    child.once('message', (m) => done((m as { port: number }).port));
    child.once('exit', (code) => fail(new Error(`${what} exited ${code}`)));
  });
}

/** What the load generator saw over one or more slices of load, and the CPU the server process spent on them. */
export interface Slices {
  /** Latencies (ms) with the number of requests each stands for (1 per answer, or a quantile's share). */
  latencies: number[];
  weights: number[];
  ok: number;
  failed: number;
  seconds: number;
  cpuMs: number;
  /** CPU time of the PostgreSQL processes on this machine meanwhile (all databases: keep the machine quiet). */
  pgCpuMs: number;
  /** CPU time of the load generator meanwhile (wrk's process, or autocannon in this one): it shares the machine. */
  clientCpuMs: number;
  /** Answers per second of each slice, in order (bench:load pairs each with the other side's slice next to it). */
  rates: number[];
}

export const emptySlices = (): Slices => ({
  latencies: [],
  weights: [],
  ok: 0,
  failed: 0,
  seconds: 0,
  cpuMs: 0,
  pgCpuMs: 0,
  clientCpuMs: 0,
  rates: [],
});

/** user + system CPU time of a process so far (Linux /proc; NaN elsewhere). */
export function cpuMsOf(pid: number | string | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time so far of the PostgreSQL processes of this machine (a local server: its backends come and go with
 * connections, so a slice's share is the difference of the sum over the processes alive at both ends). NaN when
 * there is no local PostgreSQL to see (another host, not Linux).
 */
export function postgresCpuMs(): Map<string, number> {
  const byPid = new Map<string, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return byPid;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') byPid.set(pid, cpuMsOf(pid));
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
}

function postgresCpuSince(before: Map<string, number>): number {
  if (before.size === 0) return Number.NaN;
  let sum = 0;
  for (const [pid, ms] of postgresCpuMs()) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/**
 * The load generator: wrk (C, one thread) when it is installed (`apt-get install wrk`), as the first
 * measurement was made, else autocannon (in this process). Choose with LOAD_CLIENT=wrk|autocannon. On a 2-core
 * machine the generator shares the cores with the server and PostgreSQL: autocannon parses each answer in
 * JavaScript and spends ~0.05 ms of CPU per /health request, wrk a fraction of that, leaving the cores to what is
 * measured.
 */
export const LOAD_CLIENT: 'wrk' | 'autocannon' = (() => {
  const asked = process.env.LOAD_CLIENT;
  if (asked === 'wrk' || asked === 'autocannon') return asked;
  if (asked) throw new Error(`LOAD_CLIENT=${asked}: wrk or autocannon`);
  try {
    execFileSync('wrk', ['-v'], { stdio: 'ignore' });
    return 'wrk';
  } catch (error) {
    // wrk -v prints its version and exits 1: installed all the same.
    return (error as { code?: string }).code === 'ENOENT' ? 'autocannon' : 'wrk';
  }
})();

/**
 * Where each process runs (LOAD_PIN, on by default where `taskset` exists and there are at least 2 CPUs; 0 turns it
 * off): the servers measured on CPU 0 (all their threads: what is compared is one server's core against another's),
 * the load generator (wrk, or this process for autocannon) on the last CPU; PostgreSQL is left to the scheduler.
 * Unpinned, the scheduler moved wrk and PostgreSQL's backends onto the server's core at random moments, and a 3-run
 * /health ratio spread over 31 points (67–98 %) where pinned runs spread over 3–9.
 */
export const PIN: { server: string; client: string } | null = (() => {
  if (process.env.LOAD_PIN === '0') return null;
  const cpus = availableParallelism();
  if (cpus < 2) return null;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const client = String(cpus - 1);
  // This process too: autocannon loads from here, and what it forks later starts on the generator's CPU.
  execFileSync('taskset', ['-p', '-c', client, String(process.pid)], { stdio: 'ignore' });
  return { server: '0', client };
})();

/** Puts a measured server (every thread of it) on its CPU, when pinning (PIN). */
export function pinServer(pid: number | undefined): void {
  if (PIN && pid !== undefined)
    execFileSync('taskset', ['-a', '-p', '-c', PIN.server, String(pid)], { stdio: 'ignore' });
}

/** How PIN reads in a benchmark's header line. */
export function pinning(): string {
  return PIN ? `servers pinned to CPU ${PIN.server}, load generator to CPU ${PIN.client}` : 'nothing pinned';
}

const WRK_REPORT = join(import.meta.dirname, 'wrk-report.lua');

interface LoadOptions {
  headers: Record<string, string>;
  seconds: number;
  connections: number;
  pid?: number;
}

/** One slice of load on `url`, added to `into` (with the CPU time `pid` spent meanwhile). */
export async function load(url: string, options: LoadOptions, into: Slices): Promise<void> {
  const cpuBefore = cpuMsOf(options.pid);
  const pgBefore = postgresCpuMs();
  const [okBefore, secondsBefore] = [into.ok, into.seconds];
  if (LOAD_CLIENT === 'wrk') await loadWithWrk(url, options, into);
  else await loadWithAutocannon(url, options, into);
  into.rates.push((into.ok - okBefore) / (into.seconds - secondsBefore));
  into.cpuMs += cpuMsOf(options.pid) - cpuBefore;
  into.pgCpuMs += postgresCpuSince(pgBefore);
}

async function loadWithAutocannon(url: string, options: LoadOptions, into: Slices): Promise<void> {
  const clientBefore = process.cpuUsage();
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    into.latencies.push(responseTime);
    into.weights.push(1);
  });
  const result = await new Promise<autocannon.Result>((done) => instance.on('done', done));
  into.ok += result['2xx'];
  into.failed += result.non2xx + result.errors;
  into.seconds += result.duration;
  const client = process.cpuUsage(clientBefore);
  into.clientCpuMs += (client.user + client.system) / 1000;
}

/**
 * wrk takes whole seconds: it is asked for more and stopped (SIGINT, after which it reports) once the slice's
 * time is up; its CPU time is read then, before it works out its quantiles.
 */
async function loadWithWrk(url: string, options: LoadOptions, into: Slices): Promise<void> {
  const headers = Object.entries(options.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const wrk = [
    '-t1',
    `-c${options.connections}`,
    `-d${Math.ceil(options.seconds) + 60}s`,
    '--timeout',
    '10s',
  ].concat(['-s', WRK_REPORT], headers, [url]);
  // taskset runs wrk in its own process (exec): the child's pid is wrk's, for its CPU time and SIGINT.
  const [command, args]: [string, string[]] = PIN
    ? ['taskset', ['-c', PIN.client, 'wrk', ...wrk]]
    : ['wrk', wrk];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const clientBefore = cpuMsOf(child.pid);
  await new Promise((done) => setTimeout(done, options.seconds * 1000));
  into.clientCpuMs += cpuMsOf(child.pid) - clientBefore;
  child.kill('SIGINT');
  const code = await exited;
  const field = (name: string) => output.match(new RegExp(`^${name} (.*)$`, 'm'))?.[1];
  const requests = Number(field('requests'));
  const quantiles = (field('latency_us') ?? '').split(' ').map((us) => Number(us) / 1000);
  if (code !== 0 || !Number.isFinite(requests) || quantiles.length !== 1000)
    throw new Error(`wrk exited ${code} without its report:\n${output}`);
  const failed = Number(field('socket_errors')) + Number(field('status_errors'));
  into.ok += requests - Number(field('status_errors'));
  into.failed += failed;
  into.seconds += Number(field('duration_us')) / 1e6;
  for (const ms of quantiles) {
    into.latencies.push(ms);
    into.weights.push(requests / 1000);
  }
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errorRate: number;
  total: number;
  cpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
  clientCpuMsPerRequest: number;
}

export function summarise(s: Slices): LoadResult {
  const order = s.latencies.map((_, i) => i).sort((a, b) => s.latencies[a]! - s.latencies[b]!);
  const total = s.weights.reduce((sum, w) => sum + w, 0);
  /** The latency below which p % of the requests fall. */
  const percentile = (p: number) => {
    let seen = 0;
    for (const i of order) {
      seen += s.weights[i]!;
      if (seen >= (p / 100) * total) return s.latencies[i]!;
    }
    return Number.NaN;
  };
  return {
    requestsPerSecond: s.ok / s.seconds,
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    errorRate: s.failed / Math.max(1, s.ok + s.failed),
    total: s.ok + s.failed,
    cpuMsPerRequest: s.cpuMs / Math.max(1, s.ok + s.failed),
    postgresCpuMsPerRequest: s.pgCpuMs / Math.max(1, s.ok + s.failed),
    clientCpuMsPerRequest: s.clientCpuMs / Math.max(1, s.ok + s.failed),
  };
}

/** Merges slices (several runs of one side) into one. */
export function merged(all: Slices[]): Slices {
  return all.reduce(
    (sum, s) => ({
      latencies: sum.latencies.concat(s.latencies),
      weights: sum.weights.concat(s.weights),
      ok: sum.ok + s.ok,
      failed: sum.failed + s.failed,
      seconds: sum.seconds + s.seconds,
      cpuMs: sum.cpuMs + s.cpuMs,
      pgCpuMs: sum.pgCpuMs + s.pgCpuMs,
      clientCpuMs: sum.clientCpuMs + s.clientCpuMs,
      rates: sum.rates.concat(s.rates),
    }),
    emptySlices(),
  );
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid]!
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
};

/** "median (min–max)" of several runs, or the single value. */
export function spread(values: number[], format: (n: number) => string): string {
  if (values.length < 2) return format(values[0] ?? Number.NaN);
  return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}

export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
