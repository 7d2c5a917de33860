import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingFromDelivery, roundUpToPacks, suggestedOrder } from '../src';

describe('rounding up to whole packs', () => {
  it('orders whole cases: 30 needed in cases of 24 is 2 cases, 48 units; exactly 24 is one case', () => {
    expect(roundUpToPacks(30, 24, true)).toEqual({ quantity: 48, packs: 2 });
    expect(roundUpToPacks(24, 24, true)).toEqual({ quantity: 24, packs: 1 });
    expect(roundUpToPacks(0.5, 6, true)).toEqual({ quantity: 6, packs: 1 });
  });

  it('a sum that floats a hair above a pack is still that pack (thousandths)', () => {
    expect(roundUpToPacks(0.1 + 0.2 + 5.7, 6, true)).toEqual({ quantity: 6, packs: 1 });
    expect(roundUpToPacks(1.5, 0.75, false)).toEqual({ quantity: 1.5, packs: null });
  });

  it('without a pack size: whole pieces for counted products, the exact amount for kilos and litres', () => {
    expect(roundUpToPacks(4.5, null, true)).toEqual({ quantity: 5, packs: null });
    expect(roundUpToPacks(4.5, 1, true)).toEqual({ quantity: 5, packs: null });
    expect(roundUpToPacks(2.35, null, false)).toEqual({ quantity: 2.35, packs: null });
  });

  it('nothing needed orders nothing', () => {
    expect(roundUpToPacks(0, 24, true)).toEqual({ quantity: 0, packs: 0 });
    expect(roundUpToPacks(-3, null, true)).toEqual({ quantity: 0, packs: null });
    expect(roundUpToPacks(-3, 1, false)).toEqual({ quantity: 0, packs: null });
  });

  it('always covers the need, by less than one pack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 2, max: 48 }), (need, size) => {
        const { quantity, packs } = roundUpToPacks(need / 1000, size, true);
        expect(quantity).toBe((packs ?? 0) * size);
        expect(quantity).toBeGreaterThanOrEqual(need / 1000);
        expect(quantity - need / 1000).toBeLessThan(size);
      }),
    );
  });
});

describe('suggested order', () => {
  const base = { par_level: 48, expected: 20, on_order: 0, pack_size: 24, whole_units: true };

  it('par − expected on-hand, rounded up to whole packs', () => {
    expect(suggestedOrder(base)).toEqual({ quantity: 48, packs: 2 });
    expect(suggestedOrder({ ...base, expected: 30 })).toEqual({ quantity: 24, packs: 1 });
  });

  it('what is already on order (sent, not received) is not ordered twice', () => {
    // 48 − 20 − 24 on its way = 4 short: one more pack.
    expect(suggestedOrder({ ...base, on_order: 24 })).toEqual({ quantity: 24, packs: 1 });
    expect(suggestedOrder({ ...base, on_order: 28 })).toEqual({ quantity: 0, packs: 0 });
    expect(suggestedOrder({ ...base, expected: 40.5, on_order: 7, pack_size: null })).toEqual({
      quantity: 1,
      packs: null,
    });
  });

  it('nothing at or above par', () => {
    expect(suggestedOrder({ ...base, expected: 48 })).toEqual({ quantity: 0, packs: 0 });
    expect(suggestedOrder({ ...base, expected: 60 })).toEqual({ quantity: 0, packs: 0 });
  });

  it('nothing to base it on: no par level, or never counted', () => {
    expect(suggestedOrder({ ...base, par_level: null })).toBeNull();
    expect(suggestedOrder({ ...base, expected: null })).toBeNull();
  });

  it('a negative expected stock (more used than counted) orders up to par', () => {
    expect(suggestedOrder({ ...base, expected: -4, pack_size: null })).toEqual({ quantity: 52, packs: null });
  });
});

describe('missing from a delivery', () => {
  const ordered = [
    { product_id: 'gin', quantity: 4, unit_cost: 28 },
    { product_id: 'rum', quantity: 2, unit_cost: 19.5 },
    { product_id: 'vodka', quantity: 1, unit_cost: null },
  ];

  it('each ordered line lowered to what did not come, its other fields kept', () => {
    expect(
      missingFromDelivery(ordered, [
        { product_id: 'gin', quantity: 1.5 },
        { product_id: 'vodka', quantity: 1 },
      ]),
    ).toEqual([
      { product_id: 'gin', quantity: 2.5, unit_cost: 28 },
      { product_id: 'rum', quantity: 2, unit_cost: 19.5 },
    ]);
  });

  it('nothing when all came, or more; a product delivered on two lines counts both; an unordered one is ignored', () => {
    expect(missingFromDelivery(ordered, ordered)).toEqual([]);
    expect(
      missingFromDelivery(ordered, [
        { product_id: 'gin', quantity: 1 },
        { product_id: 'gin', quantity: 3 },
        { product_id: 'rum', quantity: 5 },
        { product_id: 'vodka', quantity: 1 },
        { product_id: 'tonic', quantity: 12 },
      ]),
    ).toEqual([]);
  });

  it('in thousandths: 0.3 ordered, 0.1 + 0.2 received is nothing missing', () => {
    const lemons = [{ product_id: 'lemons', quantity: 0.3 }];
    expect(
      missingFromDelivery(lemons, [
        { product_id: 'lemons', quantity: 0.1 },
        { product_id: 'lemons', quantity: 0.2 },
      ]),
    ).toEqual([]);
    expect(missingFromDelivery(lemons, [{ product_id: 'lemons', quantity: 0.1 }])).toEqual([
      { product_id: 'lemons', quantity: 0.2 },
    ]);
  });
});
