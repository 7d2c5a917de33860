import type Stripe from 'stripe';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Actor } from '../request/actor';

/**
 * The tenant's Stripe customer id, created and stored on first use. The tenant row is locked while Stripe
 * creates it, so two concurrent checkouts store one customer; the idempotency key covers a retry after a
 * rollback.
 */
export async function ensureStripeCustomer(deps: Deps, stripe: Stripe, actor: Actor): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const tenant = await tx
      .selectFrom('tenants')
      .select(['id', 'name', 'stripe_customer_id'])
      .where('id', '=', actor.tenantId)
      .forUpdate()
      .executeTakeFirst();
    if (!tenant) throw new AppError('NOT_FOUND');
    if (tenant.stripe_customer_id) return tenant.stripe_customer_id;
    const user = await tx
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
