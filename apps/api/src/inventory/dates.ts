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
