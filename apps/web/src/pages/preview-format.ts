import type { Locale } from '@stockscan/contracts';

/**
 * The landing's preview numbers (quantities, a stock value in euros), written without Intl: the page's first
 * Intl.NumberFormat makes the browser load its locale data — 51 ms of main thread in Chromium on the machine
 * measured, ~200 ms of Lighthouse's simulated phone, all of it inside the landing's hydration. The text is exactly
 * what `Intl.NumberFormat('fr-FR' | 'en-GB', …)` writes for non-negative numbers below 10^12 (preview-format.test.ts
 * compares them), so the prerendered HTML and the hydrated page agree whatever ICU the browser has.
 */

const GROUP: Record<Locale, string> = { fr: '\u202f', en: ',' };
const DECIMAL: Record<Locale, string> = { fr: ',', en: '.' };

/** The integer's digits in groups of three (fr-FR and en-GB group from 1,000 on). */
function grouped(whole: number, locale: Locale): string {
  const digits = String(whole);
  let text = '';
  for (let end = digits.length; end > 0; end -= 3)
    text = (end - 3 > 0 ? GROUP[locale] : '') + digits.slice(Math.max(0, end - 3), end) + text;
  return text;
}

/**
 * `n` rounded to `digits` decimals as Intl rounds: half away from zero on the number's shortest text (534202.0665
 * → 534202.067, where the double itself lies a hair below), as an integer count of 10^-digits.
 */
function scaled(n: number, digits: number): number {
  if (n < 1e-6) return 0; // written with an exponent by String(); 0 at 3 decimals anyway
  const [whole = '0', decimals = ''] = String(n).split('.');
  const kept = Number(whole) * 10 ** digits + Number(decimals.slice(0, digits).padEnd(digits, '0') || '0');
  return (decimals[digits] ?? '0') >= '5' ? kept + 1 : kept;
}

/** A quantity, at most 3 decimals (`maximumFractionDigits: 3`): 1234.5 → "1 234,5" / "1,234.5". */
export function previewNumber(n: number, locale: Locale): string {
  const thousandths = scaled(n, 3);
  const fraction = String(thousandths % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return grouped(Math.floor(thousandths / 1000), locale) + (fraction ? DECIMAL[locale] + fraction : '');
}

/** Whole euros (`style: 'currency', currency: 'EUR', maximumFractionDigits: 0`): "2 384 €" / "€2,384". */
export function previewEuros(n: number, locale: Locale): string {
  const whole = grouped(scaled(n, 0), locale);
  return locale === 'fr' ? `${whole}\u00a0€` : `€${whole}`;
}
