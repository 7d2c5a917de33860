import type { Db } from '@stockscan/db';
import { DAY_MS } from '@stockscan/entitlements';
import { sql } from 'kysely';
import { AppError } from '../errors';

/** The ledger row of an emailed export carries this flag; the daily cap counts those rows. */
export const EMAILED_PARAM = 'emailed';

/**
 * `EXPORT_EMAIL_DAILY_LIMIT` emailed exports per tenant over the last 24 hours, checked under the tenant lock
 * `consumeQuota` holds (N parallel sends at the edge: exactly the allowed number go out). A failed export
 * gives its ledger row back, so it does not count. Refused with 429 RATE_LIMITED and Retry-After.
 */
export function emailedExportsCap(tenantId: string, limit: number, now: Date) {
  return async (tx: Db): Promise<void> => {
    const since = new Date(now.getTime() - DAY_MS);
    const row = await tx
      .selectFrom('usage_events')
      .select([sql<number>`count(*)::int`.as('sent'), sql<Date | null>`min(created_at)`.as('oldest')])
      .where('tenant_id', '=', tenantId)
      .where('created_at', '>', since)
      .where(sql<boolean>`(params->>${EMAILED_PARAM})::boolean`)
      .executeTakeFirstOrThrow();
    if (row.sent < limit) return;
    const freesAt = row.oldest ? new Date(row.oldest).getTime() + DAY_MS : now.getTime() + DAY_MS;
    const retryAfter = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
    throw new AppError(
      'RATE_LIMITED',
      {
        fr: `${limit} envois d’export par e-mail en 24 heures : c’est le maximum. Téléchargez le fichier, ou réessayez plus tard.`,
        en: `${limit} emailed exports in 24 hours is the maximum. Download the file, or try again later.`,
      },
      undefined,
      { 'retry-after': String(retryAfter) },
      { limit },
    );
  };
}
