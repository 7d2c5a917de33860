import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../src/testing/test-server';
import { stripeWorld } from './billing-fake-stripe';

/** scripts/smoke.sh (DEPLOYMENT.md "Smoke tests") against a local server whose Stripe, SendGrid and OpenAI are fakes. */

const root = resolve(import.meta.dirname, '../../..');
const t = await startTestApp();
const world = stripeWorld(t);

interface SmokeRun {
  code: number | null;
  lines: string[];
}

/** Runs the script as an operator would; asynchronously, since the server answers from this process. */
function runSmoke(baseUrl: string): Promise<SmokeRun> {
  return new Promise((done) => {
    execFile(
      'bash',
      [resolve(root, 'scripts/smoke.sh'), baseUrl],
      { cwd: root, timeout: 60_000, env: { PATH: process.env.PATH ?? '' } },
      (error, stdout) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, lines: stdout.trim().split('\n') });
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
    const upstream = await fetch(`${t.url}${req.url}`, {
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

describe('scripts/smoke.sh', () => {
  it('passes every runbook check against a healthy server and cleans up its throwaway tenant', async () => {
    // Given: a server with Stripe, SendGrid and OpenAI behind fakes. When: the smoke script runs against it.
    const run = await runSmoke(t.url);

    // Then: exit 0, a PASS line per route, the summary line, and nothing left behind.
    expect(
      run.lines.filter((l) => !l.startsWith('PASS')),
      run.lines.join('\n'),
    ).toEqual([`smoke: ${run.lines.length - 1} passed, 0 failed, 0 skipped`]);
    expect(run.code).toBe(0);
    expect(run.lines).toContain('PASS POST /api/auth/billing/checkout/');
    expect(run.lines).toContain('PASS POST /api/auth/billing/portal/');
    expect(run.lines).toContain('PASS DELETE /api/auth/delete-account/');
    expect(world.requests('POST', '/v1/checkout/sessions')).toHaveLength(1);
    expect(world.requests('POST', '/v1/billing_portal/sessions')).toHaveLength(1);
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
    const users = await t.db
      .selectFrom('users')
      .select('username')
      .where('username', 'like', 'smoke_%')
      .execute();
    expect(users).toEqual([]);
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
