import { CheckoutInput, SyncInput, type WebhookResult } from '@stockscan/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';
import { restRoute } from '../http/rest';
import { openPortal, startCheckout, syncCheckout } from './billing.service';
import { applyStripeEvent, verifyStripeEvent } from './webhook.service';

/** REST adapters of SPEC §7 for billing (thin: parse → service → map errors). */
export function registerBillingRoutes(app: FastifyInstance, deps: Deps): void {
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/billing/checkout/',
    auth: 'owner',
    body: CheckoutInput,
    handler: ({ actor, body }) => startCheckout(deps, actor, body),
  });

  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/billing/portal/',
    auth: 'owner',
    handler: ({ actor }) => openPortal(deps, actor),
  });

  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/billing/sync/',
    auth: 'owner',
    body: SyncInput,
    handler: ({ actor, body }) => syncCheckout(deps, actor, body),
  });

  // The signature covers the exact bytes Stripe sent: this scope alone keeps JSON bodies as Buffers.
  app.register(async (scoped) => {
    scoped.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );
    restRoute(scoped, deps, {
      method: 'POST',
      url: '/api/auth/billing/webhook/',
      auth: 'public',
      handler: async ({ req }): Promise<WebhookResult> => {
        let event: ReturnType<typeof verifyStripeEvent>;
        try {
          event = verifyStripeEvent(deps, req.body, req.headers['stripe-signature']);
        } catch (error) {
          deps.metrics.webhooks.inc({ result: 'bad_signature' });
          throw error;
        }
        const log = req.log.child({ stripe_event_id: event.id, stripe_event_type: event.type });
        try {
          const outcome = await applyStripeEvent(deps, event);
          log.info({ outcome }, 'stripe event');
          const result =
            'idempotent' in outcome ? 'idempotent' : 'ignored' in outcome ? 'ignored' : 'processed';
          deps.metrics.webhooks.inc({ result });
          return result === 'idempotent' ? { received: true, idempotent: true } : { received: true };
        } catch (error) {
          deps.metrics.webhooks.inc({ result: 'error' });
          log.error({ err: error }, 'stripe event failed; Stripe will retry');
          throw error;
        }
      },
    });
  });
}
