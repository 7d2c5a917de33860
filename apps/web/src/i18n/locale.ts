import type { Locale } from '@stockscan/contracts';

const KEY = 'stockscan.locale';

/** French first; English when chosen, or when the browser prefers it and nothing was chosen. */
export function getLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
  if (stored === 'fr' || stored === 'en') return stored;
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'fr';
  return nav.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function storeLocale(locale: Locale): void {
  // The demo deployment writes nothing anywhere (SPEC §2): the choice lasts for the page only.
  if (!__DEMO_MODE__) localStorage.setItem(KEY, locale);
  document.documentElement.lang = locale;
}
