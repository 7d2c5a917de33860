import { describe, expect, it } from 'vitest';
import { placeProgress } from './usePlaceProgress';

describe('the progress bar of the place being counted', () => {
  const overall = { counted: 142, total: 300 };

  it('is the whole service’s without a place', () => {
    expect(placeProgress(overall, undefined)).toEqual({ counted: 142, total: 300, percent: 47.3 });
  });

  it('is the place’s list when it has one ("Réserve · 34 / 80")', () => {
    expect(placeProgress(overall, { counted: 40, listed: 80, listed_counted: 34 })).toEqual({
      counted: 34,
      total: 80,
      percent: 42.5,
    });
  });

  it('is what was counted there out of the service when the place has no list', () => {
    expect(placeProgress(overall, { counted: 12, listed: 0, listed_counted: 0 })).toEqual({
      counted: 12,
      total: 300,
      percent: 4,
    });
    expect(placeProgress({ counted: 0, total: 0 }, undefined).percent).toBe(0);
  });
});
