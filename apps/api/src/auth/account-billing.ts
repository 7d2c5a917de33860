import type { Db } from '@stockscan/db';
import { isStripeMissing } from '../billing/stripe-client';
import type { Deps } from '../deps';
import { AppError } from '../errors';

/** A subscription Stripe may still charge: anything but none or canceled. */
export interface BillableTenant {
  id: string;
  name: string;
  stripe_subscription_id: string | null;
  subscription_status: string;
}

export const stillBilled = (t: BillableTenant): t is BillableTenant & { stripe_subscription_id: string } =>
  t.stripe_subscription_id !== null && t.subscription_status !== 'CANCELED';

export function readBillableTenants(db: Db, tenantIds: string[]): Promise<BillableTenant[]> {
  if (tenantIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tenants')
    .select(['id', 'name', 'stripe_subscription_id', 'subscription_status'])
    .where('id', 'in', tenantIds)
    .orderBy('id')
    .execute();
}

const stripeDown = (tenantName: string) =>
  new AppError('STRIPE_UNAVAILABLE', {
    fr: `Impossible de résilier l’abonnement de « ${tenantName} » auprès de Stripe pour le moment : rien n’a été supprimé. Réessayez dans quelques minutes.`,
    en: `The subscription of “${tenantName}” could not be cancelled with Stripe right now: nothing was deleted. Try again in a few minutes.`,
  });

/**
 * Cancels at Stripe, immediately, the subscription of every tenant about to be deleted; called before the
 * deletion's transaction (no lock held while Stripe answers). A subscription Stripe no longer knows counts as
 * cancelled; any other failure (or Stripe not configured) stops the deletion with nothing deleted.
 * Returns the subscription ids cancelled.
 */
export async function cancelSubscriptions(
  deps: Pick<Deps, 'stripe'>,
  tenants: BillableTenant[],
): Promise<Set<string>> {
  const cancelled = new Set<string>();
  for (const tenant of tenants.filter(stillBilled)) {
    if (!deps.stripe) throw stripeDown(tenant.name);
    try {
      await deps.stripe.subscriptions.cancel(tenant.stripe_subscription_id);
    } catch (error) {
      if (!isStripeMissing(error)) throw stripeDown(tenant.name);
    }
    cancelled.add(tenant.stripe_subscription_id);
  }
  return cancelled;
}
