import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatMoney } from '../inventory/scope/format';
import { m } from './messages';

/** Dashboard card (Duo+): the month's cost of goods and, with Multi and imported sales, the unexplained gap. */
export function ConsumptionCard({ serviceId, month }: { serviceId: string; month: string }) {
  const t = useT(m);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const { can, data: ent } = useEntitlements();
  const allowed = can('stock_control').ok;
  const report = useQuery({
    ...trpc.inventory.usage.get.queryOptions({ service_id: serviceId, month, limit: 0 }),
    enabled: allowed,
  });
  if (!allowed || !report.data) return null;
  const money = (n: number) => formatMoney(locale, ent?.currency_code ?? 'EUR', n);
  const { totals } = report.data;
  return (
    <div className="card consumption-card">
      <h2>{t('card_title')}</h2>
      <p>
        {t('cost_of_goods')} : <strong>{money(totals.usage_cost)}</strong>
      </p>
      {totals.unexplained_cost !== null ? (
        <p>
          {t('unexplained_total')} : <strong>{money(totals.unexplained_cost)}</strong>
        </p>
      ) : null}
      {totals.missing_count > 0 ? (
        <p className="muted">{t('missing_counts', { n: totals.missing_count })}</p>
      ) : null}
      <Link to="/app/consumption">{t('card_link')}</Link>
    </div>
  );
}
