import type { Locale } from '@stockscan/contracts';

/** "22:14" today, "12/11 22:14" another day: when a line was counted, in the phone's time zone. */
export function countedTime(locale: Locale, iso: string, now = new Date()): string {
  const at = new Date(iso);
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }).format(at);
  if (at.toDateString() === now.toDateString()) return time;
  const day = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit' }).format(at);
  return `${day} ${time}`;
}
