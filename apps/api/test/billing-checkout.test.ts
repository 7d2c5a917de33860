import { DAY_MS } from '@stockscan/entitlements';
import { stripeWorld } from '@stockscan/testing/fake-stripe';
import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture, type TenantFixtureOptions } from './fixtures';
import { startTestApp, type TestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });
const world = stripeWorld(t);
// Same database, other configurations.
const noStripe = await startTestApp({ now: NOW, testDb: t.testDb, env: { STRIPE_API_KEY: '' } });
const restricted = await startTestApp({
  now: NOW,
  testDb: t.testDb,
  env: { STRIPE_PORTAL_DISABLED: 'true', STRIPE_PRICE_PRO_YEARLY: '' },
});
stripeWorld(restricted);
const days = (n: number) => new Date(NOW.getTime() + n * DAY_MS);
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

beforeEach(() => {
  for (const app of [t, noStripe, restricted]) {
    app.clock.set(NOW);
    app.fakes.stripe.reset();
  }
});

const tenant = (options: TenantFixtureOptions = {}) =>
  createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL', now: NOW, ...options });

const tenantRow = (tenantId: string) =>
  t.db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirstOrThrow();

const auditActions = async (tenantId: string) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at')
      .execute()
  ).map((r) => r.action);

async function post(app: TestApp, path: string, token: string | undefined, json: unknown = {}) {
  const res = await app.request(path, { method: 'POST', json, ...(token ? { token } : {}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The `data` of a tRPC error (code, http_status, fields), or a failure when the call succeeded. */
async function trpcErrorOf(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error.data as Record<string, unknown>;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('POST /api/auth/billing/checkout/', () => {
  it('PRO monthly: creates the customer once, sends the PRO monthly price with tenant metadata, returns the URL', async () => {
    const f = await tenant({ name: 'Bistrot du Port' });

    const first = await post(t, '/api/auth/billing/checkout/', f.owner.token, {
      plan: 'PRO',
      cycle: 'MONTHLY',
    });

    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/),
    });
    const [customerCall] = world.requests('POST', '/v1/customers');
    expect(customerCall?.form.get('name')).toBe('Bistrot du Port');
    expect(customerCall?.form.get('email')).toBe(`${f.owner.username}@example.test`);
    expect(customerCall?.form.get('metadata[tenant_id]')).toBe(f.tenantId);
    const stored = await tenantRow(f.tenantId);
    expect(stored.stripe_customer_id).toMatch(/^cus_/);
    const [sessionCall] = world.requests('POST', '/v1/checkout/sessions');
    const form = sessionCall?.form;
    expect(Object.fromEntries(form ?? [])).toMatchObject({
      mode: 'subscription',
      customer: stored.stripe_customer_id,
      client_reference_id: f.tenantId,
      'line_items[0][price]': 'price_pro_monthly',
      'line_items[0][quantity]': '1',
      'metadata[tenant_id]': f.tenantId,
      'metadata[plan_code]': 'PRO',
      'metadata[billing_cycle]': 'MONTHLY',
      'subscription_data[metadata][tenant_id]': f.tenantId,
      'subscription_data[metadata][plan_code]': 'PRO',
      success_url: 'http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://app.test/billing/cancel',
    });
    expect(form?.has('subscription_data[trial_end]')).toBe(false);
    expect(first.body.url).toBe(world.sessions.get(String(first.body.url).split('/').pop() ?? '')?.url);

    const second = await post(t, '/api/auth/billing/checkout/', f.owner.token, {
      plan: 'PRO',
      cycle: 'YEARLY',
    });

    expect(second.status).toBe(200);
    expect(world.requests('POST', '/v1/customers')).toHaveLength(1);
    const sessionCalls = world.requests('POST', '/v1/checkout/sessions');
    expect(sessionCalls[1]?.form.get('customer')).toBe(stored.stripe_customer_id);
    expect(sessionCalls[1]?.form.get('line_items[0][price]')).toBe('price_pro_yearly');
    expect(await auditActions(f.tenantId)).toEqual([
      'billing.customer_created',
      'billing.checkout_started',
      'billing.checkout_started',
    ]);
  });

  it('accepts aliases in any case (tRPC): duo yearly → Boutique yearly price, MULTI → PRO monthly by default', async () => {
    const f = await tenant();
    const client = t.trpc(f.owner.token);

    await client.billing.checkout.mutate({ plan: 'duo', cycle: 'yearly' });
    await client.billing.checkout.mutate({ plan: 'MULTI' });

    expect(
      world.requests('POST', '/v1/checkout/sessions').map((r) => r.form.get('line_items[0][price]')),
    ).toEqual(['price_boutique_yearly', 'price_pro_monthly']);
    expect(world.requests('POST', '/v1/checkout/sessions')[0]?.form.get('metadata[plan_code]')).toBe(
      'BOUTIQUE',
    );
  });

  it.each([
    [{ plan: 'ESSENTIEL', cycle: 'MONTHLY' }, 'plan'],
    [{ plan: 'SOLO', cycle: 'MONTHLY' }, 'plan'],
    [{ plan: 'GOLD', cycle: 'MONTHLY' }, 'plan'],
    [{ cycle: 'MONTHLY' }, 'plan'],
    [{ plan: 'PRO', cycle: 'WEEKLY' }, 'cycle'],
  ])('%j → 400 VALIDATION_ERROR on %s, no Stripe call', async (body, field) => {
    const f = await tenant();

    const res = await post(t, '/api/auth/billing/checkout/', f.owner.token, body);

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_ERROR', fields: { [field]: expect.any(String) } });
    expect(t.fakes.stripe.requests).toHaveLength(0);
  });

  it('5 concurrent checkouts of a tenant without customer → one Stripe customer, stored once', async () => {
    const f = await tenant();

    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        post(t, '/api/auth/billing/checkout/', f.owner.token, { plan: 'BOUTIQUE', cycle: 'MONTHLY' }),
      ),
    );

    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(world.requests('POST', '/v1/customers')).toHaveLength(1);
    const stored = await tenantRow(f.tenantId);
    expect(
      new Set(world.requests('POST', '/v1/checkout/sessions').map((r) => r.form.get('customer'))),
    ).toEqual(new Set([stored.stripe_customer_id]));
  });

  it('during the trial: the subscription starts when the trial would have ended', async () => {
    const f = await tenant({ plan: 'PRO', plan_source: 'TRIAL', license_expires_at: days(10) });

    const res = await post(t, '/api/auth/billing/checkout/', f.owner.token, {
      plan: 'PRO',
      cycle: 'MONTHLY',
    });

    expect(res.status).toBe(200);
    const [call] = world.requests('POST', '/v1/checkout/sessions');
    expect(call?.form.get('subscription_data[trial_end]')).toBe(String(seconds(days(10))));
  });

  it('a newly registered tenant is on the TRIAL_PLAN for TRIAL_DAYS, and its checkout keeps those days', async () => {
    const registered = await t.request('/api/auth/register/', {
      json: {
        username: 'trial_owner',
        password: 'Sup3rSecret!',
        password_confirm: 'Sup3rSecret!',
        email: 'trial@example.test',
        tenant_name: 'Épicerie à l’essai',
        business_type: 'grocery',
        service_type: 'grocery_food',
        service_name: 'Épicerie',
        domain: 'food',
      },
    });
    expect(registered.status).toBe(201);
    const { access } = (await registered.json()) as { access: string };
    const trialEnd = days(t.config.trial.days);

    const entitlements = await t.trpc(access).entitlements.get.query();
    const res = await post(t, '/api/auth/billing/checkout/', access, { plan: 'BOUTIQUE', cycle: 'MONTHLY' });

    expect(entitlements).toMatchObject({
      plan_effective: 'PRO',
      plan_source: 'TRIAL',
      trial: { active: true, ends_at: trialEnd.toISOString() },
    });
    expect(res.status).toBe(200);
    const [call] = world.requests('POST', '/v1/checkout/sessions');
    expect(call?.form.get('subscription_data[trial_end]')).toBe(String(seconds(trialEnd)));
  });

  it('a trial ending in less than 48 h (Stripe’s minimum) is not passed on: billing starts now', async () => {
    const f = await tenant({ plan: 'PRO', plan_source: 'TRIAL', license_expires_at: days(1) });

    const res = await post(t, '/api/auth/billing/checkout/', f.owner.token, {
      plan: 'PRO',
      cycle: 'MONTHLY',
    });

    expect(res.status).toBe(200);
    expect(world.requests('POST', '/v1/checkout/sessions')[0]?.form.has('subscription_data[trial_end]')).toBe(
      false,
    );
  });

  it('a tenant with a live subscription → 409 CONFLICT (change plan in the portal), no Stripe call', async () => {
    const f = await tenant({ plan: 'BOUTIQUE', plan_source: 'PAID', subscription_status: 'ACTIVE' });
    await t.db
      .updateTable('tenants')
      .set({ stripe_customer_id: 'cus_live', stripe_subscription_id: 'sub_live' })
      .where('id', '=', f.tenantId)
      .execute();

    const res = await post(t, '/api/auth/billing/checkout/', f.owner.token, {
      plan: 'PRO',
      cycle: 'MONTHLY',
    });

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT' });
    expect(t.fakes.stripe.requests).toHaveLength(0);
  });

  it('a price id not configured → 503 STRIPE_PRICE_NOT_CONFIGURED naming the variable', async () => {
    const f = await tenant();

    const res = await post(restricted, '/api/auth/billing/checkout/', f.owner.token, {
      plan: 'PRO',
      cycle: 'YEARLY',
    });

    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      code: 'STRIPE_PRICE_NOT_CONFIGURED',
      detail: expect.stringContaining('STRIPE_PRICE_PRO_YEARLY'),
    });
    expect(restricted.fakes.stripe.requests).toHaveLength(0);
  });
});

