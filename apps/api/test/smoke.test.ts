import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openTestDb, type TestDb } from '@stockscan/db/testing';
import { stripeWorld } from '@stockscan/testing/fake-stripe';
import { fakeIntegrationsEnv, startFakeIntegrations } from '@stockscan/testing/fakes';
import { startServerProcess } from '@stockscan/testing/server-process';
import Fastify from 'fastify';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEMO_LOGIN } from '../src/seed/demo';

/**
 * scripts/smoke.sh (DEPLOYMENT.md "Smoke tests") against the built server as `pnpm start` serves it
 * (apps/api/dist/main.js, SEED_DEMO=true) with Stripe, SendGrid and OpenAI pointed at local fakes. Its database
 * is a fresh PostgreSQL one when DATABASE_URL is set (CI), else embedded PGlite in a temporary folder, as on a
 * newcomer's machine.
 */

const root = resolve(import.meta.dirname, '../../..');
const template = inject('dbTemplate');
const fakes = await startFakeIntegrations();
const { stripe, sendgrid } = fakes;
// The spawned server runs on the wall clock: so does the fake Stripe.
const world = stripeWorld({
  fakes: { stripe },
  clock: {
    get now() {
      return new Date();
    },
  },
});
const testDb: TestDb | null = template.engine === 'postgres' ? await openTestDb(template) : null;
const pgliteDir = testDb ? null : mkdtempSync(join(tmpdir(), 'stockscan-smoke-'));
const server = await startServerProcess(
  {
    ...(testDb ? { DATABASE_URL: testDb.url! } : { PGLITE_DATA_DIR: pgliteDir! }),
    SEED_DEMO: 'true',
    ...fakeIntegrationsEnv(fakes),
  },
  { startTimeoutMs: 90_000 },
);
afterAll(async () => {
  await server.stop();
  await fakes.close();
  await testDb?.drop();
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
});

interface SmokeRun {
  code: number | null;
  lines: string[];
  /** The throwaway account the script used (it names it on stderr). */
  username: string | undefined;
}

