import type { DeleteAccountInput, DeleteAccountResult } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { isActiveOwner } from '@stockscan/entitlements';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { hitRateLimit, resetRateLimit } from '../ratelimit/rate-limit.service';
import type { AccessClaims } from '../request/access-token';
import { cancelSubscriptions, readBillableTenants, stillBilled } from './account-billing';
import { verifyPassword } from './passwords';

const CONFIRM_RATE_LIMIT = { limit: 10, windowMs: 15 * 60_000 } as const;

const wrongPassword = () =>
  new AppError(
    'VALIDATION_ERROR',
    { fr: 'Mot de passe incorrect.', en: 'Wrong password.' },
    {
      password: 'Mot de passe incorrect.',
    },
  );

const lastOwner = (tenantName: string) =>
  new AppError('LAST_OWNER', {
    fr: `Vous êtes le dernier propriétaire de « ${tenantName} », qui a d’autres membres : nommez un autre propriétaire ou retirez-les avant de supprimer votre compte.`,
    en: `You are the last owner of “${tenantName}”, which has other members: make someone else owner or remove them before deleting your account.`,
  });

/** Deletes a tenant and everything it holds (products first: services keep them with ON DELETE RESTRICT). */
async function deleteTenantData(tx: Db, tenantId: string): Promise<void> {
  await tx.deleteFrom('products').where('tenant_id', '=', tenantId).execute();
  await tx.deleteFrom('memberships').where('tenant_id', '=', tenantId).execute();
  await tx.deleteFrom('tenants').where('id', '=', tenantId).execute();
}

const billingMoved = () =>
  new AppError('CONFLICT', {
    fr: 'L’abonnement a changé pendant la suppression : rien n’a été supprimé, réessayez.',
    en: 'The subscription changed during the deletion: nothing was deleted, try again.',
  });

const othersOf = (db: Db, tenantId: string, userId: string) =>
  db
    .selectFrom('memberships')
    .select(['role', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '!=', userId)
    .execute();

/**
 * The tenants that go with the account (owned, nobody else in them), or LAST_OWNER when one has other
 * members but no other active owner. Read without locks to cancel their subscriptions first; the deletion's
 * transaction checks again under the locks.
 */
async function tenantsGoingWith(db: Db, userId: string): Promise<string[]> {
  const owned = await db
    .selectFrom('memberships')
    .innerJoin('tenants', 'tenants.id', 'memberships.tenant_id')
    .select(['tenants.id', 'tenants.name'])
    .where('memberships.user_id', '=', userId)
    .where('memberships.role', '=', 'owner')
    .where('memberships.status', '=', 'ACTIVE')
    .orderBy('tenants.id')
    .execute();
  const alone: string[] = [];
  for (const tenant of owned) {
    const others = await othersOf(db, tenant.id, userId);
    if (others.some(isActiveOwner)) continue;
    if (others.length > 0) throw lastOwner(tenant.name);
    alone.push(tenant.id);
  }
  return alone;
}

/**
 * Deletes the account after checking its password. A tenant the user owns alone goes with it when nobody
 * else belongs to it; a tenant with other members but no other ACTIVE owner refuses (409 LAST_OWNER) and
 * nothing is deleted. The Stripe subscription of a tenant deleted is cancelled first (503
 * STRIPE_UNAVAILABLE and nothing deleted when Stripe fails).
 */
export async function deleteAccount(
  deps: Pick<Deps, 'db' | 'now' | 'stripe'>,
  claims: AccessClaims,
  input: DeleteAccountInput,
): Promise<DeleteAccountResult> {
  const now = deps.now();
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'is_active'])
    .where('id', '=', claims.userId)
    .executeTakeFirst();
  if (!user?.is_active) throw new AppError('TOKEN_INVALID');
  const limitKey = `delete-account:${user.id}`;
  const attempt = await hitRateLimit(deps.db, limitKey, CONFIRM_RATE_LIMIT, now);
  if (!attempt.allowed)
    throw new AppError('RATE_LIMITED', undefined, undefined, {
      'retry-after': String(attempt.retryAfterSeconds),
    });
  if (!(await verifyPassword(user.password_hash, input.password))) throw wrongPassword();
  await resetRateLimit(deps.db, limitKey);

  // Subscriptions of the tenants that go with the account are cancelled first, outside any lock: if Stripe
  // fails, nothing is deleted. The transaction then re-checks under the locks.
  const planned = await readBillableTenants(deps.db, await tenantsGoingWith(deps.db, user.id));
  const cancelled = await cancelSubscriptions(deps, planned);

  const tenantsDeleted = await deps.db.transaction().execute(async (tx) => {
    const memberships = await tx
      .selectFrom('memberships')
      .select(['tenant_id', 'role', 'status'])
      .where('user_id', '=', user.id)
      .execute();
    const owned = memberships
      .filter(isActiveOwner)
      .map((m) => m.tenant_id)
      .sort();
    // Locked in id order: joins and role changes of these tenants wait for us.
    const tenants =
      owned.length === 0
        ? []
        : await tx
            .selectFrom('tenants')
            .select(['id', 'name', 'stripe_subscription_id', 'subscription_status'])
            .where('id', 'in', owned)
            .orderBy('id')
            .forUpdate()
            .execute();
    const alone: string[] = [];
    for (const tenant of tenants) {
      const others = await othersOf(tx, tenant.id, user.id);
      if (others.some(isActiveOwner)) continue;
      if (others.length > 0) throw lastOwner(tenant.name);
      // A subscription started since the cancellation above: never delete a tenant Stripe still bills.
      if (stillBilled(tenant) && !cancelled.has(tenant.stripe_subscription_id)) throw billingMoved();
      alone.push(tenant.id);
    }
    for (const tenantId of alone) await deleteTenantData(tx, tenantId);
    for (const m of memberships.filter((m) => !alone.includes(m.tenant_id)))
      await recordAudit(tx, {
        at: now,
        tenant_id: m.tenant_id,
        user_id: null,
        action: 'auth.account_deleted',
        object_type: 'user',
        object_id: user.id,
        meta: { username: user.username, role: m.role },
      });
    // Memberships, refresh and emailed tokens go with the user (ON DELETE CASCADE).
    await tx.deleteFrom('users').where('id', '=', user.id).execute();
    return alone;
  });
  return { deleted: true, tenants_deleted: tenantsDeleted };
}