describe('POST /api/auth/billing/portal/', () => {
  it('creates the missing customer and returns the portal URL with the settings return URL', async () => {
    const f = await tenant();

    const res = await post(t, '/api/auth/billing/portal/', f.owner.token);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      url: expect.stringMatching(/^https:\/\/billing\.stripe\.test\/p\/session\/bps_/),
    });
    const stored = await tenantRow(f.tenantId);
    const [call] = world.requests('POST', '/v1/billing_portal/sessions');
    expect(call?.form.get('customer')).toBe(stored.stripe_customer_id);
    expect(call?.form.get('return_url')).toBe('http://app.test/app/settings/billing');
    expect(world.requests('POST', '/v1/customers')).toHaveLength(1);
  });

  it('STRIPE_PORTAL_DISABLED=true → {url:null, disabled:true} and no Stripe call (REST and tRPC)', async () => {
    const f = await tenant();

    const res = await post(restricted, '/api/auth/billing/portal/', f.owner.token);
    const viaTrpc = await restricted.trpc(f.owner.token).billing.portal.mutate();

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ url: null, disabled: true });
    expect(viaTrpc).toEqual({ url: null, disabled: true });
    expect(restricted.fakes.stripe.requests).toHaveLength(0);
    expect((await tenantRow(f.tenantId)).stripe_customer_id).toBeNull();
  });
});

