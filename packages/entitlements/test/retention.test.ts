import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, entitlementsFor, historyCutoff, isWithinHistory } from '../src/index';

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
