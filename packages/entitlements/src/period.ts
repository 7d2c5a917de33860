import { currentMonth, Month } from '@stockscan/contracts';
import { assertValidDate } from './assert';

export const DAY_MS = 86_400_000;

/** 'YYYY-MM' of a date in UTC — the contracts' rule, under the name this package uses. */
export const monthKey: (date: Date) => Month = currentMonth;

export type MonthRange = { start: Date; end: Date };

/** The UTC instants bounding a 'YYYY-MM' month: start inclusive, end exclusive (the next month's start). */
export function monthRange(month: Month): MonthRange {
  if (!Month.safeParse(month).success) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  const year = Number(month.slice(0, 4));
  return utcMonth(year, Number(month.slice(5, 7)) - 1);
}

/**
 * The UTC month a date falls in — monthRange(monthKey(date)) without the 'YYYY-MM' text and its check in between
 * (the month's quotas are counted on every limit check and entitlements read).
 */
export function monthRangeOf(date: Date): MonthRange {
  assertValidDate(date, 'date');
  return utcMonth(date.getUTCFullYear(), date.getUTCMonth());
}

function utcMonth(year: number, monthIndex: number): MonthRange {
  return { start: utcMonthStart(year, monthIndex), end: utcMonthStart(year, monthIndex + 1) };
}

function utcMonthStart(year: number, monthIndex: number): Date {
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 literal; month 12 rolls into the next year.
  const start = new Date(0);
  start.setUTCFullYear(year, monthIndex, 1);
  return start;
}
