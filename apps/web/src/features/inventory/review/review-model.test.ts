import type { Period } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { format } from '../../../i18n/i18n';
import { m } from './messages';
import {
  closedMonthLines,
  closeWarnings,
  monthInSentence,
  monthName,
  periodView,
  reasonText,
} from './review-model';

const open: Period = {
  service_id: '00000000-0000-4000-8000-000000000001',
  month: '2026-11',
  status: 'OPEN',
  closed_by: null,
  closed_by_name: null,
  closed_at: null,
  reopened_by: null,
  reopened_by_name: null,
  reopened_at: null,
  reopen_reason: null,
};

describe('periodView', () => {
  it('says nothing of a month never closed (or not loaded yet)', () => {
    expect(periodView(undefined)).toEqual({ kind: 'open' });
    expect(periodView(open)).toEqual({ kind: 'open' });
  });

  it('a closed month: when and by whom', () => {
    expect(
      periodView({ ...open, status: 'CLOSED', closed_at: '2026-11-30T21:14:00.000Z', closed_by_name: 'lea' }),
    ).toEqual({ kind: 'closed', at: '2026-11-30T21:14:00.000Z', by: 'lea' });
  });

  it('a reopened month: when, by whom and why (closed again, only the closing shows)', () => {
    const reopened: Period = {
      ...open,
      closed_at: '2026-11-30T21:14:00.000Z',
      closed_by_name: 'lea',
      reopened_at: '2026-12-01T08:00:00.000Z',
      reopened_by_name: 'marc',
      reopen_reason: 'Livraison oubliée',
    };
    expect(periodView(reopened)).toEqual({
      kind: 'reopened',
      at: '2026-12-01T08:00:00.000Z',
      by: 'marc',
      reason: 'Livraison oubliée',
    });
    expect(periodView({ ...reopened, status: 'CLOSED' }).kind).toBe('closed');
  });
});

describe('reasonText', () => {
  const fr = (key: keyof (typeof m)['fr'], vars?: Record<string, string | number>) => format(m.fr[key], vars);
  const ctx = {
    t: fr,
    previousMonth: monthName('fr', '2026-10'),
    unit: 'pcs',
    qty: (n: number) => String(n).replace('.', ','),
    money: (n: number) => `${n} €`,
  };

  it('speaks the trade: the change vs last month with its value, opened containers, the usual', () => {
    expect(reasonText({ kind: 'change', previous: 10, percent: 180, value: 200 }, ctx)).toBe(
      '+180 % vs octobre (200 €)',
    );
    expect(reasonText({ kind: 'change', previous: 10, percent: -60, value: null }, ctx)).toBe(
      '-60 % vs octobre',
    );
    expect(reasonText({ kind: 'opened', containers: 3 }, ctx)).toBe('3 contenants entamés');
    expect(reasonText({ kind: 'far_above', usual: 2, ratio: 4.5 }, ctx)).toBe('4,5 × l’habitude (2 pcs)');
  });

  it('English has every message', () => {
    expect(Object.keys(m.en).sort()).toEqual(Object.keys(m.fr).sort());
    expect(monthName('en', '2026-10')).toBe('October');
  });
});

describe('closedMonthLines', () => {
  it('counts the lines refused because their month is closed, not the others', () => {
    expect(
      closedMonthLines([
        { failed: { code: 'MONTH_CLOSED' } },
        { failed: null },
        { failed: { code: 'VALIDATION_ERROR' } },
        { failed: { code: 'MONTH_CLOSED' } },
      ]),
    ).toBe(2);
    expect(closedMonthLines([])).toBe(0);
  });
});

describe('closeWarnings', () => {
  it('what is left before closing: products still to check (a recount asked is in hand) and not counted yet', () => {
    expect(
      closeWarnings({
        suspicious: [{ state: 'TO_REVIEW' }, { state: 'RECOUNT_REQUESTED' }, { state: 'RECOUNTED' }],
        products: { total: 80, counted: 78 },
      }),
    ).toEqual({ toCheck: 2, uncounted: 2 });
    expect(closeWarnings({ suspicious: [], products: { total: 3, counted: 3 } })).toEqual({
      toCheck: 0,
      uncounted: 0,
    });
    expect(monthInSentence('fr', '2026-12')).toBe('décembre 2026');
  });
});
