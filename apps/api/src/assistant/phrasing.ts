import type { Locale } from '@stockscan/contracts';

/** How the fallback writes numbers and lists in the reader's language. */
export interface Phrasing {
  locale: Locale;
  fr: boolean;
  money(n: number): string;
  qty(n: number): string;
  /** The first three names, then "and N more". */
  list(names: string[], total: number): string;
}

export function phrasing(locale: Locale, currency: string): Phrasing {
  const fr = locale === 'fr';
  const tag = fr ? 'fr-FR' : 'en-GB';
  return {
    locale,
    fr,
    money: (n) => new Intl.NumberFormat(tag, { style: 'currency', currency }).format(n),
    qty: (n) => new Intl.NumberFormat(tag, { maximumFractionDigits: 3 }).format(n),
    list(names, total) {
      const shown = names.slice(0, 3).join(', ');
      const more = total - Math.min(names.length, 3);
      if (more <= 0) return shown;
      return fr ? `${shown} et ${more} autre(s)` : `${shown} and ${more} more`;
    },
  };
}