/** Checkout started, then paid at Stripe: the session is complete and points at an active subscription. */
async function paidCheckout(
  f: { tenantId: string; owner: { token: string } },
  options: { cancel_at_period_end?: boolean } = {},
) {
  const started = await post(t, '/api/auth/billing/checkout/', f.owner.token, {
    plan: 'PRO',
    cycle: 'MONTHLY',
  });
  const sessionId = String(started.body.url).split('/').pop() ?? '';
  const customer = (await tenantRow(f.tenantId)).stripe_customer_id ?? '';
  const subscriptionId = `sub_for_${sessionId}`;
  world.setSubscription(subscriptionId, {
    customer,
    status: 'active',
    price: 'price_pro_monthly',
    period_start: NOW,
    period_end: days(30),
    ...(options.cancel_at_period_end ? { cancel_at_period_end: true } : {}),
  });
  world.completeSession(sessionId, subscriptionId);
  t.fakes.stripe.reset();
  return { sessionId, subscriptionId };
}

describe('POST /api/auth/billing/sync/', () => {
  it('pulls the paid session: PRO / PAID / ACTIVE at once, as the webhook would', async () => {
    const f = await tenant();
    const { sessionId, subscriptionId } = await paidCheckout(f);

    const res = await post(t, '/api/auth/billing/sync/', f.owner.token, { session_id: sessionId });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      plan_effective: 'PRO',
      plan_code: 'PRO',
      plan_source: 'PAID',
      billing_cycle: 'MONTHLY',
      subscription_status: 'ACTIVE',
      renews_at: days(30).toISOString(),
      cancel_at: null,
      past_due: false,
      trial: null,
    });
    expect(world.requests('GET', `/v1/checkout/sessions/${sessionId}`)).toHaveLength(1);
    expect(world.requests('GET', `/v1/subscriptions/${subscriptionId}`)).toHaveLength(1);
    const entitlements = await t.trpc(f.owner.token).entitlements.get.query();
    expect(entitlements).toMatchObject({
      plan_effective: 'PRO',
      plan_source: 'PAID',
      subscription_status: 'ACTIVE',
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', f.tenantId)
      .where('action', '=', 'billing.subscription_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      user_id: f.owner.id,
      meta: { source: 'sync', checkout_session_id: sessionId },
    });
  });

  it('a subscription set to cancel at period end: no renewal date, cancel_at shown (tRPC)', async () => {
    const f = await tenant();
    const { sessionId } = await paidCheckout(f, { cancel_at_period_end: true });

    const status = await t.trpc(f.owner.token).billing.sync.mutate({ session_id: sessionId });

    expect(status).toMatchObject({
      subscription_status: 'ACTIVE',
      renews_at: null,
      cancel_at: days(30).toISOString(),
      expires_at: days(30).toISOString(),
    });
  });

  it('another tenant’s session → 403, nothing changes on either side', async () => {
    const payer = await tenant();
    const { sessionId, subscriptionId } = await paidCheckout(payer);
    const intruder = await tenant();
    const before = await tenantRow(intruder.tenantId);

    const res = await post(t, '/api/auth/billing/sync/', intruder.owner.token, { session_id: sessionId });

    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN' });
    expect(await tenantRow(intruder.tenantId)).toEqual(before);
    expect((await tenantRow(payer.tenantId)).subscription_status).toBe('NONE');
    expect(world.requests('GET', `/v1/subscriptions/${subscriptionId}`)).toHaveLength(0);
  });

  it('an unknown session → 404; an unpaid one → 200 with the state unchanged; no id → 400', async () => {
    const f = await tenant();
    const started = await post(t, '/api/auth/billing/checkout/', f.owner.token, {
      plan: 'PRO',
      cycle: 'MONTHLY',
    });
    const openSession = String(started.body.url).split('/').pop();

    const unknown = await post(t, '/api/auth/billing/sync/', f.owner.token, { session_id: 'cs_test_nope' });
    const unpaid = await post(t, '/api/auth/billing/sync/', f.owner.token, { session_id: openSession });
    const empty = await post(t, '/api/auth/billing/sync/', f.owner.token, {});

    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND' });
    expect(unpaid.status).toBe(200);
    expect(unpaid.body).toMatchObject({ plan_effective: 'ESSENTIEL', subscription_status: 'NONE' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { session_id: expect.any(String) },
    });
  });
});

