import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COUNT_KEYS,
  COUNT_USAGE_KEYS,
  checkCount,
  entitlementsFor,
  OVER_LIMIT_FLAGS,
  overLimit,
  PLAN_CODES,
  QUOTA_LIMIT_KEYS,
  type QuotaKind,
  quotaLeft,
} from '../src/index';

describe('overLimit', () => {
  it('is false at the limit and true strictly above it', () => {
    const { limits } = entitlementsFor('ESSENTIEL');
    expect(overLimit({ products_count: 100, services_count: 1, users_count: 1 }, limits)).toEqual({
      products: false,
      services: false,
      users: false,
    });
    expect(overLimit({ products_count: 101, services_count: 2, users_count: 2 }, limits)).toEqual({
      products: true,
      services: true,
      users: true,
    });
  });

  it('flags each count on its own (a trial that ended with three services)', () => {
    const { limits } = entitlementsFor('ESSENTIEL');
    expect(overLimit({ products_count: 40, services_count: 3, users_count: 1 }, limits)).toEqual({
      products: false,
      services: true,
      users: false,
    });
  });

  it('is never true for an unlimited count', () => {
    const { limits } = entitlementsFor('PRO');
    expect(overLimit({ products_count: 1_000_000, services_count: 5, users_count: 11 }, limits)).toEqual({
      products: false,
      services: false,
      users: true,
    });
  });

  it('takes the whole usage object of the entitlements response', () => {
    const usage = {
      products_count: 1001,
      services_count: 0,
      users_count: 3,
      exports_xlsx_month: 99,
      exports_csv_month: 99,
      ai_requests_month: 99,
    };
    expect(overLimit(usage, entitlementsFor('BOUTIQUE').limits)).toEqual({
      products: true,
      services: false,
      users: false,
    });
  });

  it('property: over a limit exactly when the current count no longer fits it', () => {
    const count = fc.integer({ min: 0, max: 1500 });
    fc.assert(
      fc.property(fc.constantFrom(...PLAN_CODES), count, count, count, (plan, products, services, users) => {
        const ent = entitlementsFor(plan);
        const over = overLimit(
          { products_count: products, services_count: services, users_count: users },
          ent.limits,
        );
        expect(over.products).toBe(!checkCount(ent, 'max_products', products, 0).ok);
        expect(over.services).toBe(!checkCount(ent, 'max_services', services, 0).ok);
        expect(over.users).toBe(!checkCount(ent, 'max_users', users, 0).ok);
      }),
    );
  });
});

describe('the limit ↔ usage map', () => {
  it('maps every count limit to its own usage figure and over-limit flag', () => {
    expect(new Set(COUNT_KEYS.map((k) => COUNT_USAGE_KEYS[k])).size).toBe(COUNT_KEYS.length);
    expect(new Set(COUNT_KEYS.map((k) => OVER_LIMIT_FLAGS[k])).size).toBe(COUNT_KEYS.length);
  });

  it('property: a flag is raised exactly when checkCount already refuses the current figure', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLAN_CODES),
        fc.record({ products_count: fc.nat(3000), services_count: fc.nat(8), users_count: fc.nat(15) }),
        (plan, usage) => {
          const ent = entitlementsFor(plan);
          const over = overLimit(usage, ent.limits);
          for (const key of COUNT_KEYS) {
            const held = usage[COUNT_USAGE_KEYS[key]];
            expect(over[OVER_LIMIT_FLAGS[key]]).toBe(!checkCount(ent, key, held, 0).ok);
          }
        },
      ),
    );
  });
});

describe('quotaLeft', () => {
  it('property: never negative, never above the limit, 0 left exactly when one more is refused', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLAN_CODES),
        fc.constantFrom(...(Object.keys(QUOTA_LIMIT_KEYS) as QuotaKind[])),
        fc.nat(500),
        (plan, kind, used) => {
          const q = quotaLeft(entitlementsFor(plan), kind, used);
          expect(q.used).toBe(used);
          if (q.left === null) {
            expect(q.limit).toBeNull();
            expect(q.verdict.ok).toBe(true);
            return;
          }
          expect(q.left).toBeGreaterThanOrEqual(0);
          expect(q.left).toBeLessThanOrEqual(q.limit ?? 0);
          expect(q.verdict.ok).toBe(q.left > 0);
        },
      ),
    );
  });

  it('property: a higher plan never leaves less of a quota', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(QUOTA_LIMIT_KEYS) as QuotaKind[])),
        fc.nat(500),
        (kind, used) => {
          const lefts = PLAN_CODES.map((p) => quotaLeft(entitlementsFor(p), kind, used).left ?? Infinity);
          for (let i = 1; i < lefts.length; i++) expect(lefts[i]).toBeGreaterThanOrEqual(lefts[i - 1] ?? 0);
        },
      ),
    );
  });
});
