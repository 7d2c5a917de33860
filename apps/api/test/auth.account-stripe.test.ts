import { DAY_MS } from '@stockscan/entitlements';
import { stripeWorld } from '@stockscan/testing/fake-stripe';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

/**
 * #20 item 5: deleting the last owner's account removed the tenant but never cancelled its Stripe
 * subscription, which kept billing. Now the subscription is cancelled at Stripe first; if Stripe fails,
 * nothing is deleted and the answer says why.
 */

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });
const world = stripeWorld(t);
const PASSWORD = 'delete me please';
const passwordHash = await hashPassword(PASSWORD);

beforeEach(() => {
  t.fakes.stripe.reset();
  world.failing.clear();
});

/** An owner alone in a tenant paying for a live subscription (as the webhook leaves it). */
async function subscribedOwner(subscriptionId: string, status: 'ACTIVE' | 'CANCELED' = 'ACTIVE') {
  const f = await createTenantFixture(t.db, t.config, {
    plan: 'PRO',
    plan_source: 'PAID',
    subscription_status: status,
    license_expires_at: new Date(NOW.getTime() + 20 * DAY_MS),
    now: NOW,
  });
  const customer = `cus_${subscriptionId}`;
  await t.db
    .updateTable('tenants')
    .set({ stripe_customer_id: customer, stripe_subscription_id: subscriptionId })
    .where('id', '=', f.tenantId)
    .execute();
  await t.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', f.owner.id).execute();
  world.setSubscription(subscriptionId, {
    customer,
    status: status === 'ACTIVE' ? 'active' : 'canceled',
    price: 'price_pro_monthly',
    period_start: NOW,
    period_end: new Date(NOW.getTime() + 20 * DAY_MS),
  });
  return f;
}

const deleteAccount = (token: string, locale = 'fr') =>
  t.request('/api/auth/delete-account/', {
    method: 'DELETE',
    token,
    json: { password: PASSWORD },
    headers: { 'accept-language': locale },
  });

const exists = async (table: 'tenants' | 'users', id: string) =>
  (await t.db.selectFrom(table).select('id').where('id', '=', id).execute()).length === 1;

describe('deleting the last owner’s account cancels the Stripe subscription first', () => {
  it('cancels the subscription at Stripe, then deletes the tenant', async () => {
    const f = await subscribedOwner('sub_goodbye');

    const res = await deleteAccount(f.owner.token);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true, tenants_deleted: [f.tenantId] });
    const cancels = world.requests('DELETE', '/v1/subscriptions/sub_goodbye');
    expect(cancels).toHaveLength(1);
    expect(cancels[0]?.headers.authorization).toBe('Bearer sk_test_fake');
    expect(await exists('tenants', f.tenantId)).toBe(false);
    expect(await exists('users', f.owner.id)).toBe(false);
  });

  it('Stripe failing → 503 STRIPE_UNAVAILABLE saying nothing was deleted; nothing is deleted', async () => {
    const f = await subscribedOwner('sub_stuck');
    world.failing.add('/v1/subscriptions/sub_stuck');

    const res = await deleteAccount(f.owner.token, 'en');

    expect(res.status).toBe(503);
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe('STRIPE_UNAVAILABLE');
    expect(body.detail).toContain('nothing was deleted');
    expect(world.requests('DELETE', '/v1/subscriptions/sub_stuck')).toHaveLength(1);
    expect(await exists('tenants', f.tenantId)).toBe(true);
    expect(await exists('users', f.owner.id)).toBe(true);
    const tenant = await t.db
      .selectFrom('tenants')
      .select(['stripe_subscription_id', 'subscription_status'])
      .where('id', '=', f.tenantId)
      .executeTakeFirstOrThrow();
    expect(tenant).toEqual({ stripe_subscription_id: 'sub_stuck', subscription_status: 'ACTIVE' });
  });

  it('a subscription Stripe no longer knows counts as cancelled; a cancelled one is not sent again', async () => {
    const gone = await subscribedOwner('sub_gone');
    const over = await subscribedOwner('sub_over', 'CANCELED');
    t.fakes.stripe.reset();
    // The tenant points at a subscription the fake Stripe does not hold: it answers 404.
    await t.db
      .updateTable('tenants')
      .set({ stripe_subscription_id: 'sub_unknown_to_stripe' })
      .where('id', '=', gone.tenantId)
      .execute();

    expect((await deleteAccount(gone.owner.token)).status).toBe(200);
    expect((await deleteAccount(over.owner.token)).status).toBe(200);

    expect(world.requests('DELETE', '/v1/subscriptions/sub_unknown_to_stripe')).toHaveLength(1);
    expect(world.requests('DELETE', /^\/v1\/subscriptions\//)).toHaveLength(1);
    expect(await exists('tenants', gone.tenantId)).toBe(false);
    expect(await exists('tenants', over.tenantId)).toBe(false);
  });

  it('LAST_OWNER on another tenant → 409 before anything is cancelled', async () => {
    const f = await subscribedOwner('sub_kept');
    const other = await createTenantFixture(t.db, t.config, { now: NOW });
    await t.db
      .insertInto('memberships')
      .values({
        user_id: f.owner.id,
        tenant_id: other.tenantId,
        role: 'owner',
        status: 'ACTIVE',
        activated_at: NOW,
      })
      .execute();
    await t.db.deleteFrom('memberships').where('user_id', '=', other.owner.id).execute();
    await addMemberFixture(t.db, t.config, other.tenantId, 'operator');

    const res = await deleteAccount(f.owner.token);

    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'LAST_OWNER' });
    expect(world.requests('DELETE', /^\/v1\/subscriptions\//)).toHaveLength(0);
    expect(await exists('tenants', f.tenantId)).toBe(true);
  });
});
