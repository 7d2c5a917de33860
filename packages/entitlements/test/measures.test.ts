import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bottleFor,
  COMMON_BOTTLES,
  canWeigh,
  fractionFromWeight,
  splitIntoPacks,
  unitsFromPacks,
} from '../src';

describe('cases and units', () => {
  it('3 cartons of 24 + 4 = 76; decimals kept to three places', () => {
    expect(unitsFromPacks(3, 4, 24)).toBe(76);
    expect(unitsFromPacks(0, 2.5, 6)).toBe(2.5);
    expect(unitsFromPacks(2, 0, 0.75)).toBe(1.5);
  });

  it('splits a quantity back into whole packs and the loose rest', () => {
    expect(splitIntoPacks(76, 24)).toEqual({ packs: 3, units: 4 });
    expect(splitIntoPacks(72, 24)).toEqual({ packs: 3, units: 0 });
    expect(splitIntoPacks(5, null)).toEqual({ packs: 0, units: 5 });
    expect(splitIntoPacks(5, 1)).toEqual({ packs: 0, units: 5 });
    expect(splitIntoPacks(-1, 6)).toEqual({ packs: 0, units: -1 });
  });

  it('split then join gives the quantity back (any whole packs and rest)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 2, max: 48 }), (total, size) => {
        const { packs, units } = splitIntoPacks(total, size);
        expect(units).toBeGreaterThanOrEqual(0);
        expect(units).toBeLessThan(size);
        expect(unitsFromPacks(packs, units, size)).toBe(total);
      }),
    );
  });
});

describe('weighing an opened bottle', () => {
  it('(weight − empty) ÷ (full − empty), clamped to [0, 1]', () => {
    expect(fractionFromWeight(865, 1200, 530)).toBe(0.5);
    expect(fractionFromWeight(400, 1200, 530)).toBe(0);
    expect(fractionFromWeight(1300, 1200, 530)).toBe(1);
    expect(fractionFromWeight(700, 1200, 530)).toBe(0.254);
  });

  it('needs both weights, the full one heavier', () => {
    expect(canWeigh(1200, 530)).toBe(true);
    expect(canWeigh(null, 530)).toBe(false);
    expect(canWeigh(1200, null)).toBe(false);
    expect(canWeigh(530, 530)).toBe(false);
    expect(fractionFromWeight(800, null, 530)).toBeNull();
  });

  it('always within [0, 1] for any weight', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        (weight, empty, extra) => {
          const fraction = fractionFromWeight(weight, empty + extra, empty);
          expect(fraction).toBeGreaterThanOrEqual(0);
          expect(fraction).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('the bottle table: a 70 cl spirit is known, the full ones heavier by about the liquid', () => {
    expect(bottleFor(700)).toMatchObject({ kind: 'spirits' });
    expect(bottleFor(330)).toBeNull();
    for (const bottle of COMMON_BOTTLES) {
      const liquid = bottle.full_g - bottle.empty_g;
      expect(liquid / bottle.volume_ml).toBeGreaterThan(0.9);
      expect(liquid / bottle.volume_ml).toBeLessThan(1.01);
    }
  });
});
