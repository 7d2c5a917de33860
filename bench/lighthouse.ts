/**
 * Lighthouse on the public pages (`pnpm bench:lighthouse`): the built app served as `pnpm serve` serves it
 * (apps/api/dist/main.js with its node flags, the web from apps/web/dist, embedded PGlite in a temporary
 * directory), audited by Lighthouse 12 with its defaults — mobile, simulated slow 4G, 4× CPU slowdown — in Debian's
 * Chromium, headless. Prints performance and accessibility scores with the metrics behind them (median and range
 * of LH_RUNS runs) and the JS each page downloaded.
 *
 * Not part of CI: a run takes ~30 s per page, and simulated throttling multiplies the CPU time this machine
 * really spent, so a busy machine lowers the performance score (the load average and Lighthouse's own CPU
 * benchmark index are printed with the table: below ~1000 the machine itself is the bottleneck).
 *
 * Needs `pnpm build` first. Env: LH_RUNS (default 3), LH_PAGES (default "/,/login"), CHROME_PATH (default
 * /usr/bin/chromium), LIGHTHOUSE_BIN (a lighthouse executable; default `npx -y lighthouse@12.2.3`, the last
 * major that runs on Node 20).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServerProcess } from '@stockscan/testing/server-process';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.LH_RUNS ?? 3);
const PAGES = (process.env.LH_PAGES ?? '/,/login').split(',');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE = process.env.LIGHTHOUSE_BIN
  ? [process.env.LIGHTHOUSE_BIN]
  : ['npx', '-y', 'lighthouse@12.2.3'];

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    {
      numericValue?: number;
      details?: { items?: { resourceType?: string; transferSize?: number; url?: string }[] };
    }
  >;
  environment: { benchmarkIndex: number };
}

const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  SI: 'speed-index',
  CLS: 'cumulative-layout-shift',
} as const;

function audit(url: string, out: string): Report {
  const [command, ...args] = LIGHTHOUSE as [string, ...string[]];
  execFileSync(
    command,
    [
      ...args,
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility',
      '--form-factor=mobile',
      '--throttling-method=simulate',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
    ],
    { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};
const spread = (values: number[], format: (n: number) => string) =>
  values.length > 1
    ? `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`
    : format(values[0] ?? Number.NaN);

async function main() {
  for (const built of ['apps/web/dist/index.html', 'apps/api/dist/main.js'])
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run pnpm build first`);
  const serveFlags = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.serve as string)
    .split(/\s+/)
    .filter((arg) => arg.startsWith('--'));
  const work = mkdtempSync(join(tmpdir(), 'stockscan-lighthouse-'));
  const server = await startServerProcess(
    { PGLITE_DATA_DIR: join(work, 'pglite'), LOG_LEVEL: 'warn' },
    { nodeArgs: serveFlags, startTimeoutMs: 120_000 },
  );
  const load = loadavg().map((l) => l.toFixed(1));
  try {
    const rows: Record<string, string>[] = [];
    const benchmarks: number[] = [];
    for (const page of PAGES) {
      const reports: Report[] = [];
      for (let run = 0; run < RUNS; run++) {
        reports.push(audit(`${server.url}${page}`, join(work, `report-${reports.length}.json`)));
        process.stderr.write('.');
      }
      benchmarks.push(...reports.map((r) => r.environment.benchmarkIndex));
      const score = (category: string) =>
        reports.map((r) => Math.round((r.categories[category]?.score ?? 0) * 100));
      const metric = (id: string) => reports.map((r) => r.audits[id]?.numericValue ?? Number.NaN);
      const js = reports.map((r) =>
        (r.audits['network-requests']?.details?.items ?? [])
          .filter((item) => item.resourceType === 'Script')
          .reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
      );
      rows.push({
        page,
        performance: spread(score('performance'), String),
        accessibility: spread(score('accessibility'), String),
        FCP: spread(metric(METRICS.FCP), (ms) => `${(ms / 1000).toFixed(1)} s`),
        LCP: spread(metric(METRICS.LCP), (ms) => `${(ms / 1000).toFixed(1)} s`),
        TBT: spread(metric(METRICS.TBT), (ms) => `${Math.round(ms)} ms`),
        SI: spread(metric(METRICS.SI), (ms) => `${(ms / 1000).toFixed(1)} s`),
        CLS: spread(metric(METRICS.CLS), (v) => v.toFixed(3)),
        'JS transferred': spread(js, (b) => `${(b / 1000).toFixed(1)} kB`),
      });
    }
    process.stderr.write('\n');
    console.log(
      `Lighthouse 12, mobile, simulated slow 4G + 4× CPU, ${RUNS} run(s) per page (median (min–max)); ` +
        `load average ${load.join(' ')} at start, ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} at end; benchmarkIndex ${spread(benchmarks, (n) => String(Math.round(n)))}`,
    );
    console.table(rows);
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
