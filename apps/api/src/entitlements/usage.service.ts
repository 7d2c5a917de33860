import { type Db, preparedQuery } from '@stockscan/db';
import {
  type CountUsage,
  monthRangeOf,
  QUOTA_LIMIT_KEYS,
  type QuotaKind,
  type QuotaUsage,
} from '@stockscan/entitlements';
import { sql } from 'kysely';

/** Every limit check and the entitlements page count these: compiled once. */
const heldCounts = preparedQuery<{ tenantId: string; now: Date }>()((db, param) =>
  db.selectNoFrom((eb) => [
    eb
      .selectFrom('products')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('tenant_id', '=', param('tenantId'))
      .where('archived_at', 'is', null)
      .as('products_count'),
    eb
      .selectFrom('services')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('tenant_id', '=', param('tenantId'))
      .as('services_count'),
    eb
      .selectFrom('memberships')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('tenant_id', '=', param('tenantId'))
      .where('status', 'in', ['ACTIVE', 'INVITED'])
      .as('members'),
    eb
      .selectFrom('invitations')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('tenant_id', '=', param('tenantId'))
      .where('status', '=', 'SENT')
      .where('expires_at', '>', param('now'))
      .as('invitations'),
  ]),
);

/** What the tenant holds: live products, services, and seats (ACTIVE + INVITED members + pending invitations). */
export async function countUsage(db: Db, tenantId: string, now: Date): Promise<CountUsage> {
  const row = await heldCounts.executeTakeFirst(db, { tenantId, now });
  return {
    products_count: Number(row?.products_count ?? 0),
    services_count: Number(row?.services_count ?? 0),
    users_count: Number(row?.members ?? 0) + Number(row?.invitations ?? 0),
  };
}

const monthEvents = preparedQuery<{ tenantId: string; start: Date; end: Date }>()((db, param) =>
  db
    .selectFrom('usage_events')
    .select(['kind', sql<number>`count(*)::int`.as('n')])
    .where('tenant_id', '=', param('tenantId'))
    .where('created_at', '>=', param('start'))
    .where('created_at', '<', param('end'))
    .groupBy('kind'),
);

/** Ledger rows of this calendar month (UTC) per quota, under the limit key each counts against. */
export async function quotaUsage(db: Db, tenantId: string, now: Date): Promise<QuotaUsage> {
  const { start, end } = monthRangeOf(now);
  const rows = await monthEvents.execute(db, { tenantId, start, end });
  const usage: QuotaUsage = { exports_xlsx_month: 0, exports_csv_month: 0, ai_requests_month: 0 };
  for (const [kind, key] of Object.entries(QUOTA_LIMIT_KEYS) as [QuotaKind, keyof QuotaUsage][]) {
    usage[key] = Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  }
  return usage;
}
