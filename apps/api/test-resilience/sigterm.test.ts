import { openTestDb, type TestDb } from '@stockscan/db/testing';
import { type ServerProcess, startServerProcess } from '@stockscan/testing/server-process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerBar } from './client';
import { type RawOutcome, rawRequest } from './raw-http';

const template = inject('dbTemplate');

const BATCHES = 20;
const LINES = 500;
/** main.ts forces exit(1) after this long; a clean drain must finish well before. */
const DRAIN_TIMEOUT_MS = 25_000;

/** The n months before the current one (UTC), newest first: one month per batch, checked separately. */
function pastMonths(n: number): string[] {
  const now = new Date();
  return Array.from({ length: n }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 1)).toISOString().slice(0, 7),
  );
}

const quantityOf = (batch: number, line: number) => batch * 1000 + line;

describe.runIf(template.engine === 'postgres')('SIGTERM during load', () => {
  let testDb: TestDb;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    testDb = await openTestDb(template);
  });
  afterAll(async () => {
    await server?.stop();
    await testDb?.drop();
  });

  it('finishes every accepted request with 200, refuses new connections, exits 0, loses no acknowledged count', async () => {
    // Given: the built server (debug logs: one "incoming request" line per accepted request, written at once) and a bar of 500 products.
    server = await startServerProcess({ DATABASE_URL: testDb.url!, LOG_LEVEL: 'debug' });
    const bar = await registerBar(server.url);
    const products = await testDb.db
      .insertInto('products')
      .values(
        Array.from({ length: LINES }, (_, i) => ({
          tenant_id: bar.tenantId,
          service_id: bar.serviceId,
          name: `Bouteille ${String(i).padStart(3, '0')}`,
          unit: 'pcs' as const,
        })),
      )
      .returning('id')
      .execute();
    const months = pastMonths(BATCHES);
    const accepted = () =>
      server!.logs
        .join('')
        .split('\n')
        .filter((line) => line.includes('"msg":"incoming request"'))
        .filter((line) => line.includes('"url":"/trpc/inventory.counts.upsert"')).length;

    // When: 20 concurrent 500-line batches, each on its own connection; SIGTERM once the server accepted them all.
    let answered = 0;
    const batches = months.map((month, b) =>
      rawRequest(`${server!.url}/trpc/inventory.counts.upsert`, {
        token: bar.access,
        json: {
          service_id: bar.serviceId,
          month,
          lines: products.map((p, i) => ({ product_id: p.id, quantity: quantityOf(b, i) })),
        },
      }).then((outcome) => {
        answered += 1;
        return outcome;
      }),
    );
    const acceptDeadline = Date.now() + 10_000;
    while (accepted() < BATCHES && Date.now() < acceptDeadline) await new Promise((r) => setTimeout(r, 5));
    expect(accepted()).toBe(BATCHES);
    const inFlightAtSigterm = BATCHES - answered;
    const signalledAt = performance.now();
    server.child.kill('SIGTERM');

    // …and keeps knocking with new connections while it drains.
    const probes: { ms: number; outcome: RawOutcome; exited: boolean }[] = [];
    let exited = false;
    const exitCode = server.exited.then((code) => {
      exited = true;
      return code;
    });
    const prober = (async () => {
      // Knock only once the server has taken the signal (under CI load, delivery can lag the kill() call).
      while (!exited && !server!.logs.join('').includes('SIGTERM: finishing in-flight requests'))
        await new Promise((r) => setTimeout(r, 5));
      while (!exited) {
        const outcome = await rawRequest(`${server!.url}/health`, { timeoutMs: 5_000 });
        probes.push({ ms: performance.now() - signalledAt, outcome, exited });
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const code = await exitCode;
    const drainMs = performance.now() - signalledAt;
    await prober;
    const outcomes = await Promise.all(batches);

    // Then: every accepted batch answered 200 with all its lines applied…
    const probesWhileDraining = probes.filter((p) => !p.exited);
    console.log(
      `sigterm: ${inFlightAtSigterm}/${BATCHES} batches in flight at SIGTERM, drained and exited ${code} in ` +
        `${drainMs.toFixed(0)} ms; ${probesWhileDraining.length} new connections while draining → ` +
        `${[...new Set(probesWhileDraining.map((p) => p.outcome.error ?? p.outcome.status))].join(', ')}`,
    );
    expect(inFlightAtSigterm).toBeGreaterThan(0);
    expect(outcomes.map((o) => o.error ?? o.status)).toEqual(Array(BATCHES).fill(200));
    for (const o of outcomes) expect(o.body).toMatchObject({ result: { data: { applied: LINES } } });
    // …new connections were refused (or told 503) while it drained…
    expect(probesWhileDraining.length).toBeGreaterThan(0);
    // (a connection torn down as the process exits — reset — is a refusal too)
    for (const p of probesWhileDraining)
      expect(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 503]).toContain(p.outcome.error ?? p.outcome.status);
    // …the process exited cleanly within the drain timeout…
    expect(code).toBe(0);
    expect(drainMs).toBeLessThan(DRAIN_TIMEOUT_MS);
    expect(server.logs.join('')).toContain('SIGTERM: finishing in-flight requests');
    // …and the database holds every acknowledged count.
    const stored = await testDb.db
      .selectFrom('counts')
      .select([
        'inventory_month',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('quantity').as('total'),
      ])
      .where('tenant_id', '=', bar.tenantId)
      .groupBy('inventory_month')
      .orderBy('inventory_month', 'desc')
      .execute();
    const expectedTotal = (b: number) =>
      Array.from({ length: LINES }, (_, i) => quantityOf(b, i)).reduce((a, q) => a + q, 0);
    expect(stored.map((r) => ({ month: r.inventory_month, n: Number(r.n), total: Number(r.total) }))).toEqual(
      months.map((month, b) => ({ month, n: LINES, total: expectedTotal(b) })),
    );
  });
});
