import { openTestDb, type TestDb } from '@stockscan/db/testing';
import { type FakeServer, startFakeServer } from '@stockscan/testing/fake-http';
import { type ServerProcess, startServerProcess } from '@stockscan/testing/server-process';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { postJson, registerBar, trpcAt } from './client';

const template = inject('dbTemplate');

const WEBHOOK_SECRET = 'whsec_two_instances';
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Request i goes to instance i % 2: every scenario is split across both. */
const pick = <T>(pair: readonly [T, T], i: number): T => pair[i % 2] as T;

describe.runIf(template.engine === 'postgres')('two API instances on one PostgreSQL database', () => {
  let testDb: TestDb;
  let stripeFake: FakeServer;
  let servers: [ServerProcess, ServerProcess];
  let urls: [string, string];

  beforeAll(async () => {
    testDb = await openTestDb(template);
    stripeFake = await startFakeServer();
    const env = {
      DATABASE_URL: testDb.url!,
      TRIAL_DAYS: '0',
      STRIPE_API_KEY: 'sk_test_two_instances',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE_URL: stripeFake.url,
      STRIPE_PRICE_BOUTIQUE_MONTHLY: 'price_boutique_monthly',
      STRIPE_PRICE_BOUTIQUE_YEARLY: 'price_boutique_yearly',
      STRIPE_PRICE_PRO_MONTHLY: 'price_pro_monthly',
      STRIPE_PRICE_PRO_YEARLY: 'price_pro_yearly',
      // The quota case fires 5 exports of one tenant at once: the concurrency cap (429) must not answer before the quota.
      EXPORT_MAX_CONCURRENT: '10',
      EXPORT_MAX_CONCURRENT_INSTANCE: '10',
    };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    urls = [servers[0].url, servers[1].url];
  });
  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await stripeFake?.close();
    await testDb?.drop();
  });

  it('login brute force: 10 failures alternated across both → the 11th answers 429 with Retry-After on either', async () => {
    const bar = await registerBar(urls[0]);
    const login = (i: number, password: string) =>
      postJson(`${pick(urls, i)}/api/auth/login/`, { username: bar.username, password });

    const failures = [];
    for (let i = 0; i < 10; i++) failures.push(await login(i, 'wrong-password-1'));
    const eleventh = await login(10, 'wrong-password-1');
    const twelfth = await login(11, 'wrong-password-1');
    const rightPassword = await login(12, bar.password);

    expect(failures.map((r) => [r.status, (r.body as { code: string }).code])).toEqual(
      Array(10).fill([401, 'INVALID_CREDENTIALS']),
    );
    for (const limited of [eleventh, twelfth, rightPassword]) {
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ code: 'RATE_LIMITED' });
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }
    const user = await testDb.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', bar.username)
      .executeTakeFirstOrThrow();
    const counter = await testDb.db
      .selectFrom('rate_limits')
      .select('hits')
      .where('key', '=', `login:account:${user.id}`)
      .execute();
    expect(counter.map((r) => r.hits)).toEqual([13]);
  });

  it('quota: an ESSENTIEL tenant with one xlsx export left → 5 concurrent exports on both → one file, four 403', async () => {
    const bar = await registerBar(urls[1]);
    await trpcAt(urls[0], bar.access).inventory.products.create.mutate({
      service_id: bar.serviceId,
      name: 'Bière blonde 33 cl',
      unit: 'pcs',
    });
    const before = await fetch(`${urls[0]}/api/auth/me/org/entitlements`, {
      headers: { authorization: `Bearer ${bar.access}` },
    }).then((r) => r.json());
    expect(before).toMatchObject({
      plan_effective: 'ESSENTIEL',
      trial: null,
      limits: { exports_xlsx_month: 1 },
      usage: { exports_xlsx_month: 0 },
    });

    const month = new Date().toISOString().slice(0, 7);
    const responses = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const res = await fetch(
          `${pick(urls, i)}/api/export-excel/?service=${bar.serviceId}&month=${month}&format=xlsx`,
          { headers: { authorization: `Bearer ${bar.access}` } },
        );
        const bytes = Buffer.from(await res.arrayBuffer());
        return { instance: i % 2, status: res.status, headers: res.headers, bytes };
      }),
    );

    const files = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status !== 200);
    expect(files).toHaveLength(1);
    expect(files[0]!.headers.get('content-disposition')).toMatch(
      /^attachment; filename="inventaire_.*\.xlsx"$/,
    );
    expect(files[0]!.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(JSON.parse(r.bytes.toString('utf8'))).toMatchObject({ code: 'LIMIT_EXPORT_XLSX_MONTH' });
    }
    // Each instance took at least two of the five, so each refused at least one: the ledger is shared.
    expect(new Set(refused.map((r) => r.instance))).toEqual(new Set([0, 1]));
    const ledger = await testDb.db
      .selectFrom('usage_events')
      .select(['kind', 'user_id'])
      .where('tenant_id', '=', bar.tenantId)
      .execute();
    expect(ledger).toEqual([{ kind: 'export_xlsx', user_id: expect.any(String) }]);
  });

  it('webhook: the same signed event posted 12 times across both → all 200, one stripe_events row, one change', async () => {
    const bar = await registerBar(urls[0]);
    const customer = `cus_two_${bar.tenantId.slice(0, 8)}`;
    await testDb.db
      .updateTable('tenants')
      .set({ stripe_customer_id: customer })
      .where('id', '=', bar.tenantId)
      .execute();
    const now = new Date();
    const periodEnd = new Date(now.getTime() + 30 * 86_400_000);
    const subscription = {
      id: 'sub_two_instances',
      object: 'subscription',
      customer,
      status: 'active',
      metadata: {},
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      created: seconds(now),
      trial_end: null,
      items: {
        object: 'list',
        has_more: false,
        data: [
          {
            id: 'si_two_instances',
            object: 'subscription_item',
            price: { id: 'price_pro_monthly', object: 'price' },
            quantity: 1,
            current_period_start: seconds(now),
            current_period_end: seconds(periodEnd),
          },
        ],
      },
    };
    stripeFake.handle((req) =>
      req.method === 'GET' && req.path === `/v1/subscriptions/${subscription.id}`
        ? { json: subscription }
        : { status: 404, json: { error: { type: 'invalid_request_error', message: `No such ${req.path}` } } },
    );
    const event = {
      id: `evt_two_instances_${bar.tenantId.slice(0, 8)}`,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: seconds(now),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'customer.subscription.created',
      data: { object: subscription },
    };
    const payload = JSON.stringify(event);
    const signature = new Stripe('sk_test_signer').webhooks.generateTestHeaderString({
      payload,
      secret: WEBHOOK_SECRET,
    });

    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fetch(`${pick(urls, i)}/api/auth/billing/webhook/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': signature },
          body: payload,
        }),
      ),
    );

    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { idempotent?: true }[];
    expect(bodies.filter((b) => b.idempotent === true)).toHaveLength(11);
    expect(bodies.filter((b) => b.idempotent === undefined)).toEqual([{ received: true }]);
    const stored = await testDb.db
      .selectFrom('stripe_events')
      .select(['event_id', 'type'])
      .where('event_id', '=', event.id)
      .execute();
    expect(stored).toEqual([{ event_id: event.id, type: 'customer.subscription.created' }]);
    // Stripe is read before the tenant row is locked (#20 item 7): one read per instance at most, shared in-process.
    const reads = stripeFake.requests.filter((r) => r.path === `/v1/subscriptions/${subscription.id}`);
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.length).toBeLessThanOrEqual(servers.length);
    const changes = await testDb.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', bar.tenantId)
      .where('action', 'like', 'billing.%')
      .execute();
    expect(changes).toEqual([{ action: 'billing.subscription_changed' }]);
    const tenant = await testDb.db
      .selectFrom('tenants')
      .select([
        'plan_code',
        'plan_source',
        'subscription_status',
        'stripe_subscription_id',
        'license_expires_at',
      ])
      .where('id', '=', bar.tenantId)
      .executeTakeFirstOrThrow();
    expect(tenant).toEqual({
      plan_code: 'PRO',
      plan_source: 'PAID',
      subscription_status: 'ACTIVE',
      stripe_subscription_id: subscription.id,
      license_expires_at: new Date(seconds(periodEnd) * 1000),
    });
  });
});
