import { createDb } from '@stockscan/db';
import { openTestDb, type TestDb } from '@stockscan/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createMailer } from '../src/integrations/sendgrid';
import { buildServer } from '../src/server';
import { registerBar, trpcAt } from './client';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

const template = inject('dbTemplate');
const errorLogs: string[] = [];

describe.runIf(template.engine === 'postgres')('PostgreSQL goes away during load', () => {
  let testDb: TestDb;
  let proxy: TcpProxy;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    testDb = await openTestDb(template);
    const direct = new URL(testDb.url!);
    proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    const config = loadConfig({
      APP_SECRET: 'resilience-secret-resilience-secret-0123',
      DATABASE_URL: viaProxy.toString(),
      LOG_LEVEL: 'silent',
    });
    const { db } = await createDb({ databaseUrl: config.databaseUrl, poolMax: 10 });
    const app = await buildServer(
      config,
      { db, stripe: null, openai: null, mailer: createMailer(config), now: () => new Date() },
      { logger: { level: 'error', stream: { write: (line: string) => errorLogs.push(line) } } },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = async () => {
      await app.close();
      await db.destroy();
    };
  });
  afterAll(async () => {
    await close?.();
    await proxy?.close();
    await testDb?.drop();
  });

  it('fails fast with 503 DB_UNAVAILABLE, recovers without a restart, and loses no acknowledged count', async () => {
    const bar = await registerBar(url);
    const trpc = trpcAt(url, bar.access);
    const products: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { product } = await trpc.inventory.products.create.mutate({
        service_id: bar.serviceId,
        name: `Bouteille ${i}`,
        unit: 'pcs',
      });
      products.push(product.id);
    }
    const month = new Date().toISOString().slice(0, 7);
    const acknowledged = new Map<string, number>();
    const outcomes: { phase: string; status: number; ms: number; code?: string }[] = [];
    let phase = 'before';
    let seq = 0;

    const worker = async () => {
      while (phase !== 'done') {
        seq += 1;
        const productId = products[seq % products.length]!;
        const quantity = seq;
        const started = performance.now();
        const res = await fetch(`${url}/trpc/inventory.counts.upsert`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${bar.access}` },
          body: JSON.stringify({
            service_id: bar.serviceId,
            month,
            lines: [{ product_id: productId, quantity }],
          }),
        }).catch(() => null);
        const ms = performance.now() - started;
        if (!res) {
          outcomes.push({ phase, status: 0, ms });
          continue;
        }
        const body = (await res.json()) as { error?: { data?: { code?: string } } };
        outcomes.push({
          phase,
          status: res.status,
          ms,
          ...(body.error?.data?.code ? { code: body.error.data.code } : {}),
        });
        if (res.status === 200)
          acknowledged.set(productId, Math.max(acknowledged.get(productId) ?? 0, quantity));
        if (phase === 'down') await new Promise((r) => setTimeout(r, 20));
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await new Promise((r) => setTimeout(r, 1_500));
    phase = 'down';
    proxy.cut();
    await new Promise((r) => setTimeout(r, 3_000));
    proxy.restore();
    phase = 'after';
    await new Promise((r) => setTimeout(r, 2_000));
    phase = 'done';
    await Promise.all(workers);

    const down = outcomes.filter((o) => o.phase === 'down' && o.status !== 200);
    const after = outcomes.filter((o) => o.phase === 'after');
    const p95 = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;
    console.log(
      `outage: ${outcomes.filter((o) => o.phase === 'before').length} ok before, ${down.length} refused while down ` +
        `(p95 ${p95(down.map((o) => o.ms)).toFixed(0)} ms), ${after.filter((o) => o.status === 200).length}/${after.length} ok after`,
    );
    expect(down.length).toBeGreaterThan(0);
    if (down.some((o) => o.status !== 503)) console.log(errorLogs.slice(0, 2).join('\n'));
    for (const o of down) expect(o).toMatchObject({ status: 503, code: 'DB_UNAVAILABLE' });
    expect(p95(down.map((o) => o.ms))).toBeLessThan(2_000);
    expect(after.filter((o) => o.status === 200).length).toBeGreaterThan(0);
    expect(after.slice(-10).every((o) => o.status === 200)).toBe(true);

    const stored = await testDb.db
      .selectFrom('counts')
      .select(['product_id', 'quantity'])
      .where('inventory_month', '=', month)
      .execute();
    const storedBy = new Map(stored.map((r) => [r.product_id, r.quantity]));
    for (const [productId, quantity] of acknowledged)
      expect(storedBy.get(productId)).toBeGreaterThanOrEqual(quantity);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
  });
});
