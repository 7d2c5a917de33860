import type Stripe from 'stripe';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Actor } from '../request/actor';

/**
 * The tenant's Stripe customer id, created and stored on first use. Stripe is called with no transaction
 * open and no lock held (a slow Stripe must not block the tenant row); concurrent first uses share one call
 * in this process, the idempotency key gives other instances the same customer, and the write under the
 * lock keeps whichever id was stored first.
 */
export function ensureStripeCustomer(deps: Deps, stripe: Stripe, actor: Actor): Promise<string> {
  // Concurrent first uses in this process share one Stripe call.
  const pending = creating.get(actor.tenantId);
  if (pending) return pending;
  const created = findOrCreate(deps, stripe, actor).finally(() => creating.delete(actor.tenantId));
  creating.set(actor.tenantId, created);
  return created;
}

const creating = new Map<string, Promise<string>>();

async function findOrCreate(deps: Deps, stripe: Stripe, actor: Actor): Promise<string> {
  const tenant = await deps.db
    .selectFrom('tenants')
    .select(['id', 'name', 'stripe_customer_id'])
    .where('id', '=', actor.tenantId)
    .executeTakeFirst();
  if (!tenant) throw new AppError('NOT_FOUND');
  if (tenant.stripe_customer_id) return tenant.stripe_customer_id;
  const user = await deps.db
    .selectFrom('users')
    .select('email')
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  const customer = await stripe.customers.create(
    {
      name: tenant.name,
      ...(user?.email ? { email: user.email } : {}),
      metadata: { tenant_id: tenant.id },
    },
    { idempotencyKey: `stockscan-customer-${tenant.id}` },
  );
  return deps.db.transaction().execute(async (tx) => {
    const locked = await tx
      .selectFrom('tenants')
      .select('stripe_customer_id')
      .where('id', '=', tenant.id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw new AppError('NOT_FOUND');
    if (locked.stripe_customer_id) return locked.stripe_customer_id;
    await tx
      .updateTable('tenants')
      .set({ stripe_customer_id: customer.id })
      .where('id', '=', tenant.id)
      .execute();
    await recordAudit(tx, {
      tenant_id: tenant.id,
      user_id: actor.userId,
      action: 'billing.customer_created',
      object_type: 'tenant',
      object_id: tenant.id,
      meta: { stripe_customer_id: customer.id },
    });
    return customer.id;
  });
}
