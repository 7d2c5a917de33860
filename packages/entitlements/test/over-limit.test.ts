import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCount, entitlementsFor, overLimit, PLAN_CODES } from '../src/index';

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
