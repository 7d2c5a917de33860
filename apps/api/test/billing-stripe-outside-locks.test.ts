import { DAY_MS } from '@stockscan/entitlements';
import { deliver, stripeEvent, stripeWorld } from '@stockscan/testing/fake-stripe';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

/**
 * #20 item 7: Stripe calls used to run inside a transaction holding the tenant row lock (20 s timeout, 3
 * tries), so a slow Stripe froze every write to the tenant. Each test holds Stripe's answer and writes the
 * tenant row meanwhile with a 1 s lock timeout: the write must complete before Stripe answers.
 */

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });
const world = stripeWorld(t);
const days = (n: number) => new Date(NOW.getTime() + n * DAY_MS);

beforeEach(() => {
  t.clock.set(NOW);
  t.fakes.stripe.reset();
  world.slow.clear();
});

/** Holds every answer of `path` until release() is called. */
function holdStripe(path: string) {
  let release: () => void = () => {};
  world.slow.set(
    path,
    new Promise<void>((resolve) => {
      release = resolve;
    }),
  );
  return () => release();
}

async function untilStripeReceived(method: string, path: string) {
  for (let i = 0; i < 200; i++) {
    if (world.requests(method, path).length > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Stripe never received ${method} ${path}`);
}

/** Another write to the tenant row, giving up after 1 s of waiting for its lock. */
const renameTenant = (tenantId: string, name: string) =>
  t.db.transaction().execute(async (tx) => {
    await sql`set local lock_timeout = '1s'`.execute(tx);
    await tx.updateTable('tenants').set({ name }).where('id', '=', tenantId).execute();
  });

const tenantRow = (tenantId: string) =>
  t.db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirstOrThrow();

describe('no tenant lock is held while Stripe answers', () => {
  it('webhook: while Stripe is slow to return the subscription, another write to the tenant completes', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL', now: NOW });
    await t.db
      .updateTable('tenants')
      .set({ stripe_customer_id: 'cus_slow' })
      .where('id', '=', f.tenantId)
      .execute();
    const sub = world.setSubscription('sub_slow', {
      customer: 'cus_slow',
      status: 'active',
      price: 'price_pro_monthly',
      period_start: NOW,
      period_end: days(30),
    });
    const release = holdStripe('/v1/subscriptions/sub_slow');

    const delivery = deliver(t, stripeEvent(t, 'customer.subscription.updated', sub));
    await untilStripeReceived('GET', '/v1/subscriptions/sub_slow');
    const rename = await renameTenant(f.tenantId, 'Renamed meanwhile').then(
      () => 'done',
      (error: unknown) => `failed: ${String(error)}`,
    );
    release();
    const res = await delivery;

    expect(rename).toBe('done');
    expect(res.status).toBe(200);
    expect(await tenantRow(f.tenantId)).toMatchObject({
      name: 'Renamed meanwhile',
      plan_code: 'PRO',
      plan_source: 'PAID',
      subscription_status: 'ACTIVE',
    });
  });

  it('webhook: a billing change written while Stripe was answering makes it read Stripe again', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL', now: NOW });
    await t.db
      .updateTable('tenants')
      .set({ stripe_customer_id: 'cus_race' })
      .where('id', '=', f.tenantId)
      .execute();
    const sub = world.setSubscription('sub_race', {
      customer: 'cus_race',
      status: 'active',
      price: 'price_pro_monthly',
      period_start: NOW,
      period_end: days(30),
    });
    const release = holdStripe('/v1/subscriptions/sub_race');

    const delivery = deliver(t, stripeEvent(t, 'customer.subscription.updated', sub));
    await untilStripeReceived('GET', '/v1/subscriptions/sub_race');
    // Meanwhile Stripe moves on and a newer state is written (as another event would).
    world.setSubscription('sub_race', {
      customer: 'cus_race',
      status: 'active',
      price: 'price_boutique_yearly',
      period_start: NOW,
      period_end: days(365),
    });
    await t.db
      .updateTable('tenants')
      .set({ subscription_status: 'PAST_DUE' })
      .where('id', '=', f.tenantId)
      .execute();
    world.slow.clear();
    release();
    const res = await delivery;

    expect(res.status).toBe(200);
    expect(world.requests('GET', '/v1/subscriptions/sub_race')).toHaveLength(2);
    expect(await tenantRow(f.tenantId)).toMatchObject({
      plan_code: 'BOUTIQUE',
      billing_cycle: 'YEARLY',
      subscription_status: 'ACTIVE',
    });
  });

  it('checkout: while Stripe is slow to create the customer, another write to the tenant completes', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL', now: NOW });
    const release = holdStripe('/v1/customers');

    const checkout = t.request('/api/auth/billing/checkout/', {
      token: f.owner.token,
      json: { plan: 'PRO', cycle: 'MONTHLY' },
    });
    await untilStripeReceived('POST', '/v1/customers');
    const rename = await renameTenant(f.tenantId, 'Renamed during checkout').then(
      () => 'done',
      (error: unknown) => `failed: ${String(error)}`,
    );
    release();
    const res = await checkout;

    expect(rename).toBe('done');
    expect(res.status).toBe(200);
    const stored = await tenantRow(f.tenantId);
    expect(stored.name).toBe('Renamed during checkout');
    expect(stored.stripe_customer_id).toMatch(/^cus_/);
    expect(world.requests('POST', '/v1/customers')).toHaveLength(1);
  });
});
