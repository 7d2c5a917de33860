/**
 * A number as suppliers and tills write it: "12,5", "1 234,56", "1.234,56", "1,234.56", "12.50 €", "-3".
 * undefined when the text is not a number; null when the cell is empty.
 */
export function parseDecimal(text: string): number | null | undefined {
  let s = text.replace(/[\s\u00a0\u202f']/g, '').replace(/(€|eur|euros?|ht|ttc|\$|£)$/i, '');
  if (s === '') return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // The later mark is the decimal one; the other groups thousands.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    s = (s.match(/,/g)?.length ?? 0) > 1 ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if ((s.match(/\./g)?.length ?? 0) > 1) {
    s = s.replace(/\./g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoIfValid(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as YYYY-MM-DD from "31/12/2026", "31-12-26", "31.12.2026", "2026-12-31" or an Excel serial day
 * (French order: day first). undefined when unreadable; null when empty.
 */
export function parseDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  let m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/);
  if (m) return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/);
  if (m) {
    const y = Number(m[3]);
    return isoIfValid(y < 100 ? 2000 + y : y, Number(m[2]), Number(m[1]));
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const date = new Date(EXCEL_EPOCH + Math.floor(Number(s)) * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  return undefined;
}
