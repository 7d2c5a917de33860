import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, REVIEW_RULES, type ReviewFacts, reviewReasons, reviewState } from '../src/index';

const facts = (over: Partial<ReviewFacts>): ReviewFacts => ({
  total: 10,
  previous: 10,
  history: [10, 10, 10],
  purchasePrice: 5,
  openedLines: 0,
  ...over,
});

describe('median', () => {
  it('is the middle value, the mean of the two middle ones, or null for none', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it('property: lies between the smallest and the largest value, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (values) => {
        const m = median(values) as number;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        expect(median([...values].reverse())).toBe(m);
      }),
    );
  });
});

describe('reviewReasons', () => {
  it('a steady month raises nothing', () => {
    expect(reviewReasons(facts({}))).toEqual([]);
  });

  it('a change beyond ±50 % worth more than the threshold is suspicious, up or down', () => {
    expect(reviewReasons(facts({ total: 16, previous: 10 }))).toEqual([
      { kind: 'change', previous: 10, percent: 60, value: 30 },
    ]);
    expect(reviewReasons(facts({ total: 4, previous: 10, history: [10, 4, 4] }))).toEqual([
      { kind: 'change', previous: 10, percent: -60, value: 30 },
    ]);
  });

  it('exactly +50 %, or a change worth no more than the threshold, is not', () => {
    expect(reviewReasons(facts({ total: 15, previous: 10 }))).toEqual([]);
    // +60 % of 10 bottles at 2 € = 12 €, under the default 20 €…
    expect(reviewReasons(facts({ total: 16, previous: 10, purchasePrice: 2 }))).toEqual([]);
    // …but over a threshold of 10 €.
    expect(reviewReasons(facts({ total: 16, previous: 10, purchasePrice: 2 }), 10)).toEqual([
      { kind: 'change', previous: 10, percent: 60, value: 12 },
    ]);
  });

  it('an unpriced product cannot be shown cheap: its big change is kept with no value', () => {
    expect(
      reviewReasons(facts({ total: 2, previous: 10, history: [10, 2, 2], purchasePrice: null })),
    ).toEqual([{ kind: 'change', previous: 10, percent: -80, value: null }]);
  });

  it('no change is measured without a previous quantity above zero', () => {
    expect(reviewReasons(facts({ total: 25, previous: null, history: [] }))).toEqual([]);
    expect(reviewReasons(facts({ total: 25, previous: 0, history: [0] }))).toEqual([]);
  });

  it('more than one opened container is suspicious', () => {
    expect(reviewReasons(facts({ openedLines: REVIEW_RULES.openedContainers }))).toEqual([]);
    expect(reviewReasons(facts({ openedLines: 3 }))).toEqual([{ kind: 'opened', containers: 3 }]);
  });

  it('far above the usual (median of the last months counted, at least two) is suspicious', () => {
    // Last month was already high (no change) but the usual is 4: 13 > 3 × 4.
    expect(reviewReasons(facts({ total: 13, previous: 12, history: [12, 4, 4, 3] }))).toEqual([
      { kind: 'far_above', usual: 4, ratio: 3.3 },
    ]);
    expect(reviewReasons(facts({ total: 12, previous: 12, history: [12, 4, 4, 3] }))).toEqual([]);
    // One month of history is no usual yet; a usual of zero has no "far above".
    expect(reviewReasons(facts({ total: 13, previous: 12, history: [12] }))).toEqual([]);
    expect(reviewReasons(facts({ total: 1, previous: null, history: [0, 0] }))).toEqual([]);
  });

  it('only the last REVIEW_RULES.usualMonths months make the usual', () => {
    const old = Array.from({ length: 10 }, () => 100);
    const history = [...Array.from({ length: REVIEW_RULES.usualMonths }, () => 3), ...old];
    expect(reviewReasons(facts({ total: 10, previous: null, history }))).toEqual([
      { kind: 'far_above', usual: 3, ratio: 3.3 },
    ]);
  });

  it('several reasons add up', () => {
    expect(reviewReasons(facts({ total: 40, previous: 10, history: [10, 10], openedLines: 2 }))).toEqual([
      { kind: 'change', previous: 10, percent: 300, value: 150 },
      { kind: 'opened', containers: 2 },
      { kind: 'far_above', usual: 10, ratio: 4 },
    ]);
  });
});

describe('reviewState', () => {
  const decided = new Date('2026-11-30T20:00:00Z');
  const before = new Date('2026-11-30T19:00:00Z');
  const after = new Date('2026-11-30T21:00:00Z');

  it('undecided: to review', () => {
    expect(reviewState(null, before)).toBe('TO_REVIEW');
  });

  it('marked correct: off the list until a count changes it', () => {
    expect(reviewState({ decision: 'OK', decidedAt: decided }, before)).toBeNull();
    expect(reviewState({ decision: 'OK', decidedAt: decided }, decided)).toBeNull();
    expect(reviewState({ decision: 'OK', decidedAt: decided }, after)).toBe('TO_REVIEW');
  });

  it('to recount: requested until counted again, then recounted', () => {
    expect(reviewState({ decision: 'RECOUNT', decidedAt: decided }, before)).toBe('RECOUNT_REQUESTED');
    expect(reviewState({ decision: 'RECOUNT', decidedAt: decided }, after)).toBe('RECOUNTED');
  });
});
