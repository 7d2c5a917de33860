import type { Locale } from '@stockscan/contracts';

/** French unless the client prefers English (Accept-Language or ?lang=). */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'fr';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fr';
}
