import type { Month } from '@stockscan/contracts';
import { useId } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { monthLabel } from '../inventory/scope/format';
import { ChoiceGroup } from './ChoiceGroup';
import { exportMessages } from './messages';

/** One month, or a range of months (from, to); the choices of both kinds are kept while switching. */
export interface Period {
  kind: 'month' | 'range';
  month: Month;
  from: Month;
  to: Month;
}

/** The period with each month among those offered: the list shrinks once the plan is known (Solo keeps 14 days). */
export function offeredPeriod(period: Period, months: Month[]): Period {
  const latest = months[0] as Month;
  const oldest = months[months.length - 1] ?? latest;
  return {
    kind: period.kind,
    month: months.includes(period.month) ? period.month : latest,
    from: months.includes(period.from) ? period.from : oldest,
    to: months.includes(period.to) ? period.to : latest,
  };
}

/** The export's period: a month or a range, among the months the plan may read. */
export function PeriodPicker({
  months,
  period,
  onPeriod,
  rangeWrong,
  historyDays,
}: {
  months: Month[];
  period: Period;
  onPeriod: (period: Period) => void;
  rangeWrong: boolean;
  historyDays: number | null;
}) {
  const t = useT(exportMessages);
  const { locale } = useLocale();
  const ids = { month: useId(), from: useId(), to: useId(), rangeError: useId() };
  const set = (patch: Partial<Period>) => onPeriod({ ...period, ...patch });
  const monthOptions = months.map((m) => (
    <option key={m} value={m}>
      {monthLabel(locale, m)}
    </option>
  ));
  return (
    <>
      <ChoiceGroup
        legend={t('period')}
        name="period"
        value={period.kind}
        onChange={(kind) => set({ kind })}
        compact
        options={[
          { value: 'month', label: t('period_month') },
          { value: 'range', label: t('period_range') },
        ]}
      />
      {period.kind === 'month' ? (
        <div className="export-months">
          <div>
            <label htmlFor={ids.month}>{t('month')}</label>
            <select
              id={ids.month}
              value={period.month}
              onChange={(e) => set({ month: e.target.value as Month })}
            >
              {monthOptions}
            </select>
          </div>
        </div>
      ) : (
        <div className="export-months">
          <div>
            <label htmlFor={ids.from}>{t('from')}</label>
            <select
              id={ids.from}
              value={period.from}
              onChange={(e) => set({ from: e.target.value as Month })}
            >
              {monthOptions}
            </select>
          </div>
          <div>
            <label htmlFor={ids.to}>{t('to')}</label>
            <select
              id={ids.to}
              value={period.to}
              aria-invalid={rangeWrong ? true : undefined}
              aria-describedby={rangeWrong ? ids.rangeError : undefined}
              onChange={(e) => set({ to: e.target.value as Month })}
            >
              {monthOptions}
            </select>
          </div>
        </div>
      )}
      {rangeWrong ? (
        <p id={ids.rangeError} className="field-error" role="alert">
          {t('range_order')}
        </p>
      ) : null}
      {historyDays !== null ? (
        <p className="muted export-note">{t('history_hint', { days: historyDays })}</p>
      ) : null}
    </>
  );
}
