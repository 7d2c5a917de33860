import type { Locale, Period, ReviewReason } from '@stockscan/contracts';

/** What the header of a month says: closed (who, when), reopened (who, when, why) or nothing. */
export type PeriodView =
  | { kind: 'open' }
  | { kind: 'closed'; at: string; by: string | null }
  | { kind: 'reopened'; at: string; by: string | null; reason: string };

export function periodView(period: Period | undefined): PeriodView {
  if (!period) return { kind: 'open' };
  if (period.status === 'CLOSED')
    return { kind: 'closed', at: period.closed_at ?? '', by: period.closed_by_name };
  if (period.reopened_at)
    return {
      kind: 'reopened',
      at: period.reopened_at,
      by: period.reopened_by_name,
      reason: period.reopen_reason ?? '',
    };
  return { kind: 'open' };
}

const localeTag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

/** "octobre" / "October": a month named in a sentence ("+180 % vs octobre"). */
export function monthName(locale: Locale, month: string): string {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(localeTag(locale), { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, mo - 1, 1)),
  );
}

/** "décembre 2026" / "December 2026": a month and its year inside a sentence. */
export function monthInSentence(locale: Locale, month: string): string {
  return `${monthName(locale, month)} ${month.slice(0, 4)}`;
}

/** What is still open before closing: products to check and products not counted yet (the zero ones left out). */
export function closeWarnings(review: {
  suspicious: readonly { state: string }[];
  products: { total: number; counted: number };
}): { toCheck: number; uncounted: number } {
  return {
    toCheck: review.suspicious.filter((s) => s.state !== 'RECOUNT_REQUESTED').length,
    uncounted: Math.max(0, review.products.total - review.products.counted),
  };
}

/** "15 nov. 2026 à 22:14" / "15 Nov 2026, 22:14": when a month was closed or reopened. */
export function formatWhen(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** "22:14" today, "15 nov., 22:14" another day: when a line was counted ("Léa · 22:14"). */
export function formatActivity(locale: Locale, iso: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(
    localeTag(locale),
    sameDay ? { timeStyle: 'short' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  ).format(date);
}

type Translate = (key: ReasonKey, vars?: Record<string, string | number>) => string;
type ReasonKey =
  | 'reason_change_up'
  | 'reason_change_down'
  | 'reason_change_value'
  | 'reason_opened'
  | 'reason_far_above';

export interface ReasonContext {
  t: Translate;
  /** "octobre" — the month a change is measured against. */
  previousMonth: string;
  unit: string;
  qty: (n: number) => string;
  money: (n: number) => string;
}

/** Each reason in the trade's words: "+180 % vs octobre (200 €)", "3 contenants entamés", "4 × l’habitude". */
export function reasonText(reason: ReviewReason, ctx: ReasonContext): string {
  const { t } = ctx;
  switch (reason.kind) {
    case 'change': {
      const key = reason.percent >= 0 ? 'reason_change_up' : 'reason_change_down';
      const change = t(key, { pct: reason.percent, month: ctx.previousMonth });
      return reason.value === null
        ? change
        : `${change} ${t('reason_change_value', { value: ctx.money(reason.value) })}`;
    }
    case 'opened':
      return t('reason_opened', { n: reason.containers });
    case 'far_above':
      return t('reason_far_above', {
        ratio: ctx.qty(reason.ratio),
        usual: ctx.qty(reason.usual),
        unit: ctx.unit,
      });
  }
}

/** Lines the server refused because their month is closed: kept on the phone, waiting for a reopening. */
export function closedMonthLines(entries: readonly { failed: { code: string } | null }[]): number {
  return entries.filter((e) => e.failed?.code === 'MONTH_CLOSED').length;
}
