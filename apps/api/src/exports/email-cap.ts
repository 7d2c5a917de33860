import type { Db } from '@stockscan/db';
import { DAY_MS } from '@stockscan/entitlements';
import { sql } from 'kysely';
import { type QuotaReservation, reserveLedgerRow } from '../entitlements/enforce';
import { AppError } from '../errors';

/**
 * The ledger row of a file mailed to an address a user typed (an emailed export, an order to a supplier) carries
 * this flag; the daily cap counts those rows, whatever their kind.
 */
export const EMAILED_PARAM = 'emailed';

/**
 * `EXPORT_EMAIL_DAILY_LIMIT` files mailed per tenant over the last 24 hours — emailed exports and orders to
 * suppliers together — checked under the tenant lock the ledger write holds (N parallel sends at the edge:
 * exactly the allowed number go out). A failed send gives its ledger row back, so it does not count. Refused
 * with 429 RATE_LIMITED and Retry-After.
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
        fr: `${limit} envois de fichiers par e-mail (exports et commandes) en 24 heures : c’est le maximum. Téléchargez le fichier, ou réessayez plus tard.`,
        en: `${limit} files emailed (exports and orders) in 24 hours is the maximum. Download the file, or try again later.`,
      },
      undefined,
      { 'retry-after': String(retryAfter) },
      { limit },
    );
  };
}

/**
 * Reserves one mailed order to a supplier under the same daily cap as emailed exports (no monthly quota of the
 * plan: ordering is PRO). `release()` when the mail did not go out.
 */
export function reserveOrderEmail(
  db: Db,
  call: { tenantId: string; userId: string; limit: number; now: Date; orderId: string },
): Promise<QuotaReservation> {
  return reserveLedgerRow(
    db,
    {
      tenantId: call.tenantId,
      userId: call.userId,
      kind: 'order_email',
      now: call.now,
      params: { [EMAILED_PARAM]: true, order_id: call.orderId },
    },
    emailedExportsCap(call.tenantId, call.limit, call.now),
  );
}
