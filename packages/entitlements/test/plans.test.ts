import { describe, expect, it } from 'vitest';
import {
  normalizePlanCode,
  PLAN_ALIASES,
  PLAN_CODES,
  PLAN_FEATURES,
  PLAN_LIMITS,
  PLAN_NAMES,
  PLAN_ORDER,
  PLAN_PRICES_EUR,
  PLANS,
  plansAbove,
} from '../src/index';

describe('plan registry', () => {
  it('lists the three original codes cheapest first, with their customer names and EUR prices', () => {
    expect(PLAN_CODES).toEqual(['ESSENTIEL', 'BOUTIQUE', 'PRO']);
    expect(PLAN_ORDER).toEqual({ ESSENTIEL: 0, BOUTIQUE: 1, PRO: 2 });
    expect(PLAN_NAMES).toEqual({ ESSENTIEL: 'Solo', BOUTIQUE: 'Duo', PRO: 'Multi' });
    expect(PLAN_PRICES_EUR).toEqual({
      ESSENTIEL: { MONTHLY: 0, YEARLY: 0 },
      BOUTIQUE: { MONTHLY: 9, YEARLY: 90 },
      PRO: { MONTHLY: 19, YEARLY: 190 },
    });
    expect(PLAN_ALIASES).toEqual({ SOLO: 'ESSENTIEL', DUO: 'BOUTIQUE', MULTI: 'PRO' });
  });

  it('ranks plans strictly above a given one, lowest first', () => {
    expect(plansAbove('ESSENTIEL')).toEqual(['BOUTIQUE', 'PRO']);
    expect(plansAbove('BOUTIQUE')).toEqual(['PRO']);
    expect(plansAbove('PRO')).toEqual([]);
  });

  it('cannot be mutated by a consumer', () => {
    expect(() => {
      (PLAN_PRICES_EUR.PRO as { MONTHLY: number }).MONTHLY = 0;
    }).toThrow(TypeError);
    expect(() => {
      (PLAN_NAMES as Record<string, string>).PRO = 'Gratuit';
    }).toThrow(TypeError);
    expect(PLAN_PRICES_EUR.PRO.MONTHLY).toBe(19);
  });
});

describe('normalizePlanCode', () => {
  it.each([
    ['ESSENTIEL', 'ESSENTIEL'],
    ['essentiel', 'ESSENTIEL'],
    ['Boutique', 'BOUTIQUE'],
    ['pro', 'PRO'],
    ['SOLO', 'ESSENTIEL'],
    [' Solo ', 'ESSENTIEL'],
    ['duo', 'BOUTIQUE'],
    ['\tMulti\n', 'PRO'],
  ])('reads %j as %s', (input, code) => {
    expect(normalizePlanCode(input)).toBe(code);
  });

  it.each([
    [''],
    ['   '],
    ['GOLD'],
    ['SOLO PLUS'],
    ['PRO2'],
    ['P R O'],
    ['ſolo'], // long s upper-cases to S
    ['multı'], // dotless i upper-cases to I
    ['constructor'],
    ['__proto__'],
    ['toString'],
    ['hasOwnProperty'],
  ])('rejects %j', (input) => {
    expect(normalizePlanCode(input)).toBeNull();
  });

  it.each([[null], [undefined], [42], [{ toString: () => 'PRO' }], [['PRO']]])(
    'rejects a non-string %j coming from untyped JSON',
    (input) => {
      expect(normalizePlanCode(input)).toBeNull();
    },
  );
});

describe('PLANS (pricing table)', () => {
  it('gives every column the client renders, cheapest first', () => {
    expect(PLANS).toEqual([
      {
        code: 'ESSENTIEL',
        name: 'Solo',
        currency: 'EUR',
        prices: { MONTHLY: 0, YEARLY: 0 },
        limits: PLAN_LIMITS.ESSENTIEL,
        features: PLAN_FEATURES.ESSENTIEL,
      },
      {
        code: 'BOUTIQUE',
        name: 'Duo',
        currency: 'EUR',
        prices: { MONTHLY: 9, YEARLY: 90 },
        limits: PLAN_LIMITS.BOUTIQUE,
        features: PLAN_FEATURES.BOUTIQUE,
      },
      {
        code: 'PRO',
        name: 'Multi',
        currency: 'EUR',
        prices: { MONTHLY: 19, YEARLY: 190 },
        limits: PLAN_LIMITS.PRO,
        features: PLAN_FEATURES.PRO,
      },
    ]);
    expect(Object.isFrozen(PLANS)).toBe(true);
    expect(Object.isFrozen(PLANS[0])).toBe(true);
  });

  it('serialises to plain JSON for the wire', () => {
    const [solo] = JSON.parse(JSON.stringify(PLANS)) as [{ limits: Record<string, number | null> }];
    expect(solo.limits).toEqual({
      max_products: 100,
      max_services: 1,
      max_users: 1,
      max_locations: 2,
      exports_xlsx_month: 1,
      exports_csv_month: 1,
      ai_requests_month: 0,
      history_days: 14,
    });
  });
});
