import type { BillingCycle, PaidPlanCode, PlanSource, SubscriptionStatus } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { subscriptionInForce } from '@stockscan/entitlements';
import type Stripe from 'stripe';
import { recordAudit } from '../audit/audit.service';
import type { Config } from '../config';
import { AppError } from '../errors';
import { planForPriceId } from './prices';
import { idOf } from './stripe-client';

/** The tenant columns a Stripe subscription drives. */
export interface BillingState {
  plan_code: string | null;
  plan_source: PlanSource;
  billing_cycle: BillingCycle | null;
  subscription_status: SubscriptionStatus;
  license_expires_at: Date | null;
  grace_started_at: Date | null;
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  stripe_cancel_at: Date | null;
}

export const BILLING_COLUMNS = [
  'plan_code',
  'plan_source',
  'billing_cycle',
  'subscription_status',
  'license_expires_at',
  'grace_started_at',
  'stripe_customer_id',
  'stripe_subscription_id',
  'stripe_cancel_at',
] as const satisfies readonly (keyof BillingState)[];

type BillingColumn = (typeof BILLING_COLUMNS)[number];

/**
 * SPEC §8 status mapping. null: a state that neither grants nor removes anything (`incomplete`: the first
 * payment is still pending). `paused` (trial ended without a card) ends access like a cancellation.
 */
export function tenantStatusFor(status: Stripe.Subscription.Status): SubscriptionStatus | null {
  switch (status) {
    case 'trialing':
      return 'TRIALING';
    case 'active':
      return 'ACTIVE';
    case 'past_due':
    case 'unpaid':
      return 'PAST_DUE';
    case 'canceled':
    case 'incomplete_expired':
    case 'paused':
      return 'CANCELED';
    default:
      return null;
  }
}

const fromSeconds = (s: number) => new Date(s * 1000);
const earliest = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

function planFromMetadata(metadata: Stripe.Metadata): { plan: PaidPlanCode; cycle: BillingCycle } | null {
  const plan = metadata.plan_code;
  const cycle = metadata.billing_cycle;
  if ((plan === 'BOUTIQUE' || plan === 'PRO') && (cycle === 'MONTHLY' || cycle === 'YEARLY')) {
    return { plan, cycle };
  }
  return null;
}

export type Convergence = { state: BillingState } | { skipped: string };

/**
 * The tenant state a subscription (as Stripe holds it now) implies, given what the tenant holds. Pure.
 * - ACTIVE/TRIALING: the plan holds until the current period (or trial) ends; grace cleared.
 * - PAST_DUE: the unpaid period grants nothing: the licence stays at the last paid end, and a 7-day grace
 *   starts at the first failure (effectivePlan then falls back to ESSENTIEL).
 * - CANCELED: the plan holds until the end of what was paid (or trialled), then ESSENTIEL.
 * LIFETIME tenants are never touched; MANUAL ones only give way to a live subscription, and a dead
 * subscription other than the one the tenant holds (an old one) is ignored.
 */
export function stateFromSubscription(
  current: BillingState,
  sub: Stripe.Subscription,
  config: Config,
  now: Date,
): Convergence {
  const status = tenantStatusFor(sub.status);
  if (!status) return { skipped: `subscription status ${sub.status}` };
  if (current.plan_source === 'LIFETIME') return { skipped: 'lifetime plan' };
  const live = subscriptionInForce(status);
  if (current.plan_source === 'MANUAL' && !live) return { skipped: 'manual plan' };
  if (current.stripe_subscription_id && current.stripe_subscription_id !== sub.id && !live) {
    return { skipped: 'not the tenant’s current subscription' };
  }
  const item = sub.items.data[0];
  if (!item) return { skipped: 'subscription without items' };
  const priced = planForPriceId(config, item.price.id) ?? planFromMetadata(sub.metadata ?? {});
  if (!priced) return { skipped: `unknown price ${item.price.id}` };

  const periodStart = fromSeconds(item.current_period_start);
  const periodEnd = fromSeconds(item.current_period_end);
  const base: BillingState = {
    ...current,
    plan_code: priced.plan,
    plan_source: 'PAID',
    billing_cycle: priced.cycle,
    subscription_status: status,
    stripe_customer_id: current.stripe_customer_id ?? idOf(sub.customer),
    stripe_subscription_id: sub.id,
  };
  const cancelAt = sub.cancel_at ? fromSeconds(sub.cancel_at) : sub.cancel_at_period_end ? periodEnd : null;
  switch (status) {
    case 'ACTIVE':
    case 'TRIALING':
      return {
        state: {
          ...base,
          license_expires_at: status === 'TRIALING' && sub.trial_end ? fromSeconds(sub.trial_end) : periodEnd,
          grace_started_at: null,
          stripe_cancel_at: cancelAt,
        },
      };
    case 'PAST_DUE':
      return {
        state: {
          ...base,
          license_expires_at: earliest(current.license_expires_at ?? periodStart, periodStart),
          grace_started_at: current.grace_started_at ?? now,
          stripe_cancel_at: cancelAt,
        },
      };
    default:
      return {
        state: {
          ...base,
          license_expires_at: earliest(current.license_expires_at ?? periodEnd, periodEnd),
          grace_started_at: null,
          stripe_cancel_at: null,
        },
      };
  }
}

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

