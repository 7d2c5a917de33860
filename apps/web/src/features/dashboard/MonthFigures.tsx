import type { ReactNode } from 'react';
import { MonthCharts } from './MonthCharts';
import type { Stats } from './month-stats';
import { ValueCards } from './ValueCards';

/** Value cards, value by category, losses by reason and the largest changes of the month. */
export function MonthFigures({
  stats,
  previousMonth,
  afterCards,
}: {
  stats: Stats;
  previousMonth: string;
  /** Shown between the value cards and the charts (the alerts: what to act on comes first). */
  afterCards?: ReactNode;
}) {
  return (
    <>
      <ValueCards stats={stats} previousMonth={previousMonth} />
      {afterCards}
      <MonthCharts stats={stats} />
    </>
  );
}
