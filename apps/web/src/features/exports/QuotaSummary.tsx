import type { ExportFormat } from '@stockscan/contracts';
import type { QuotaLeft } from '@stockscan/entitlements';
import { useT } from '../../i18n/i18n';
import { exportMessages } from './messages';

const KEYS = {
  xlsx: { limited: 'quota_xlsx', unlimited: 'quota_xlsx_unlimited' },
  csv: { limited: 'quota_csv', unlimited: 'quota_csv_unlimited' },
} as const;

/** "Exports Excel ce mois-ci : 0 / 1" for each format; the spent one stands out in words, not colour alone. */
export function QuotaSummary({ quotas }: { quotas: Record<ExportFormat, QuotaLeft> }) {
  const t = useT(exportMessages);
  return (
    <section className="export-quota" aria-labelledby="export-quota-title">
      <h2 id="export-quota-title" className="sr-only">
        {t('quota_title')}
      </h2>
      <ul>
        {(['xlsx', 'csv'] as const).map((format) => {
          const q = quotas[format];
          const spent = q.left === 0;
          return (
            <li key={format} className={spent ? 'export-quota-spent' : undefined} data-format={format}>
              {q.limit === null
                ? t(KEYS[format].unlimited, { used: q.used })
                : t(KEYS[format].limited, { used: q.used, limit: q.limit })}
              {spent ? <strong> — {t('quota_none_left')}</strong> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
