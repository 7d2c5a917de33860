import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FakeServer } from '@stockscan/api/testing/fake-http';
import { startFakeOpenAI, startFakeSendGrid, startFakeStripe } from '@stockscan/api/testing/fakes';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const root = resolve(import.meta.dirname, '../../..');
export const ARTIFACTS = join(root, 'artifacts', 'e2e');

export interface Stack {
  url: string;
  fakes: { stripe: FakeServer; sendgrid: FakeServer; openai: FakeServer };
  env: Record<string, string>;
  browser: Browser;
  /** Server output, for diagnosing a failure. */
  logs: string[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => done(port));
    });
  });
}

/** A fresh database: a new PostgreSQL database when DATABASE_URL is set (CI), else an empty PGlite dir. */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `stockscan_e2e_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      drop: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'stockscan-e2e-'));
  return { env: { PGLITE_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The built app as `pnpm serve` runs it (apps/api/dist/main.js serving apps/web/dist), on a fresh database,
 * with Stripe, SendGrid and OpenAI pointed at local fakes; plus a headless Chromium.
 */
export async function startStack(
  options: { webDist?: string; env?: Record<string, string> } = {},
): Promise<Stack> {
  const [stripe, sendgrid, openai] = await Promise.all([
    startFakeStripe(),
    startFakeSendGrid(),
    startFakeOpenAI(),
  ]);
  const db = await freshDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
    FRONTEND_URL: url,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    STRIPE_API_KEY: 'sk_test_e2e',
    STRIPE_WEBHOOK_SECRET: 'whsec_e2e',
    STRIPE_API_BASE_URL: stripe.url,
    STRIPE_PRICE_BOUTIQUE_MONTHLY: 'price_boutique_monthly',
    STRIPE_PRICE_BOUTIQUE_YEARLY: 'price_boutique_yearly',
    STRIPE_PRICE_PRO_MONTHLY: 'price_pro_monthly',
    STRIPE_PRICE_PRO_YEARLY: 'price_pro_yearly',
    INVITATIONS_SEND_EMAILS: 'true',
    SENDGRID_API_KEY: 'SG.e2e',
    SENDGRID_FROM_EMAIL: 'noreply@stockscan.test',
    SENDGRID_API_BASE_URL: sendgrid.url,
    AI_ENABLED: 'true',
    OPENAI_API_KEY: 'sk-e2e',
    OPENAI_BASE_URL: `${openai.url}/v1`,
    ...(options.webDist ? { WEB_DIST_DIR: options.webDist } : {}),
    ...db.env,
    ...options.env,
  };
  const logs: string[] = [];
  const server: ChildProcess = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    env,
    cwd: root,
  });
  server.stdout?.on('data', (d: Buffer) => logs.push(d.toString()));
  server.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${url}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline || server.exitCode !== null) {
      throw new Error(`server did not start:\n${logs.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url,
    fakes: { stripe, sendgrid, openai },
    env,
    browser,
    logs,
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      await Promise.all([stripe.close(), sendgrid.close(), openai.close(), db.drop()]);
    },
  };
}

export const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 800 },
} as const;

/** A page that records console errors and failed requests, so a test can assert there were none. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  return { page, consoleErrors };
}

/** Screenshots of the current page at phone and desktop widths, under artifacts/e2e (ignored by git). */
export async function screenshots(page: Page, step: string): Promise<void> {
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(ARTIFACTS, `${step}-${name}.png`), fullPage: true });
  }
}
