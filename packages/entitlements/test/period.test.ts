import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthKey, monthRange, monthRangeOf } from '../src/index';

describe('monthKey', () => {
  it('reads the UTC month, whatever the local time zone says', () => {
    expect(monthKey(new Date('2025-01-31T23:59:59.999Z'))).toBe('2025-01');
    expect(monthKey(new Date('2025-02-01T00:00:00.000Z'))).toBe('2025-02');
    expect(monthKey(new Date('2025-02-01T00:30:00.000+01:00'))).toBe('2025-01');
    expect(monthKey(new Date('2024-12-31T23:00:00.000-05:00'))).toBe('2025-01');
  });

  it('refuses an Invalid Date', () => {
    expect(() => monthKey(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('monthRange', () => {
  it('spans a month in UTC, end exclusive', () => {
    expect(monthRange('2025-02')).toEqual({
      start: new Date('2025-02-01T00:00:00.000Z'),
      end: new Date('2025-03-01T00:00:00.000Z'),
    });
  });

  it('rolls December into the next year and knows leap years', () => {
    expect(monthRange('2024-12').end).toEqual(new Date('2025-01-01T00:00:00.000Z'));
    const { start, end } = monthRange('2024-02');
    expect(end.getTime() - start.getTime()).toBe(29 * 86_400_000);
  });

  it('keeps two-digit years literal', () => {
    expect(monthRange('0099-05').start.toISOString()).toBe('0099-05-01T00:00:00.000Z');
  });

  it.each([['2025-13'], ['2025-00'], ['2025-1'], ['25-01'], ['2025-01-01'], [' 2025-01'], ['abc'], ['']])(
    'refuses %j',
    (month) => {
      expect(() => monthRange(month)).toThrow(new RangeError(`month must be YYYY-MM, got ${month}`));
    },
  );

  it('property: every instant lies in the range of its own month key', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const { start, end } = monthRange(monthKey(date));
          expect(start.getTime()).toBeLessThanOrEqual(date.getTime());
          expect(date.getTime()).toBeLessThan(end.getTime());
          expect(monthKey(start)).toBe(monthKey(date));
          expect(monthKey(new Date(end.getTime() - 1))).toBe(monthKey(date));
          expect(start.getUTCDate()).toBe(1);
          expect(
            start.getUTCHours() + start.getUTCMinutes() + start.getUTCSeconds() + start.getUTCMilliseconds(),
          ).toBe(0);
        },
      ),
    );
  });
});

describe('monthRangeOf', () => {
  it('is the range of the date’s own month key, for any instant', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(monthRangeOf(date)).toEqual(monthRange(monthKey(date)));
        },
      ),
    );
    expect(monthRangeOf(new Date('2024-12-31T23:59:59.999Z')).end).toEqual(
      new Date('2025-01-01T00:00:00.000Z'),
    );
  });

  it('refuses an Invalid Date', () => {
    expect(() => monthRangeOf(new Date(Number.NaN))).toThrow(new RangeError('date must be a valid Date'));
  });
});
