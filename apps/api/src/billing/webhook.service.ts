import { Uuid } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import type Stripe from 'stripe';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { type ConvergeOutcome, convergeSubscription } from './converge';
import { idOf, requireStripe } from './stripe-client';

/** Verifies the Stripe-Signature over the exact bytes received; 400 when missing or wrong. */
export function verifyStripeEvent(deps: Deps, rawBody: unknown, signature: unknown): Stripe.Event {
  const stripe = requireStripe(deps);
  const secret = deps.config.stripe.webhookSecret;
  if (!secret) {
    throw new AppError('STRIPE_NOT_CONFIGURED', {
      fr: 'Le webhook Stripe n’est pas configuré (STRIPE_WEBHOOK_SECRET manquant).',
      en: 'The Stripe webhook is not configured (STRIPE_WEBHOOK_SECRET is missing).',
    });
  }
  if (typeof signature !== 'string' || signature === '' || !Buffer.isBuffer(rawBody)) {
    throw new AppError('VALIDATION_ERROR', {
      fr: 'Signature Stripe manquante.',
      en: 'Missing Stripe signature.',
    });
  }
  try {
    return stripe.webhooks.constructEvent(
      rawBody,
      signature,
      secret,
      undefined,
      undefined,
      deps.now().getTime(),
    );
  } catch {
    throw new AppError('VALIDATION_ERROR', {
      fr: 'Signature Stripe invalide.',
      en: 'Invalid Stripe signature.',
    });
  }
}

/** What an event points at: the subscription to converge, and how to find its tenant. */
interface EventTarget {
  subscriptionId: string | null;
  customerId: string | null;
  tenantHint: string | null;
}

/** The subscription behind each handled event type; undefined for types we ignore. */
function targetOf(event: Stripe.Event): EventTarget | undefined {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      return {
        subscriptionId: session.mode === 'subscription' ? idOf(session.subscription) : null,
        customerId: idOf(session.customer),
        tenantHint: session.client_reference_id ?? session.metadata?.tenant_id ?? null,
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const sub = event.data.object;
      return {
        subscriptionId: sub.id,
        customerId: idOf(sub.customer),
        tenantHint: sub.metadata?.tenant_id ?? null,
      };
    }
    case 'invoice.paid':
    // What the runbook's example sends: the same as invoice.paid for us.
    case 'invoice.payment_succeeded':
    case 'invoice.payment_failed': {
      const invoice = event.data.object;
      const details = invoice.parent?.subscription_details ?? null;
      return {
        subscriptionId: idOf(details?.subscription),
        customerId: idOf(invoice.customer),
        tenantHint: details?.metadata?.tenant_id ?? null,
      };
    }
    default:
      return undefined;
  }
}

/** The customer id is authoritative; the tenant id in metadata only finds a tenant with no customer yet. */
async function findTenant(tx: Db, target: EventTarget): Promise<string | null> {
  if (target.customerId) {
    const byCustomer = await tx
      .selectFrom('tenants')
      .select('id')
      .where('stripe_customer_id', '=', target.customerId)
      .executeTakeFirst();
    if (byCustomer) return byCustomer.id;
  }
  if (!target.tenantHint || !Uuid.safeParse(target.tenantHint).success) return null;
  const byHint = await tx
    .selectFrom('tenants')
    .select('id')
    .where('id', '=', target.tenantHint)
    .where('stripe_customer_id', 'is', null)
    .executeTakeFirst();
  return byHint?.id ?? null;
}

/** Records the event id; false when it was already there (a replay). */
async function claimEvent(db: Db, event: Stripe.Event, now: Date): Promise<boolean> {
  const claimed = await db
    .insertInto('stripe_events')
    .values({ event_id: event.id, type: event.type, received_at: now, processed_at: now })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return claimed !== undefined;
}

export type WebhookOutcome =
  | { idempotent: true }
  | { ignored: string }
  | ({ tenant_id: string } & ConvergeOutcome);

/**
 * Applies one verified event exactly once: its id is claimed in stripe_events in the same transaction as the
 * tenant change and the audit row. A replay (even concurrent: the insert waits for the first transaction)
 * finds the id and changes nothing; an error rolls both back so Stripe retries. Stripe is read before that
 * transaction opens (see convergeSubscription): no lock is held while Stripe answers.
 */
export async function applyStripeEvent(deps: Deps, event: Stripe.Event): Promise<WebhookOutcome> {
  // The same event delivered again while it is being applied in this process waits for it (one Stripe read).
  const running = applying.get(event.id);
  if (running) return running.then(() => ({ idempotent: true }));
  const applied = applyOnce(deps, event).finally(() => applying.delete(event.id));
  applying.set(event.id, applied);
  return applied;
}

const applying = new Map<string, Promise<WebhookOutcome>>();

async function applyOnce(deps: Deps, event: Stripe.Event): Promise<WebhookOutcome> {
  const target = targetOf(event);
  const now = deps.now();
  // Every verified event id is recorded, handled or not, so any replay answers idempotent.
  if (!target)
    return (await claimEvent(deps.db, event, now))
      ? { ignored: 'event type not handled' }
      : { idempotent: true };
  const stripe = requireStripe(deps);
  const seen = await deps.db
    .selectFrom('stripe_events')
    .select('event_id')
    .where('event_id', '=', event.id)
    .executeTakeFirst();
  if (seen) return { idempotent: true };
  const tenantId = target.subscriptionId ? await findTenant(deps.db, target) : null;
  if (!target.subscriptionId || !tenantId) {
    if (!(await claimEvent(deps.db, event, now))) return { idempotent: true };
    return { ignored: target.subscriptionId ? 'no tenant for this customer' : 'no subscription' };
  }
  const outcome = await convergeSubscription(
    { db: deps.db, stripe, config: deps.config, now },
    tenantId,
    target.subscriptionId,
    { source: 'webhook', user_id: null, event_id: event.id, event_type: event.type },
    (tx) => claimEvent(tx, event, now),
  );
  return outcome ? { tenant_id: tenantId, ...outcome } : { idempotent: true };
}
