import type { AppRouter } from '@stockscan/api';
import type { inferRouterOutputs } from '@trpc/server';
import { useLocale, useT } from '../../../i18n/i18n';
import { formatQty } from '../scope/format';
import { spotMessages } from './spot-messages';
import { spotVerdict } from './spot-result';

export type SpotCheck = inferRouterOutputs<AppRouter>['inventory']['spotChecks']['create'];

/** A check's answer: expected, counted, and the difference in words (missing in amber, extra in plain). */
export function SpotOutcome({ check, unit }: { check: SpotCheck; unit: string }) {
  const t = useT(spotMessages);
  const { locale } = useLocale();
  const verdict = spotVerdict(check.difference);
  const qty = (n: number) => `${formatQty(locale, n)} ${unit}`;
  return (
    <div className="spot-outcome" role="status">
      <dl className="spot-figures">
        <div>
          <dt>{t('expected')}</dt>
          <dd>{check.expected === null ? '—' : qty(check.expected)}</dd>
        </div>
        <div>
          <dt>{t('counted')}</dt>
          <dd>{qty(check.quantity)}</dd>
        </div>
        <div>
          <dt>{t('difference')}</dt>
          <dd>
            {check.difference === null ? '—' : `${check.difference > 0 ? '+' : ''}${qty(check.difference)}`}
          </dd>
        </div>
      </dl>
      <p className={`spot-verdict spot-${verdict.kind}`}>
        {verdict.kind === 'no_expected'
          ? t('no_expected')
          : verdict.kind === 'exact'
            ? t('exact')
            : t(verdict.kind, { qty: formatQty(locale, verdict.qty), unit })}
      </p>
    </div>
  );
}
