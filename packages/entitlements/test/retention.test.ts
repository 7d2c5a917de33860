import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  entitlementsFor,
  historyCutoff,
  isMonthReadable,
  isWithinHistory,
  monthKey,
  monthRange,
  PLAN_CODES,
  PLAN_ORDER,
  readableFromMonth,
} from '../src/index';

const NOW = new Date('2025-03-15T12:00:00.000Z');
const solo = entitlementsFor('ESSENTIEL');

describe('historyCutoff', () => {
  it('is 14 days before now for Solo', () => {
    expect(historyCutoff(solo, NOW)).toEqual(new Date('2025-03-01T12:00:00.000Z'));
  });

  it('is null (everything readable) for Duo and Multi', () => {
    expect(historyCutoff(entitlementsFor('BOUTIQUE'), NOW)).toBeNull();
    expect(historyCutoff(entitlementsFor('PRO'), NOW)).toBeNull();
  });

  it('follows an override, 0 meaning only from now on', () => {
    expect(historyCutoff(entitlementsFor('PRO', { limits: { history_days: 0 } }), NOW)).toEqual(NOW);
    expect(historyCutoff(entitlementsFor('ESSENTIEL', { limits: { history_days: null } }), NOW)).toBeNull();
  });

  it('refuses an Invalid Date as now', () => {
    expect(() => historyCutoff(solo, new Date(Number.NaN))).toThrow(
      new RangeError('now must be a valid Date'),
    );
  });
});

describe('isWithinHistory', () => {
  it('includes the cutoff instant itself and everything after it, future included', () => {
    expect(isWithinHistory(solo, new Date('2025-03-01T12:00:00.000Z'), NOW)).toBe(true);
    expect(isWithinHistory(solo, new Date('2025-03-01T11:59:59.999Z'), NOW)).toBe(false);
    expect(isWithinHistory(solo, NOW, NOW)).toBe(true);
    expect(isWithinHistory(solo, new Date('2026-01-01T00:00:00.000Z'), NOW)).toBe(true);
  });

  it('lets unlimited plans read any date', () => {
    expect(isWithinHistory(entitlementsFor('BOUTIQUE'), new Date('1999-01-01T00:00:00.000Z'), NOW)).toBe(
      true,
    );
  });

  it('refuses Invalid Dates', () => {
    expect(() => isWithinHistory(solo, new Date(Number.NaN), NOW)).toThrow(
      new RangeError('date must be a valid Date'),
    );
    expect(() => isWithinHistory(entitlementsFor('PRO'), NOW, new Date(Number.NaN))).toThrow(
      new RangeError('now must be a valid Date'),
    );
  });

  it('property: Solo reads exactly the last 14 days (ms precision)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.oneof(
          fc.integer({ min: -30 * DAY_MS, max: 30 * DAY_MS }),
          fc.constantFrom(14 * DAY_MS, 14 * DAY_MS + 1, 14 * DAY_MS - 1, 0),
        ),
        (now, age) => {
          const date = new Date(now.getTime() - age);
          expect(isWithinHistory(solo, date, now)).toBe(age <= 14 * DAY_MS);
        },
      ),
    );
  });
});

const months = fc
  .record({ year: fc.integer({ min: 1990, max: 2110 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);
const nows = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const plans = fc.constantFrom(...PLAN_CODES);

describe('readable months', () => {
  it('property: the current month is always readable, and a readable month keeps every later one readable', () => {
    fc.assert(
      fc.property(plans, nows, months, months, (plan, now, a, b) => {
        const ent = entitlementsFor(plan);
        expect(isMonthReadable(ent, now, monthKey(now))).toBe(true);
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        if (isMonthReadable(ent, now, earlier)) expect(isMonthReadable(ent, now, later)).toBe(true);
      }),
    );
  });

  it('property: a higher plan never reads fewer months', () => {
    fc.assert(
      fc.property(plans, plans, nows, months, (p, q, now, month) => {
        const [low, high] = PLAN_ORDER[p] <= PLAN_ORDER[q] ? [p, q] : [q, p];
        if (isMonthReadable(entitlementsFor(low), now, month))
          expect(isMonthReadable(entitlementsFor(high), now, month)).toBe(true);
      }),
    );
  });

  it('property: a month is readable exactly while part of it is inside the history window', () => {
    fc.assert(
      fc.property(nows, months, fc.option(fc.nat(400), { nil: null }), (now, month, days) => {
        const ent = entitlementsFor('PRO', { limits: { history_days: days } });
        const cutoff = historyCutoff(ent, now);
        const lastInstant = new Date(monthRange(month).end.getTime() - 1);
        expect(isMonthReadable(ent, now, month)).toBe(cutoff === null || lastInstant >= cutoff);
        expect(readableFromMonth(ent, now)).toBe(cutoff === null ? null : monthKey(cutoff));
      }),
    );
  });
});
