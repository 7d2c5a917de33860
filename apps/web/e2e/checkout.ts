import { stripeEvent, stripeWorld } from '@stockscan/testing/fake-stripe';
import type { Page } from 'playwright-core';
import Stripe from 'stripe';
import type { Stack } from './stack';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PaidCheckout {
  sessionId: string;
  /** The price id the API put on the Checkout Session (line_items[0][price]). */
  price: string;
  /** subscription_data[trial_end]: the trial days kept, as Stripe would run them (status trialing). */
  trialEnd: Date | null;
  /** Webhook answers, in delivery order. */
  webhooks: unknown[];
}

/**
 * Stripe for the journey: the API tests' in-memory Stripe behind the stack's fake server, and the hosted
 * Checkout page played by the test — the card is "paid", Stripe's signed webhooks reach the server, and the
 * browser comes back to the success URL as it would from checkout.stripe.com.
 */
export function fakeStripeCheckout(stack: Stack) {
  // The spawned server runs on the wall clock: so do the events.
  const clock = {
    get now() {
      return new Date();
    },
  };
  const world = stripeWorld({ fakes: stack.fakes, clock });
  const signer = new Stripe(stack.env.STRIPE_API_KEY!);
  const secret = stack.env.STRIPE_WEBHOOK_SECRET!;

  /** POSTs an event exactly as Stripe does: raw JSON signed with the webhook secret. */
  async function deliver(event: ReturnType<typeof stripeEvent>): Promise<unknown> {
    const payload = JSON.stringify(event);
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret });
    const res = await fetch(`${stack.url}/api/auth/billing/webhook/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
      body: payload,
    });
    const body: unknown = await res.json();
    if (res.status !== 200) throw new Error(`webhook ${event.type} → ${res.status} ${JSON.stringify(body)}`);
    return body;
  }

  /** What the API asked for when it created this Checkout Session: the price, and where to send the buyer. */
  function requestOf(sessionId: string) {
    const created = world.requests('POST', '/v1/checkout/sessions');
    const index = [...world.sessions.keys()].indexOf(sessionId);
    const form = created[index]?.form;
    const price = form?.get('line_items[0][price]');
    const successUrl = form?.get('success_url');
    if (!price || !successUrl) throw new Error(`incomplete checkout session ${sessionId}`);
    const trialEnd = form?.get('subscription_data[trial_end]');
    return {
      price,
      successUrl: successUrl.replace('{CHECKOUT_SESSION_ID}', sessionId),
      trialEnd: trialEnd ? new Date(Number(trialEnd) * 1000) : null,
    };
  }

  /**
   * Serves https://checkout.stripe.test/… for this page: pays the session in the fake, delivers
   * `checkout.session.completed` then `customer.subscription.updated` (signed), and redirects to the session's success URL.
   * Resolves with what happened once the browser has been sent back.
   */
  function payOn(page: Page): Promise<PaidCheckout> {
    return new Promise((resolve, reject) => {
      void page.route('https://checkout.stripe.test/**', async (route) => {
        try {
          const sessionId = new URL(route.request().url()).pathname.split('/').pop() ?? '';
          const session = world.sessions.get(sessionId);
          if (!session) throw new Error(`checkout page for an unknown session ${sessionId}`);
          const { price, successUrl, trialEnd } = requestOf(sessionId);
          const now = Date.now();
          const subscription = world.setSubscription(`sub_e2e_${sessionId}`, {
            customer: String(session.customer),
            status: trialEnd ? 'trialing' : 'active',
            price,
            period_start: new Date(now),
            period_end: trialEnd ?? new Date(now + 30 * DAY_MS),
            trial_end: trialEnd,
            metadata: session.metadata as Record<string, string>,
          });
          const paid = world.completeSession(sessionId, String(subscription.id));
          const webhooks = [
            await deliver(stripeEvent({ clock }, 'checkout.session.completed', paid)),
            await deliver(stripeEvent({ clock }, 'customer.subscription.updated', subscription)),
          ];
          await route.fulfill({ status: 303, headers: { location: successUrl } });
          resolve({ sessionId, price, trialEnd, webhooks });
        } catch (error) {
          await route.abort();
          reject(error);
        }
      });
    });
  }

  return { world, payOn };
}