function pick(state: BillingState, columns: readonly BillingColumn[]): Partial<BillingState> {
  return Object.fromEntries(columns.map((c) => [c, state[c]]));
}

export interface ConvergeCause {
  source: 'webhook' | 'sync';
  user_id: string | null;
  event_id?: string;
  event_type?: string;
  checkout_session_id?: string;
}

export type ConvergeOutcome = { changed: boolean; skipped?: string };

/** The state moved between our read and our lock (another event or sync wrote first). */
class StateMoved extends Error {}

const MAX_ATTEMPTS = 3;

export interface ConvergeDeps {
  db: Db;
  stripe: Stripe;
  config: Config;
  now: Date;
}

/**
 * Re-reads the subscription from Stripe, then writes the state it implies, with one audit row when something
 * changed. Stripe is called with no lock and no transaction open (a slow Stripe must not block the tenant
 * row or hold a connection); the write then locks the tenant and checks that its billing state is still the
 * one read before the Stripe call. If another event or sync wrote in between, Stripe is read again, so an
 * old event applied late converges to the current state instead of overwriting it.
 * `claim` runs first inside the write transaction (the webhook claims its event id there): false → nothing
 * is written and the result is null.
 */
export async function convergeSubscription(
  deps: ConvergeDeps,
  tenantId: string,
  subscriptionId: string,
  cause: ConvergeCause,
  claim?: (tx: Db) => Promise<boolean>,
): Promise<ConvergeOutcome | null> {
  for (let attempt = 1; ; attempt++) {
    const seen = await readBillingState(deps.db, tenantId);
    const sub = await deps.stripe.subscriptions.retrieve(subscriptionId);
    try {
      return await deps.db.transaction().execute(async (tx) => {
        if (claim && !(await claim(tx))) return null;
        const current = await readBillingState(tx, tenantId, true);
        if (BILLING_COLUMNS.some((c) => !sameValue(current[c], seen[c]))) throw new StateMoved();
        return writeConvergence(tx, deps, tenantId, current, sub, cause);
      });
    } catch (error) {
      if (!(error instanceof StateMoved)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new AppError('CONFLICT', {
          fr: 'L’abonnement change en ce moment, réessayez dans un instant.',
          en: 'The subscription is changing right now, try again in a moment.',
        });
      }
    }
  }
}

async function readBillingState(db: Db, tenantId: string, lock = false): Promise<BillingState> {
  let query = db.selectFrom('tenants').select(BILLING_COLUMNS).where('id', '=', tenantId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function writeConvergence(
  tx: Db,
  deps: ConvergeDeps,
  tenantId: string,
  current: BillingState,
  sub: Stripe.Subscription,
  cause: ConvergeCause,
): Promise<ConvergeOutcome> {
  const result = stateFromSubscription(current, sub, deps.config, deps.now);
  if ('skipped' in result) return { changed: false, skipped: result.skipped };
  const changed = BILLING_COLUMNS.filter((c) => !sameValue(current[c], result.state[c]));
  if (changed.length === 0) return { changed: false };
  await tx.updateTable('tenants').set(pick(result.state, changed)).where('id', '=', tenantId).execute();
  const { user_id, ...about } = cause;
  await recordAudit(tx, {
    tenant_id: tenantId,
    user_id,
    action: 'billing.subscription_changed',
    object_type: 'subscription',
    object_id: sub.id,
    meta: {
      ...about,
      stripe_status: sub.status,
      before: pick(current, changed),
      after: pick(result.state, changed),
    },
  });
  return { changed: true };
}