describe('billing.status (tRPC)', () => {
  it('on our trial: days left and end, no renewal, buttons enabled', async () => {
    const f = await tenant({ plan: 'PRO', plan_source: 'TRIAL', license_expires_at: days(10) });

    const status = await t.trpc(f.owner.token).billing.status.query();

    expect(status).toEqual({
      plan_effective: 'PRO',
      plan_code: 'PRO',
      plan_source: 'TRIAL',
      billing_cycle: null,
      subscription_status: 'NONE',
      trial: { active: true, ends_at: days(10).toISOString(), days_left: 10 },
      renews_at: null,
      expires_at: days(10).toISOString(),
      cancel_at: null,
      past_due: false,
      grace_ends_at: null,
      checkout_enabled: true,
      portal_enabled: true,
    });
  });

  it('past due: the warning and when the grace ends', async () => {
    const f = await tenant({
      plan: 'PRO',
      plan_source: 'PAID',
      subscription_status: 'PAST_DUE',
      license_expires_at: days(-2),
    });
    await t.db
      .updateTable('tenants')
      .set({ grace_started_at: days(-2) })
      .where('id', '=', f.tenantId)
      .execute();

    const status = await t.trpc(f.owner.token).billing.status.query();

    expect(status).toMatchObject({
      plan_effective: 'PRO',
      past_due: true,
      grace_ends_at: days(5).toISOString(),
      renews_at: null,
    });
  });
});

