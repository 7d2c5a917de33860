import type {
  BillingStatus,
  CheckoutInput,
  CheckoutResult,
  PortalResult,
  SyncInput,
} from '@stockscan/contracts';
import {
  billingStatus,
  checkoutTrialEnd,
  effectivePlan,
  normalizePlanCode,
  subscriptionRunning,
} from '@stockscan/entitlements';
import type Stripe from 'stripe';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { type Actor, requireCan } from '../request/actor';
import { convergeSubscription } from './converge';
import { ensureStripeCustomer } from './customer';
import { priceIdFor } from './prices';
import { idOf, isStripeMissing, requireStripe } from './stripe-client';

function successUrlWithSession(url: string): string {
  if (url.includes('{CHECKOUT_SESSION_ID}')) return url;
  return `${url}${url.includes('?') ? '&' : '?'}session_id={CHECKOUT_SESSION_ID}`;
}

/**
 * Starts a subscription Checkout for a paid plan. A tenant still on its trial keeps the remaining days
 * (Stripe starts charging when the trial would have ended). A tenant with a live subscription changes plan
 * in the portal instead: a second subscription would bill twice.
 */
export async function startCheckout(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof CheckoutInput>,
): Promise<CheckoutResult> {
  requireCan(actor, 'billing.manage');
  const stripe = requireStripe(deps);
  const priceId = priceIdFor(deps.config, input.plan, input.cycle);
  const now = deps.now();
  const tenant = await deps.db
    .selectFrom('tenants')
    .select(['plan_source', 'subscription_status', 'license_expires_at', 'stripe_subscription_id'])
    .where('id', '=', actor.tenantId)
    .executeTakeFirst();
  if (!tenant) throw new AppError('NOT_FOUND');
  if (tenant.stripe_subscription_id && subscriptionRunning(tenant.subscription_status)) {
    throw new AppError('CONFLICT', {
      fr: 'Un abonnement est déjà en cours : changez d’offre depuis le portail de facturation.',
      en: 'A subscription is already running: change plan from the billing portal.',
    });
  }
  const customerId = await ensureStripeCustomer(deps, stripe, actor);
  const keptTrialEnd = checkoutTrialEnd(tenant, now);
  const trialEnd = keptTrialEnd ? Math.floor(keptTrialEnd.getTime() / 1000) : undefined;
  const metadata = { tenant_id: actor.tenantId, plan_code: input.plan, billing_cycle: input.cycle };
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customerId,
    client_reference_id: actor.tenantId,
    line_items: [{ price: priceId, quantity: 1 }],
    success_url: successUrlWithSession(deps.config.stripe.successUrl),
    cancel_url: deps.config.stripe.cancelUrl,
    metadata,
    subscription_data: { metadata, ...(trialEnd ? { trial_end: trialEnd } : {}) },
  });
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a url`);
  await recordAudit(deps.db, {
    tenant_id: actor.tenantId,
    user_id: actor.userId,
    action: 'billing.checkout_started',
    object_type: 'checkout_session',
    object_id: session.id,
    meta: { ...metadata, price_id: priceId, trial_end: trialEnd ?? null },
  });
  return { url: session.url };
}

/** A Customer Portal session returning to the billing settings; no Stripe call when the portal is disabled. */
export async function openPortal(deps: Deps, actor: Actor): Promise<PortalResult> {
  requireCan(actor, 'billing.manage');
  const stripe = requireStripe(deps);
  if (deps.config.stripe.portalDisabled) return { url: null, disabled: true };
  const customerId = await ensureStripeCustomer(deps, stripe, actor);
  const session = await stripe.billingPortal.sessions.create({
    customer: customerId,
    return_url: `${deps.config.frontendUrl}/app/settings/billing`,
  });
  return { url: session.url };
}

async function retrieveSession(stripe: Stripe, id: string): Promise<Stripe.Checkout.Session> {
  try {
    return await stripe.checkout.sessions.retrieve(id);
  } catch (error) {
    if (isStripeMissing(error)) throw new AppError('NOT_FOUND');
    throw error;
  }
}

/**
 * After the return from Checkout: pulls the session and applies the same convergence as the webhook, so the
 * success page shows the new plan even if the webhook is late. Another tenant's session → 403.
 */
export async function syncCheckout(deps: Deps, actor: Actor, input: SyncInput): Promise<BillingStatus> {
  requireCan(actor, 'billing.manage');
  const stripe = requireStripe(deps);
  const session = await retrieveSession(stripe, input.session_id);
  const owner = session.client_reference_id ?? session.metadata?.tenant_id ?? null;
  if (owner !== actor.tenantId) {
    throw new AppError('FORBIDDEN', {
      fr: 'Cette session de paiement appartient à une autre organisation.',
      en: 'This checkout session belongs to another organisation.',
    });
  }
  const subscriptionId = idOf(session.subscription);
  if (session.status === 'complete' && session.mode === 'subscription' && subscriptionId) {
    const now = deps.now();
    await convergeSubscription(
      { db: deps.db, stripe, config: deps.config, now },
      actor.tenantId,
      subscriptionId,
      { source: 'sync', user_id: actor.userId, checkout_session_id: session.id },
    );
  }
  return getBillingStatus(deps, actor);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What the billing settings page shows: plan, cycle, status, trial days left, renewal, past due. */
export async function getBillingStatus(deps: Deps, actor: Actor): Promise<BillingStatus> {
  requireCan(actor, 'billing.manage');
  const now = deps.now();
  const t = await deps.db
    .selectFrom('tenants')
    .select([
      'plan_code',
      'plan_source',
      'billing_cycle',
      'subscription_status',
      'license_expires_at',
      'grace_started_at',
      'stripe_cancel_at',
    ])
    .where('id', '=', actor.tenantId)
    .executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND');
  const facts = billingStatus(t, now);
  return {
    plan_effective: effectivePlan(t, now).plan,
    plan_code: normalizePlanCode(t.plan_code),
    plan_source: t.plan_source,
    billing_cycle: t.billing_cycle,
    subscription_status: t.subscription_status,
    trial: facts.trial && { ...facts.trial, ends_at: facts.trial.ends_at.toISOString() },
    renews_at: iso(facts.renews_at),
    expires_at: iso(facts.expires_at),
    cancel_at: iso(facts.cancel_at),
    past_due: facts.past_due,
    grace_ends_at: iso(facts.grace_ends_at),
    checkout_enabled: deps.stripe !== null,
    portal_enabled: deps.stripe !== null && !deps.config.stripe.portalDisabled,
  };
}
