/**
 * Tenant isolation over the whole API surface: every tRPC procedure of appRouter and every route the server
 * registered must have at least one case in apps/api/test/isolation/<domain>.cases.ts, and every case must
 * hold (see the header of apps/api/test/isolation/harness.ts for how to write one).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../src/router';
import { buildIsolationFixture, snapshotTenant } from './isolation/fixture';
import {
  callLog,
  domainOf,
  type IsolationCase,
  makeCaller,
  reached,
  resetCallLog,
  routeMatcher,
  settle,
} from './isolation/harness';
import { startTestApp } from './test-server';

const here = dirname(fileURLToPath(import.meta.url));
const CASES_DIR = join(here, 'isolation');

async function loadCases(): Promise<(IsolationCase & { file: string })[]> {
  const files = readdirSync(CASES_DIR)
    .filter((file) => file.endsWith('.cases.ts'))
    .sort();
  const all: (IsolationCase & { file: string })[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(CASES_DIR, file)).href)) as { cases?: IsolationCase[] };
    if (!Array.isArray(module.cases)) throw new Error(`${file} must export const cases: IsolationCase[]`);
    for (const c of module.cases) all.push({ ...c, file });
  }
  return all;
}

const t = await startTestApp();
const fx = await buildIsolationFixture(t);
const cases = await loadCases();

// Transport plumbing, not API: tRPC's own routes (each procedure is listed from appRouter), HEAD/OPTIONS twins.
const IGNORED_METHODS = new Set(['HEAD', 'OPTIONS']);
const isPlumbing = (url: string) => url === '/trpc' || url.startsWith('/trpc/');

const procedures = Object.keys(appRouter._def.procedures).sort();
const routes = [
  ...new Set(
    t.routes
      .filter((r) => !IGNORED_METHODS.has(r.method) && !isPlumbing(r.url))
      .map((r) => `${r.method} ${r.url}`),
  ),
].sort();

describe('tenant isolation: coverage', () => {
  it('finds the API surface (sanity)', () => {
    expect(procedures).toContain('services.update');
    expect(routes).toContain('PATCH /api/auth/services/:id/');
  });

  it('every tRPC procedure and REST route has an isolation case', () => {
    const covered = new Set(cases.map((c) => `${c.kind} ${c.path}`));
    const missing = [
      ...procedures.filter((p) => !covered.has(`trpc ${p}`)).map((p) => ({ kind: 'trpc' as const, path: p })),
      ...routes.filter((r) => !covered.has(`rest ${r}`)).map((r) => ({ kind: 'rest' as const, path: r })),
    ].map(
      ({ kind, path }) =>
        `${kind === 'trpc' ? 'tRPC' : 'REST'} ${path}: add an isolation case in apps/api/test/isolation/${domainOf(kind, path)}.cases.ts`,
    );
    expect(missing, `uncovered:\n${missing.join('\n')}`).toEqual([]);
  });

  it('every case names a procedure or route that exists', () => {
    const stale = cases
      .filter((c) => (c.kind === 'trpc' ? !procedures.includes(c.path) : !routes.includes(c.path)))
      .map((c) => `${c.file}: ${c.kind} ${c.path}`);
    expect(stale).toEqual([]);
  });
});

/** Runs one case and returns what went wrong (empty = the case holds). */
async function problemsOf(c: IsolationCase): Promise<string[]> {
  const problems: string[] = [];
  const before = await snapshotTenant(t.db, fx.a.tenantId);
  resetCallLog();
  const outcome = await settle(c.call(fx));
  const callers = [...callLog.callers];
  const answer = `${outcome.status} ${outcome.text.slice(0, 300)}`;

  if (!reached(c))
    problems.push(
      `did not call ${c.path} (called ${JSON.stringify(callLog.trpc.concat(callLog.rest.map((r) => `${r.method} ${r.path}`)))})`,
    );
  if (outcome.status >= 500) problems.push(`server error: ${answer}`);
  if (c.expect === 404 && (outcome.status !== 404 || outcome.code !== 'NOT_FOUND'))
    problems.push(`expected 404 NOT_FOUND, got ${answer}`);
  if (c.expect === 403 && outcome.status !== 403) problems.push(`expected 403, got ${answer}`);
  for (const caller of callers)
    for (const secret of caller.forbidden)
      if (outcome.text.includes(secret)) problems.push(`${caller.label} read "${secret}"`);

  const mayWriteA =
    callers.some((caller) => caller.memberOfA) && (c.expect === 'own-tenant-only' || c.expect === 'public');
  if (!mayWriteA && (await snapshotTenant(t.db, fx.a.tenantId)) !== before)
    problems.push('tenant A was modified');
  return problems;
}

describe('tenant isolation: cases', () => {
  for (const c of cases) {
    const title = `${c.kind} ${c.path} → ${c.expect}${c.name ? ` (${c.name})` : ''} [${c.file}]`;
    it(title, async () => {
      expect(await problemsOf(c)).toEqual([]);
    });
  }
});

describe('tenant isolation: harness', () => {
  it('matches concrete urls to route patterns', () => {
    expect(routeMatcher('/api/auth/services/:id/').test('/api/auth/services/abc/')).toBe(true);
    expect(routeMatcher('/api/auth/services/:id/').test('/api/auth/services/')).toBe(false);
    expect(routeMatcher('/api/auth/services/').test('/api/auth/servicesX/')).toBe(false);
  });

  it('catches a case that misses its path, a leak, a wrong status and a write to tenant A', async () => {
    const missed: IsolationCase = {
      kind: 'rest',
      path: 'PATCH /api/auth/services/:id/',
      expect: 404,
      call: (f) => f.b.owner.rest('PATCH', '/api/auth/no-such-route/', {}),
    };
    expect(await problemsOf(missed)).toEqual([
      expect.stringContaining('did not call PATCH /api/auth/services/:id/'),
    ]);

    // A's owner token in the shoes of an outsider: it reads A's names and renames A's service.
    const intruder = makeCaller(t, 'intruder', fx.a.owner.token, ['Alpha Cuisine']);
    const rename: IsolationCase = {
      kind: 'trpc',
      path: 'services.update',
      expect: 404,
      call: () =>
        intruder.trpc.services.update.mutate({ id: fx.a.scoped.serviceId, name: 'Alpha Cuisine 2' }),
    };
    try {
      const problems = await problemsOf(rename);
      expect(problems).toEqual([
        expect.stringContaining('expected 404 NOT_FOUND, got 200'),
        'intruder read "Alpha Cuisine"',
        'tenant A was modified',
      ]);
    } finally {
      await t.db
        .updateTable('services')
        .set({ name: fx.a.scoped.serviceName })
        .where('id', '=', fx.a.scoped.serviceId)
        .execute();
    }
  });

  it('names the case file of each domain', () => {
    expect(domainOf('trpc', 'services.update')).toBe('tenants');
    expect(domainOf('trpc', 'inventory.products.get')).toBe('inventory');
    expect(domainOf('rest', 'POST /api/auth/memberships/')).toBe('members');
    expect(domainOf('rest', 'GET /api/auth/me/org/entitlements')).toBe('entitlements');
    expect(domainOf('rest', 'DELETE /api/auth/delete-account/')).toBe('auth');
  });
});
