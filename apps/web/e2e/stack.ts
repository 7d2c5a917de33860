import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FakeServer } from '@stockscan/testing/fake-http';
import { fakeIntegrationsEnv, startFakeIntegrations } from '@stockscan/testing/fakes';
import { startServerProcess } from '@stockscan/testing/server-process';
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
  const fakes = await startFakeIntegrations();
  const db = await freshDatabase();
  const env: Record<string, string> = {
    APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
    ...fakeIntegrationsEnv(fakes),
    ...(options.webDist ? { WEB_DIST_DIR: options.webDist } : {}),
    ...db.env,
    ...options.env,
  };
  const server = await startServerProcess(env, { startTimeoutMs: 60_000 });
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
    url: server.url,
    fakes,
    env,
    browser,
    logs: server.logs,
    async stop() {
      await browser.close();
      await server.stop();
      await Promise.all([fakes.close(), db.drop()]);
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
