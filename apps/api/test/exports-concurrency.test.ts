import { type ClientRequest, request as httpRequest } from 'node:http';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

/**
 * #20 item 6: a streamed export holds a database connection while it runs (up to 60 s when its client
 * stalls); ~10 slow downloads took every connection and everybody got 503. Now a tenant runs
 * EXPORT_MAX_CONCURRENT exports at once and the instance EXPORT_MAX_CONCURRENT_INSTANCE, on their own pool:
 * with the export pool full of stalled exports, login and counting still answer.
 *
 * A stalled export is made deterministic without megabytes of data: the loss summary an advanced xlsx ends
 * with waits on a lock the test holds on loss_events (which login and counting never read), so each export
 * has sent its headers and part of its file and sits on an export-pool connection until the test lets go.
 */

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({
  now: NOW,
  env: { EXPORT_MAX_CONCURRENT: '2', EXPORT_MAX_CONCURRENT_INSTANCE: '3', DB_POOL_MAX: '3' },
});

async function countedTenant() {
  const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
  const serviceId = f.services[0]!.id;
  await sql`insert into products (tenant_id, service_id, name, unit, purchase_price)
    select ${f.tenantId}, ${serviceId}, 'Produit ' || g, 'pcs', 1.5 from generate_series(1, 300) g`.execute(
    t.db,
  );
  await sql`insert into counts (tenant_id, service_id, product_id, inventory_month, quantity)
    select ${f.tenantId}, ${serviceId}, id, ${MONTH}, 3 from products where service_id = ${serviceId}`.execute(
    t.db,
  );
  return { ...f, serviceId };
}

/** Holds loss_events locked (on a connection of neither server pool) until the returned release is called. */
async function stallExportSummaries(): Promise<() => Promise<void>> {
  let release: () => void = () => {};
  let locked: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const done = t.testDb.db.transaction().execute(async (tx) => {
    await sql`lock table loss_events in access exclusive mode`.execute(tx);
    locked();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  });
  await held;
  return async () => {
    release();
    await done;
  };
}

/** Server connections waiting for a lock on loss_events (the stalled exports' summaries). */
const stalledOnLock = {
  value: 0,
  count() {
    return this.value;
  },
  async refresh() {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks l
      join pg_class c on c.oid = l.relation where c.relname = 'loss_events' and not l.granted`.execute(
      t.testDb.db,
    );
    this.value = rows[0]?.n ?? 0;
  },
};

const open: ClientRequest[] = [];
afterAll(() => {
  for (const req of open) req.destroy();
});

/** Starts an xlsx download without reading its body: resolves with the status once the headers are in. */
function stalledDownload(token: string, serviceId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${t.url}/api/export-excel/?service=${serviceId}&month=${MONTH}`,
      { headers: { authorization: `Bearer ${token}` } },
      (res) => {
        res.pause();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
    open.push(req);
  });
}

async function waitFor(check: () => boolean, what: string) {
  for (let i = 0; i < 400; i++) {
    await stalledOnLock.refresh();
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const exportOf = (token: string, serviceId: string) =>
  t.request(`/api/export-excel/?service=${serviceId}&month=${MONTH}`, { token });

describe('streamed exports have their own share of connections', () => {
  it('stalled exports: 429 past the tenant’s and the instance’s share, while login and counting answer', async () => {
    const a = await countedTenant();
    const b = await countedTenant();
    const slots = t.deps.exportSlots;
    const letGo = await stallExportSummaries();

    // Two exports of tenant A start and stall (their status arrives with the first bytes).
    const stalledA = [
      stalledDownload(a.owner.token, a.serviceId),
      stalledDownload(a.owner.token, a.serviceId),
    ];
    await waitFor(() => slots.inFlight(a.tenantId) === 2, 'two exports of A running');
    await waitFor(() => stalledOnLock.count() >= 2, 'two exports of A waiting on the lock');

    const third = await exportOf(a.owner.token, a.serviceId);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('10');
    expect(await third.json()).toMatchObject({ code: 'RATE_LIMITED' });

    const stalledB = stalledDownload(b.owner.token, b.serviceId);
    await waitFor(() => slots.inFlight() === 3, 'three exports running');
    await waitFor(() => stalledOnLock.count() >= 3, 'three exports waiting on the lock');
    const overInstance = await exportOf(b.owner.token, b.serviceId);
    expect(overInstance.status).toBe(429);
    expect(await overInstance.json()).toMatchObject({ code: 'RATE_LIMITED' });

    // Every export-pool connection is held by a stalled export; the main pool (3) still serves everyone.
    const started = Date.now();
    const [me, screen, login, health] = await Promise.all([
      t.request('/api/auth/me/', { token: a.owner.token }),
      t
        .trpc(b.owner.token)
        .inventory.counts.screen.query({ service_id: b.serviceId, month: MONTH, limit: 5 }),
      t.request('/api/auth/login/', { json: { username: 'nobody-here', password: 'wrong password' } }),
      t.request('/health'),
    ]);
    expect(me.status).toBe(200);
    expect(screen.items).toHaveLength(5);
    expect(login.status).toBe(401);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(slots.inFlight()).toBe(3);

    // The stall ends: the exports finish, their slots come back, and the tenant exports again.
    await letGo();
    expect(await Promise.all([...stalledA, stalledB])).toEqual([200, 200, 200]);
    for (const req of open.splice(0)) req.destroy();
    await waitFor(() => slots.inFlight() === 0, 'the slots to be released');
    const again = await exportOf(a.owner.token, a.serviceId);
    expect(again.status).toBe(200);
    await again.arrayBuffer();
  });
});
