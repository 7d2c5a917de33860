import type { Locale, Month } from '@stockscan/contracts';

/** Numbers as the person typed them: "12,5", "12.5", " 3 " → number; null when it is not a quantity. */
export function parseDecimal(text: string, maxDecimals = 3): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d*(\.\d*)?$/.test(cleaned) || cleaned === '' || cleaned === '.') return null;
  const [, decimals = ''] = cleaned.split('.');
  if (decimals.length > maxDecimals) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** Rounds away float noise (0.1 + 0.2) to the wire's 3 decimals. */
export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function formatQty(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 3 }).format(n);
}

/** What goes back in a quantity field: no thousands separator, the locale's decimal mark. */
export function qtyInputValue(locale: Locale, n: number): string {
  const text = String(round3(n));
  return locale === 'fr' ? text.replace('.', ',') : text;
}

export function formatMoney(locale: Locale, currency: string, n: number): string {
  try {
    return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency,
      maximumFractionDigits: 2,
    }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency}`;
  }
}

/** The month the person is living in (their clock, not UTC: a count at 00:30 on the 1st is the new month). */
export function currentLocalMonth(now = new Date()): Month {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export function shiftMonth(month: Month, delta: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

export function isMonth(value: string | null): value is Month {
  return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function monthLabel(locale: Locale, month: Month, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const label = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function formatDate(locale: Locale, iso: string): string {
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: iso.length === 10 ? 'UTC' : undefined,
  }).format(date);
}

/** Today as YYYY-MM-DD on the person's clock (date inputs). */
export function todayLocal(now = new Date()): string {
  return `${currentLocalMonth(now)}-${String(now.getDate()).padStart(2, '0')}`;
}

/** "€" for EUR, "CHF" for CHF…: what a price label shows. */
export function currencySymbol(locale: Locale, currency: string): string {
  try {
    const parts = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency,
    }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
