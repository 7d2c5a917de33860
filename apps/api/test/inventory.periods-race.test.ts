/**
 * Closing a month while people are still counting (SPEC §11, issue #16): a count acknowledged with 200 is in
 * the closed month, and nothing is written after the close commits. PostgreSQL only (PGlite has one
 * connection, so nothing runs concurrently there).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });
const onPostgres = t.testDb.engine === 'postgres';

interface Answer {
  status: number;
  code: string | null;
  /** performance.now() when the answer arrived. */
  at: number;
}

/** One tRPC mutation over plain HTTP (no batching: each call is its own request and transaction). */
async function mutate(token: string, path: string, input: unknown): Promise<Answer> {
  const response = await fetch(`${t.url}/trpc/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { error?: { data?: { code?: string } } };
  return { status: response.status, code: body.error?.data?.code ?? null, at: performance.now() };
}

/** Waits until `n` backends of this database wait on a lock (the requests reached the point under test). */
async function lockWaits(n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(t.db);
    if ((rows[0]?.n ?? 0) >= n) return;
    await sleep(25);
  }
  throw new Error(`expected ${n} requests waiting on a lock`);
}

async function seedProducts(f: TenantFixture, n: number): Promise<string[]> {
  const rows = await t.db
    .insertInto('products')
    .values(
      Array.from({ length: n }, (_, i) => ({
        tenant_id: f.tenantId,
        service_id: f.services[0]!.id,
        name: `Produit ${String(i).padStart(3, '0')}`,
        unit: 'pcs' as const,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

const closeAudit = async (tenantId: string) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select('meta')
      .where('tenant_id', '=', tenantId)
      .where('action', '=', 'period.close')
      .execute()
  ).map((r) => r.meta);

const monthCounts = (tenantId: string) =>
  t.db
    .selectFrom('counts')
    .select(['product_id', 'quantity'])
    .where('tenant_id', '=', tenantId)
    .where('inventory_month', '=', MONTH)
    .execute();

describe.runIf(onPostgres)('closing a month while counts are written', () => {
  it('a count in flight when the close arrives: the close waits for it, and it is in the closed month', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [first, late] = await seedProducts(f, 2);
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const upsert = (product_id: string) =>
      mutate(operator.token, 'inventory.counts.upsert', {
        service_id,
        month: MONTH,
        lines: [{ product_id, quantity: 3 }],
      });
    expect((await upsert(first!)).status).toBe(200);

    // Given: a count write held inside its transaction, after it checked the month (its insert waits on a
    // table lock we hold).
    const { write, close, closedEarly } = await t.db.transaction().execute(async (trx) => {
      await sql`lock table counts in share mode`.execute(trx);
      const write = upsert(late!);
      await lockWaits(1);
      // When: the month is closed meanwhile.
      const close = mutate(f.owner.token, 'inventory.periods.close', { service_id, month: MONTH });
      await lockWaits(2);
      let settled = false;
      void close.then(() => {
        settled = true;
      });
      await sleep(150);
      return { write, close, closedEarly: settled };
    });

    // Then: the close waited for the write, which was acknowledged first and is in the closed month.
    expect(closedEarly).toBe(false);
    const [written, closed] = await Promise.all([write, close]);
    expect(written).toMatchObject({ status: 200 });
    expect(closed).toMatchObject({ status: 200 });
    expect(written.at).toBeLessThan(closed.at);
    expect((await monthCounts(f.tenantId)).map((c) => c.product_id).sort()).toEqual([first, late].sort());
    expect(await closeAudit(f.tenantId)).toEqual([{ month: MONTH, lines: 2, products: 2 }]);
  });

  it('a count arriving while the close is in flight waits for it, then is refused (409) and not written', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [product] = await seedProducts(f, 1);
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);

    // Given: a close held inside its transaction after it took the month (its audit row waits on our lock);
    // the month has no row yet, so the close is the one creating it.
    const { write, close } = await t.db.transaction().execute(async (trx) => {
      await sql`lock table audit_log in share mode`.execute(trx);
      const close = mutate(f.owner.token, 'inventory.periods.close', { service_id, month: MONTH });
      await lockWaits(1);
      // When: a count arrives.
      const write = mutate(operator.token, 'inventory.counts.upsert', {
        service_id,
        month: MONTH,
        lines: [{ product_id: product, quantity: 5 }],
      });
      await lockWaits(2);
      return { write, close };
    });

    // Then: refused once the close committed; nothing written.
    const [closed, refused] = await Promise.all([close, write]);
    expect(closed).toMatchObject({ status: 200 });
    expect(refused).toMatchObject({ status: 409, code: 'MONTH_CLOSED' });
    expect(await monthCounts(f.tenantId)).toEqual([]);
    expect(await closeAudit(f.tenantId)).toEqual([{ month: MONTH, lines: 0, products: 0 }]);
  });

  it('four people counting while the manager closes: every 200 is in the closed month, every write after it is 409', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const products = await seedProducts(f, 400);
    const counters = await Promise.all(
      Array.from({ length: 4 }, () => addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW)),
    );
    let next = 0;
    let acknowledged = 0;
    let closeAnsweredAt = Number.POSITIVE_INFINITY;
    const answers: (Answer & { product: string; sentAt: number })[] = [];

    // Each counter writes one new product per request until a request sent after the close is refused.
    const counting = counters.map(async (counter) => {
      let done = false;
      while (!done && next < products.length) {
        const product = products[next++] as string;
        const sentAt = performance.now();
        const answer = await mutate(counter.token, 'inventory.counts.upsert', {
          service_id,
          month: MONTH,
          lines: [{ product_id: product, quantity: 1 }],
        });
        answers.push({ ...answer, product, sentAt });
        if (answer.status === 200) acknowledged += 1;
        else done = sentAt > closeAnsweredAt;
      }
    });
    while (acknowledged < 40) await sleep(5);
    const closed = await mutate(f.owner.token, 'inventory.periods.close', { service_id, month: MONTH });
    closeAnsweredAt = closed.at;
    await Promise.all(counting);

    expect(closed.status).toBe(200);
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.length).toBeGreaterThanOrEqual(4);
    for (const r of refused) expect(r).toMatchObject({ status: 409, code: 'MONTH_CLOSED' });
    // Every acknowledged count is in the month, and nothing else is.
    const stored = (await monthCounts(f.tenantId)).map((c) => c.product_id).sort();
    expect(stored).toEqual(ok.map((a) => a.product).sort());
    // The close saw exactly those: none was written after it committed.
    expect(await closeAudit(f.tenantId)).toEqual([{ month: MONTH, lines: ok.length, products: ok.length }]);
    // No 200 for a request sent after the close was answered.
    expect(ok.filter((a) => a.sentAt > closeAnsweredAt)).toEqual([]);
    expect(refused.filter((a) => a.sentAt > closeAnsweredAt).length).toBeGreaterThan(0);
  });
});