/** Runs the script as an operator would; asynchronously, since the server answers from this process. */
function runSmoke(baseUrl: string): Promise<SmokeRun> {
  return new Promise((done) => {
    execFile(
      'bash',
      [resolve(root, 'scripts/smoke.sh'), baseUrl],
      { cwd: root, timeout: 60_000, env: { PATH: process.env.PATH ?? '' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const username = stderr.match(/throwaway account (\S+)/)?.[1];
        done({ code, lines: stdout.trim().split('\n'), username });
      },
    );
  });
}

type Override = (req: { method: string; url: string }) => { status: number; json: unknown } | undefined;

/**
 * A deployment with one route gone wrong: a tiny Fastify server in front of the real one that forwards every
 * request unchanged, except where `override` answers instead.
 */
async function brokenDeployment(override: Override): Promise<{ url: string }> {
  const proxy = Fastify({ logger: false });
  proxy.removeAllContentTypeParsers();
  proxy.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  proxy.all('/*', async (req, reply) => {
    const replaced = override({ method: req.method, url: req.url });
    if (replaced) return reply.code(replaced.status).send(replaced.json);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
        headers[name] = value;
    const upstream = await fetch(`${server.url}${req.url}`, {
      method: req.method,
      headers,
      ...(Buffer.isBuffer(req.body) && req.body.length > 0 ? { body: req.body } : {}),
    });
    for (const name of ['content-type', 'content-disposition', 'retry-after'])
      if (upstream.headers.has(name)) reply.header(name, upstream.headers.get(name));
    return reply.code(upstream.status).send(Buffer.from(await upstream.arrayBuffer()));
  });
  await proxy.listen({ port: 0, host: '127.0.0.1' });
  const address = proxy.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  afterAll(() => proxy.close());
  return { url };
}

describe('demo data', () => {
  it('is seeded only into the embedded database: SEED_DEMO on PostgreSQL (a forgotten NODE_ENV) opens no known account', async () => {
    const res = await fetch(`${server.url}/api/auth/login/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_LOGIN),
    });

    expect(res.status).toBe(testDb ? 401 : 200);
    if (testDb)
      expect(
        await testDb.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', DEMO_LOGIN.username)
          .execute(),
      ).toEqual([]);
  });
});

describe('scripts/smoke.sh', () => {
  it('passes every runbook check against the built server and deletes its throwaway account', async () => {
    // Given: the server `pnpm start` runs, behind fakes. When: the smoke script runs against it.
    const before = {
      checkouts: world.requests('POST', '/v1/checkout/sessions').length,
      portals: world.requests('POST', '/v1/billing_portal/sessions').length,
      emails: sendgrid.requests.length,
    };
    const run = await runSmoke(server.url);

    // Then: exit 0, a PASS line per route, the summary line.
    expect(
      run.lines.filter((l) => !l.startsWith('PASS')),
      `${run.lines.join('\n')}\n--- server ---\n${server.logs.join('')}`,
    ).toEqual([`smoke: ${run.lines.length - 1} passed, 0 failed, 0 skipped`]);
    expect(run.code).toBe(0);
    expect(run.lines.length - 1).toBe(15);
    expect(run.lines).toContain('PASS POST /api/auth/billing/checkout/');
    expect(run.lines).toContain('PASS POST /api/auth/billing/portal/');
    expect(run.lines).toContain('PASS DELETE /api/auth/delete-account/');
    // The server really called Stripe and SendGrid (through the fakes): one checkout, one portal, and two
    // mails — the throwaway account's confirmation link (every sign-up gets one) and the invitation.
    expect(world.requests('POST', '/v1/checkout/sessions').length - before.checkouts).toBe(1);
    expect(world.requests('POST', '/v1/billing_portal/sessions').length - before.portals).toBe(1);
    expect(sendgrid.requests.length - before.emails).toBe(2);
    // And nothing is left of the throwaway account: its own credentials no longer log in (the script derives the
    // password from the account's stamp), and on PostgreSQL no row is left.
    expect(run.username).toMatch(/^smoke_/);
    const login = await fetch(`${server.url}/api/auth/login/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: run.username,
        password: `Smoke-${run.username!.slice('smoke_'.length)}-pass`,
      }),
    });
    expect(login.status).toBe(401);
    expect(await login.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    if (testDb) {
      const users = await testDb.db
        .selectFrom('users')
        .select('username')
        .where('username', '=', run.username!)
        .execute();
      expect(users).toEqual([]);
    }
  });

  it('fails with exit 1 and a FAIL line naming the route when one route answers 500', async () => {
    // Given: a deployment whose entitlements route is broken.
    const broken = await brokenDeployment(({ method, url }) =>
      method === 'GET' && url === '/api/auth/me/org/entitlements'
        ? { status: 500, json: { detail: 'Erreur interne.', code: 'INTERNAL' } }
        : undefined,
    );

    const run = await runSmoke(broken.url);

    expect(run.code).toBe(1);
    expect(run.lines.filter((l) => l.startsWith('FAIL'))).toEqual([
      'FAIL GET /api/auth/me/org/entitlements — HTTP 500 (expected 200): {"detail":"Erreur interne.","code":"INTERNAL"}',
    ]);
    expect(run.lines.at(-1)).toBe(`smoke: ${run.lines.length - 2} passed, 1 failed, 0 skipped`);
  });

  it('names the register route and skips, rather than fails, every check that needs its account', async () => {
    const broken = await brokenDeployment(({ method, url }) =>
      method === 'POST' && url === '/api/auth/register/'
        ? { status: 500, json: { detail: 'Erreur interne.', code: 'INTERNAL' } }
        : undefined,
    );

    const run = await runSmoke(broken.url);

    expect(run.code).toBe(1);
    expect(run.lines.filter((l) => l.startsWith('FAIL'))).toEqual([
      'FAIL POST /api/auth/register/ — HTTP 500 (expected 201): {"detail":"Erreur interne.","code":"INTERNAL"}',
    ]);
    expect(run.lines).toContain('SKIP GET /api/export-excel/ — register failed');
    expect(run.lines.at(-1)).toBe('smoke: 2 passed, 1 failed, 12 skipped');
  });

  it('fails on a 200 that lacks a documented field', async () => {
    // Given: entitlements answering 200 without `over_limit` (the web banners read it).
    const broken = await brokenDeployment(({ method, url }) =>
      method === 'GET' && url === '/api/auth/me/org/entitlements'
        ? { status: 200, json: { plan_effective: 'PRO', limits: {}, usage: {}, entitlements: {} } }
        : undefined,
    );

    const run = await runSmoke(broken.url);

    expect(run.code).toBe(1);
    expect(run.lines.filter((l) => l.startsWith('FAIL'))).toEqual([
      'FAIL GET /api/auth/me/org/entitlements — missing over_limit',
    ]);
  });
});
