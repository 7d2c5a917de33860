/** Dates on the wire: ISO 8601 strings; months as 'YYYY-MM'. */
export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  const prev = new Date(Date.UTC(year, index - 1, 1));
  return prev.toISOString().slice(0, 7);
}

/** The furthest local time on Earth is UTC+14. */
const FURTHEST_AHEAD_MS = 14 * 3600 * 1000;

/**
 * A day ('YYYY-MM-DD') typed as "today" by someone anywhere is never refused as "in the future": at 00:30
 * in Paris it is still yesterday in UTC. After today in UTC+14, it is the future everywhere.
 */
export function isFutureDay(day: string, now: Date): boolean {
  return day > new Date(now.getTime() + FURTHEST_AHEAD_MS).toISOString().slice(0, 10);
}
