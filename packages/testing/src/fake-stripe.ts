import type Stripe from 'stripe';
import type { FakeReply, FakeServer, RecordedRequest } from './fake-http';

/** Billing tests and the web journey: a tiny in-memory Stripe behind the fake HTTP server, answering what billing calls. */

type Json = Record<string, unknown>;

export interface SubscriptionSpec {
  customer: string;
  status: Stripe.Subscription.Status;
  price: string;
  period_start: Date;
  period_end: Date;
  metadata?: Record<string, string>;
  trial_end?: Date | null;
  cancel_at_period_end?: boolean;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

const missing = (what: string): FakeReply => ({
  status: 404,
  json: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}` } },
});

/** What the fake reads from a test app: the web e2e journey passes its own (a spawned server, the wall clock). */
export interface StripeWorldHost {
  fakes: { stripe: FakeServer };
  clock: { now: Date };
}

/** What `deliver` reads from a test app: its URL, clock, Stripe SDK and webhook secret. */
export interface WebhookHost {
  url: string;
  clock: { now: Date };
  deps: { stripe: Pick<Stripe, 'webhooks'> | null };
  config: { stripe: { webhookSecret: string | undefined } };
}

export function stripeWorld(t: StripeWorldHost) {
  const customers = new Map<string, Json>();
  const sessions = new Map<string, Json>();
  const subscriptions = new Map<string, Json>();
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}_${(++seq).toString().padStart(6, '0')}`;
  /** Answer failures for these paths (to test rollbacks). */
  const failing = new Set<string>();

  const metadataOf = (form: URLSearchParams, prefix = 'metadata') => {
    const out: Record<string, string> = {};
    for (const [key, value] of form) {
      const m = key.match(new RegExp(`^${prefix.replace(/[[\]]/g, '\\$&')}\\[(\\w+)\\]$`));
      if (m?.[1]) out[m[1]] = value;
    }
    return out;
  };

  /** Hold the answer for these paths until the promise settles (to test what happens while Stripe is slow). */
  const slow = new Map<string, Promise<unknown>>();

  const handler = async (req: RecordedRequest): Promise<FakeReply> => {
    const gate = slow.get(req.path);
    if (gate) await gate.catch(() => undefined);
    if (failing.has(req.path))
      return { status: 500, json: { error: { type: 'api_error', message: 'boom' } } };
    const [, v1, resource, id, more] = req.path.split('/');
    if (v1 !== 'v1') return missing(req.path);
    if (req.method === 'POST' && resource === 'customers' && !id) {
      const customer = {
        id: nextId('cus'),
        object: 'customer',
        name: req.form.get('name'),
        email: req.form.get('email'),
        metadata: metadataOf(req.form),
      };
      customers.set(customer.id, customer);
      return { json: customer };
    }
    if (resource === 'checkout' && id === 'sessions') {
      if (req.method === 'POST' && !more) {
        const sessionId = nextId('cs_test');
        const session = {
          id: sessionId,
          object: 'checkout.session',
          mode: req.form.get('mode'),
          customer: req.form.get('customer'),
          client_reference_id: req.form.get('client_reference_id'),
          metadata: metadataOf(req.form),
          status: 'open',
          subscription: null,
          url: `https://checkout.stripe.test/c/pay/${sessionId}`,
        };
        sessions.set(sessionId, session);
        return { json: session };
      }
      const session = more ? sessions.get(more) : undefined;
      return session ? { json: session } : missing('checkout session');
    }
    if (req.method === 'DELETE' && resource === 'subscriptions' && id) {
      const sub = subscriptions.get(id);
      if (!sub) return missing('subscription');
      Object.assign(sub, {
        status: 'canceled',
        canceled_at: seconds(t.clock.now),
        ended_at: seconds(t.clock.now),
      });
      return { json: sub };
    }
    if (req.method === 'GET' && resource === 'subscriptions' && id) {
      const sub = subscriptions.get(id);
      return sub ? { json: sub } : missing('subscription');
    }
    if (req.method === 'POST' && resource === 'billing_portal' && id === 'sessions') {
      const portalId = nextId('bps');
      return {
        json: {
          id: portalId,
          object: 'billing_portal.session',
          customer: req.form.get('customer'),
          return_url: req.form.get('return_url'),
          url: `https://billing.stripe.test/p/session/${portalId}`,
        },
      };
    }
    return missing(req.path);
  };
  t.fakes.stripe.handle(handler);

  return {
    customers,
    sessions,
    failing,
    slow,
    /** Stores (or replaces) a subscription as Stripe holds it now; returns the object events carry. */
    setSubscription(id: string, spec: SubscriptionSpec): Json {
      const sub = {
        id,
        object: 'subscription',
        customer: spec.customer,
        status: spec.status,
        metadata: spec.metadata ?? {},
        cancel_at: null,
        cancel_at_period_end: spec.cancel_at_period_end ?? false,
        canceled_at: spec.status === 'canceled' ? seconds(t.clock.now) : null,
        ended_at: spec.status === 'canceled' ? seconds(t.clock.now) : null,
        created: seconds(spec.period_start),
        trial_end: spec.trial_end ? seconds(spec.trial_end) : null,
        items: {
          object: 'list',
          data: [
            {
              id: `si_${id}`,
              object: 'subscription_item',
              price: { id: spec.price, object: 'price' },
              quantity: 1,
              current_period_start: seconds(spec.period_start),
              current_period_end: seconds(spec.period_end),
            },
          ],
          has_more: false,
        },
      };
      subscriptions.set(id, sub);
      return sub;
    },
    /** The customer paid: the session is complete and points at its subscription. */
    completeSession(sessionId: string, subscriptionId: string): Json {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`unknown session ${sessionId}`);
      Object.assign(session, { status: 'complete', subscription: subscriptionId, payment_status: 'paid' });
      return session;
    },
    requests(method: string, path: string | RegExp) {
      return t.fakes.stripe.requests.filter(
        (r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
      );
    },
  };
}

export type StripeWorld = ReturnType<typeof stripeWorld>;

let eventSeq = 0;

/** A Stripe event envelope around `object`; `created` defaults to the test clock. */
export function stripeEvent(
  t: Pick<StripeWorldHost, 'clock'>,
  type: string,
  object: Json,
  options: { id?: string; created?: Date } = {},
) {
  return {
    id: options.id ?? `evt_${process.pid}_${++eventSeq}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: seconds(options.created ?? t.clock.now),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** An invoice of a subscription, as invoice.paid / invoice.payment_failed carry it. */
export function invoiceOf(sub: Json, status: 'paid' | 'open'): Json {
  return {
    id: `in_${String(sub.id)}_${++eventSeq}`,
    object: 'invoice',
    customer: sub.customer,
    status,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { subscription: sub.id, metadata: sub.metadata },
    },
  };
}

/** POSTs an event to the webhook exactly as Stripe does: raw JSON signed with the webhook secret. */
export async function deliver(
  t: WebhookHost,
  event: unknown,
  options: { secret?: string; signature?: string | null; body?: string } = {},
): Promise<Response> {
  const payload = JSON.stringify(event);
  const stripe = t.deps.stripe;
  const secret = options.secret ?? t.config.stripe.webhookSecret;
  if (!stripe || !secret) throw new Error('the test app has no Stripe configured');
  const signature =
    options.signature === undefined
      ? stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: seconds(t.clock.now) })
      : options.signature;
  return fetch(`${t.url}/api/auth/billing/webhook/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(signature === null ? {} : { 'stripe-signature': signature }),
    },
    body: options.body ?? payload,
  });
}