describe('who may call billing', () => {
  it('managers and service-scoped operators → 403 FORBIDDEN_ROLE on every billing call; no token → 401', async () => {
    const f = await tenant({ services: [{ name: 'Bar', service_type: 'bar' }] });
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager', null, NOW);
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', f.services[0]?.id, NOW);

    for (const member of [manager, operator]) {
      for (const path of ['checkout', 'portal', 'sync']) {
        const res = await post(t, `/api/auth/billing/${path}/`, member.token, {
          plan: 'PRO',
          cycle: 'MONTHLY',
          session_id: 'cs_x',
        });
        expect([path, res.status, res.body.code]).toEqual([path, 403, 'FORBIDDEN_ROLE']);
      }
      const client = t.trpc(member.token);
      for (const call of [
        () => client.billing.checkout.mutate({ plan: 'PRO', cycle: 'MONTHLY' }),
        () => client.billing.portal.mutate(),
        () => client.billing.sync.mutate({ session_id: 'cs_x' }),
        () => client.billing.status.query(),
      ]) {
        expect(await trpcErrorOf(call())).toMatchObject({ code: 'FORBIDDEN_ROLE', http_status: 403 });
      }
    }
    const anonymous = await post(t, '/api/auth/billing/checkout/', undefined, {
      plan: 'PRO',
      cycle: 'MONTHLY',
    });
    expect(anonymous.status).toBe(401);
    expect(t.fakes.stripe.requests).toHaveLength(0);
  });
});

describe('without STRIPE_API_KEY', () => {
  it('every billing route → 503 STRIPE_NOT_CONFIGURED; entitlements and billing.status still work', async () => {
    const f = await tenant({ plan: 'PRO', plan_source: 'TRIAL', license_expires_at: days(10) });

    const routes = await Promise.all([
      post(noStripe, '/api/auth/billing/checkout/', f.owner.token, { plan: 'PRO', cycle: 'MONTHLY' }),
      post(noStripe, '/api/auth/billing/portal/', f.owner.token),
      post(noStripe, '/api/auth/billing/sync/', f.owner.token, { session_id: 'cs_x' }),
      post(noStripe, '/api/auth/billing/webhook/', undefined, { id: 'evt_x', type: 'invoice.paid' }),
    ]);
    const client = noStripe.trpc(f.owner.token);

    for (const res of routes) {
      expect(res).toMatchObject({ status: 503, body: { code: 'STRIPE_NOT_CONFIGURED' } });
    }
    for (const call of [
      () => client.billing.checkout.mutate({ plan: 'PRO', cycle: 'MONTHLY' }),
      () => client.billing.portal.mutate(),
      () => client.billing.sync.mutate({ session_id: 'cs_x' }),
    ]) {
      expect(await trpcErrorOf(call())).toMatchObject({ code: 'STRIPE_NOT_CONFIGURED', http_status: 503 });
    }
    expect(await client.entitlements.get.query()).toMatchObject({
      plan_effective: 'PRO',
      plan_source: 'TRIAL',
    });
    expect(await client.billing.status.query()).toMatchObject({
      plan_effective: 'PRO',
      trial: { active: true, days_left: 10 },
      checkout_enabled: false,
      portal_enabled: false,
    });
    expect(noStripe.fakes.stripe.requests).toHaveLength(0);
  });
});
