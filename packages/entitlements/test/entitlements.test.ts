import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  entitlementsFor,
  FEATURE_KEYS,
  LIMIT_KEYS,
  type Limit,
  PLAN_CODES,
  PLAN_FEATURES,
  PLAN_LIMITS,
  PLAN_ORDER,
  type PlanCode,
  withinLimit,
} from '../src/index';

const enabled = (plan: PlanCode) => FEATURE_KEYS.filter((key) => PLAN_FEATURES[plan][key]);

describe('feature matrix (SPEC §4)', () => {
  it('gives every plan the basics, Duo the team and loss features, Multi the advanced ones', () => {
    expect(enabled('ESSENTIEL')).toEqual([
      'inventory_basic',
      'exports_basic',
      'exports_xlsx',
      'reports_basic',
    ]);
    expect(enabled('BOUTIQUE')).toEqual([
      'inventory_basic',
      'exports_basic',
      'exports_xlsx',
      'reports_basic',
      'loss_management',
      'alerts_stock',
      'ai_assistant_basic',
      'roles_per_service',
      'reports_standard',
      'stock_control',
    ]);
    expect(enabled('PRO')).toEqual([...FEATURE_KEYS]);
  });

  it('gates stock control at Duo and variance and purchase orders at Multi (SPEC §11)', () => {
    expect(PLAN_FEATURES.ESSENTIEL.stock_control).toBe(false);
    expect(PLAN_FEATURES.BOUTIQUE.stock_control).toBe(true);
    expect(PLAN_FEATURES.BOUTIQUE.stock_variance).toBe(false);
    expect(PLAN_FEATURES.BOUTIQUE.purchase_orders).toBe(false);
    expect(PLAN_FEATURES.PRO.stock_variance).toBe(true);
    expect(PLAN_FEATURES.PRO.purchase_orders).toBe(true);
  });

  it('has a boolean for every key of every plan', () => {
    for (const plan of PLAN_CODES) {
      expect(Object.keys(PLAN_FEATURES[plan]).sort()).toEqual([...FEATURE_KEYS].sort());
    }
  });
});

describe('limit table (SPEC §4)', () => {
  it('matches the documented numbers, null meaning unlimited', () => {
    expect(PLAN_LIMITS).toEqual({
      ESSENTIEL: {
        max_products: 100,
        max_services: 1,
        max_users: 1,
        max_locations: 2,
        exports_xlsx_month: 1,
        exports_csv_month: 1,
        ai_requests_month: 0,
        history_days: 14,
      },
      BOUTIQUE: {
        max_products: 1000,
        max_services: 2,
        max_users: 3,
        max_locations: null,
        exports_xlsx_month: 30,
        exports_csv_month: null,
        ai_requests_month: 15,
        history_days: null,
      },
      PRO: {
        max_products: null,
        max_services: 5,
        max_users: 10,
        max_locations: null,
        exports_xlsx_month: null,
        exports_csv_month: null,
        ai_requests_month: 200,
        history_days: null,
      },
    });
  });
});

describe('withinLimit', () => {
  it('is inclusive of the limit and treats null as infinity', () => {
    expect(withinLimit(5, 5)).toBe(true);
    expect(withinLimit(5, 6)).toBe(false);
    expect(withinLimit(0, 0)).toBe(true);
    expect(withinLimit(null, Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});

describe('entitlementsFor', () => {
  it('returns the plan table for a plan without overrides', () => {
    expect(entitlementsFor('BOUTIQUE')).toEqual({
      plan: 'BOUTIQUE',
      features: PLAN_FEATURES.BOUTIQUE,
      limits: PLAN_LIMITS.BOUTIQUE,
    });
  });

  it('returns a copy: changing it leaves the registry and later calls untouched', () => {
    const ent = entitlementsFor('ESSENTIEL');
    ent.limits.max_products = 5;
    ent.features.alerts_expiry = true;
    expect(PLAN_LIMITS.ESSENTIEL.max_products).toBe(100);
    expect(entitlementsFor('ESSENTIEL').limits.max_products).toBe(100);
    expect(entitlementsFor('ESSENTIEL').features.alerts_expiry).toBe(false);
  });

  it('applies overrides key by key, including null (unlimited), 0 and false', () => {
    const ent = entitlementsFor('BOUTIQUE', {
      features: { exports_email: true, loss_management: false },
      limits: { max_products: null, max_users: 0, exports_csv_month: 4 },
    });
    expect(ent.plan).toBe('BOUTIQUE');
    expect(ent.features).toEqual({ ...PLAN_FEATURES.BOUTIQUE, exports_email: true, loss_management: false });
    expect(ent.limits).toEqual({
      ...PLAN_LIMITS.BOUTIQUE,
      max_products: null,
      max_users: 0,
      exports_csv_month: 4,
    });
  });

  it('ignores undefined overrides and keys it does not know (jsonb)', () => {
    const overrides = {
      features: { inventory_basic: undefined, teleport: true },
      limits: { max_galaxies: 3 },
    };
    expect(entitlementsFor('PRO', overrides as never)).toEqual(entitlementsFor('PRO'));
    expect(entitlementsFor('PRO', {})).toEqual(entitlementsFor('PRO'));
  });

  it.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'refuses a limit override of %s',
    (value) => {
      expect(() => entitlementsFor('PRO', { limits: { max_services: value } })).toThrow(
        new RangeError(`limit override max_services must be a non-negative integer, got ${value}`),
      );
    },
  );

  it('refuses a plan that is not a code (aliases must go through normalizePlanCode)', () => {
    expect(() => entitlementsFor('DUO' as PlanCode)).toThrow(new RangeError('Unknown plan code DUO'));
    expect(() => entitlementsFor('constructor' as PlanCode)).toThrow(RangeError);
  });
});

const atLeast = (higher: Limit, lower: Limit) => higher === null || (lower !== null && higher >= lower);

describe('property: a higher plan never allows less than a lower one', () => {
  const orderedPair = fc
    .tuple(fc.constantFrom(...PLAN_CODES), fc.constantFrom(...PLAN_CODES))
    .filter(([low, high]) => PLAN_ORDER[low] <= PLAN_ORDER[high]);

  it('for features and limits (null as infinity)', () => {
    fc.assert(
      fc.property(
        orderedPair,
        fc.constantFrom(...FEATURE_KEYS),
        fc.constantFrom(...LIMIT_KEYS),
        (pair, f, l) => {
          const [low, high] = pair.map((p) => entitlementsFor(p)) as [
            ReturnType<typeof entitlementsFor>,
            ReturnType<typeof entitlementsFor>,
          ];
          expect(!low.features[f] || high.features[f]).toBe(true);
          expect(atLeast(high.limits[l], low.limits[l])).toBe(true);
        },
      ),
    );
  });

  it('and the test’s own comparison is not vacuous', () => {
    expect(atLeast(null, 5)).toBe(true);
    expect(atLeast(5, null)).toBe(false);
    expect(atLeast(4, 5)).toBe(false);
    expect(atLeast(5, 5)).toBe(true);
  });
});
