import { stripeWorld } from '@stockscan/testing/fake-stripe';
import type { IsolationCase, IsolationFixture } from './harness';

/**
 * Billing is owner-only and acts on the caller's own tenant; the only foreign id it takes is a Checkout
 * Session id, and another tenant's session answers 403 (issue: "check it belongs to the caller's tenant").
 */

/** Installs the in-memory Stripe and gives it a paid Checkout Session of tenant A. */
function aliceSession(fx: IsolationFixture): string {
  const world = stripeWorld(fx.t);
  world.setSubscription('sub_isolation_alpha', {
    customer: 'cus_isolation_alpha',
    status: 'active',
    price: 'price_pro_monthly',
    period_start: fx.t.clock.now,
    period_end: new Date(fx.t.clock.now.getTime() + 30 * 86_400_000),
  });
  world.sessions.set('cs_isolation_alpha', {
    id: 'cs_isolation_alpha',
    object: 'checkout.session',
    mode: 'subscription',
    status: 'complete',
    customer: 'cus_isolation_alpha',
    client_reference_id: fx.a.tenantId,
    subscription: 'sub_isolation_alpha',
    metadata: { tenant_id: fx.a.tenantId },
  });
  return 'cs_isolation_alpha';
}

const CHECKOUT = { plan: 'PRO', cycle: 'MONTHLY' } as const;

export const cases: IsolationCase[] = [
  {
    kind: 'trpc',
    path: 'billing.checkout',
    expect: 'own-tenant-only',
    name: 'B owner checks out B only',
    call: (fx) => {
      stripeWorld(fx.t);
      return fx.b.owner.trpc.billing.checkout.mutate(CHECKOUT);
    },
  },
  {
    kind: 'trpc',
    path: 'billing.checkout',
    expect: 403,
    name: 'A scoped manager',
    call: (fx) => fx.a.scopedManager.trpc.billing.checkout.mutate(CHECKOUT),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/billing/checkout/',
    expect: 403,
    name: 'A scoped operator',
    call: (fx) => fx.a.operator.rest('POST', '/api/auth/billing/checkout/', CHECKOUT),
  },
  {
    kind: 'trpc',
    path: 'billing.portal',
    expect: 'own-tenant-only',
    name: 'B owner opens B’s portal',
    call: (fx) => {
      stripeWorld(fx.t);
      return fx.b.owner.trpc.billing.portal.mutate();
    },
  },
  {
    kind: 'trpc',
    path: 'billing.portal',
    expect: 403,
    name: 'A scoped operator',
    call: (fx) => fx.a.operator.trpc.billing.portal.mutate(),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/billing/portal/',
    expect: 403,
    name: 'A scoped manager',
    call: (fx) => fx.a.scopedManager.rest('POST', '/api/auth/billing/portal/'),
  },
  {
    kind: 'trpc',
    path: 'billing.sync',
    expect: 403,
    name: 'B owner syncs A’s paid session',
    call: (fx) => fx.b.owner.trpc.billing.sync.mutate({ session_id: aliceSession(fx) }),
  },
  {
    kind: 'trpc',
    path: 'billing.sync',
    expect: 403,
    name: 'A scoped operator',
    call: (fx) => fx.a.operator.trpc.billing.sync.mutate({ session_id: aliceSession(fx) }),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/billing/sync/',
    expect: 403,
    name: 'B owner syncs A’s paid session',
    call: (fx) => fx.b.owner.rest('POST', '/api/auth/billing/sync/', { session_id: aliceSession(fx) }),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/billing/sync/',
    expect: 403,
    name: 'A scoped manager',
    call: (fx) =>
      fx.a.scopedManager.rest('POST', '/api/auth/billing/sync/', { session_id: aliceSession(fx) }),
  },
  {
    kind: 'trpc',
    path: 'billing.status',
    expect: 'own-tenant-only',
    name: 'B owner reads B only',
    call: (fx) => fx.b.owner.trpc.billing.status.query(),
  },
  {
    kind: 'trpc',
    path: 'billing.status',
    expect: 403,
    name: 'A scoped operator',
    call: (fx) => fx.a.operator.trpc.billing.status.query(),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/billing/webhook/',
    expect: 'public',
    name: 'anonymous unsigned event aimed at A → 400, A unchanged',
    call: (fx) =>
      fx.anonymous.rest('POST', '/api/auth/billing/webhook/', {
        id: 'evt_isolation_forged',
        type: 'customer.subscription.deleted',
        data: { object: { id: 'sub_x', object: 'subscription', metadata: { tenant_id: fx.a.tenantId } } },
      }),
  },
];
