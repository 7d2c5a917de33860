import type { Month } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';

/** 'YYYY-MM' → 'MM/YYYY', as titles show months. */
export const frenchMonth = (month: Month) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** dd/mm/yyyy of an instant, in UTC like the app's other dates written by the server. */
const frenchDay = (date: Date) => date.toISOString().slice(0, 10).split('-').reverse().join('/');

/**
 * What the title row says of the closed months of the export (SPEC §11): " — clôturé le 30/11/2026 par Léa"
 * for one service's one month, else each closed service and month; '' when none is closed.
 */
export async function closedMonthsNote(
  db: Db,
  tenantId: string,
  services: { id: string; name: string }[],
  from: Month,
  to: Month,
): Promise<string> {
  if (services.length === 0) return '';
  const closed = await db
    .selectFrom('inventory_periods as ip')
    .innerJoin('services as s', 's.id', 'ip.service_id')
    .leftJoin('users as u', 'u.id', 'ip.closed_by')
    .select(['s.name as service', 'ip.month', 'ip.closed_at', 'u.username as closed_by'])
    .where('ip.tenant_id', '=', tenantId)
    .where(
      'ip.service_id',
      'in',
      services.map((s) => s.id),
    )
    .where('ip.month', '>=', from)
    .where('ip.month', '<=', to)
    .where('ip.status', '=', 'CLOSED')
    .orderBy('s.name')
    .orderBy('ip.month')
    .execute();
  const when = (row: (typeof closed)[number]) =>
    `le ${row.closed_at ? frenchDay(row.closed_at) : '?'}${row.closed_by ? ` par ${row.closed_by}` : ''}`;
  const [only] = closed;
  if (only && closed.length === 1 && services.length === 1 && from === to) return ` — clôturé ${when(only)}`;
  if (closed.length === 0) return '';
  const each = closed.map((row) => `${row.service} ${frenchMonth(row.month as Month)} ${when(row)}`);
  return ` — clôturé : ${each.join(' ; ')}`;
}
