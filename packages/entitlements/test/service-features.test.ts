import {
  CountingMode,
  ProductUnit,
  ProductUpdateInput,
  presetFeatures,
  FEATURE_KEYS as SERVICE_FEATURE_KEYS,
  ServiceType,
  TenantDomain,
} from '@stockscan/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultUnit,
  featureOn,
  normaliseUnit,
  type ProductField,
  priceOn,
  productFieldAllowed,
  type ServiceFeatureFlags,
  unitsFor,
} from '../src/index';

const FIELDS = Object.keys(ProductUpdateInput.shape).filter((k) => k !== 'id') as ProductField[];
const modes = fc.constantFrom(...CountingMode.options);
const units = fc.option(fc.constantFrom(...ProductUnit.options), { nil: null });
const toggle = fc.record({
  enabled: fc.boolean(),
  purchase_enabled: fc.option(fc.boolean(), { nil: undefined }),
  selling_enabled: fc.option(fc.boolean(), { nil: undefined }),
});
const flags: fc.Arbitrary<ServiceFeatureFlags> = fc.dictionary(
  fc.constantFrom(...SERVICE_FEATURE_KEYS),
  toggle,
);
/** `more` switches on everything `less` has on, and maybe more. */
function widen(less: ServiceFeatureFlags, extra: ServiceFeatureFlags): ServiceFeatureFlags {
  const out: Record<string, ServiceFeatureFlags[string]> = { ...extra };
  for (const [key, t] of Object.entries(less)) {
    const e = extra[key];
    out[key] = {
      enabled: t.enabled || e?.enabled === true,
      purchase_enabled: !(t.purchase_enabled === false && e?.purchase_enabled === false),
      selling_enabled: !(t.selling_enabled === false && e?.selling_enabled === false),
    };
  }
  return out;
}
const allOn: ServiceFeatureFlags = Object.fromEntries(
  SERVICE_FEATURE_KEYS.map((k) => [k, { enabled: true }]),
);

describe('units per counting mode', () => {
  it('property: normalising gives an allowed unit, keeps an allowed one, and is idempotent', () => {
    fc.assert(
      fc.property(modes, units, (mode, unit) => {
        const normal = normaliseUnit(mode, unit);
        expect(unitsFor(mode)).toContain(normal);
        if (unit && unitsFor(mode).includes(unit)) expect(normal).toBe(unit);
        else expect(normal).toBe(defaultUnit(mode));
        expect(normaliseUnit(mode, normal)).toBe(normal);
      }),
    );
  });

  it('property: mixed counting allows every unit another mode allows', () => {
    fc.assert(
      fc.property(modes, (mode) => {
        for (const unit of unitsFor(mode)) expect(unitsFor('mixed')).toContain(unit);
      }),
    );
  });
});

describe('service feature gates', () => {
  it('property: switching more features on never hides a product field', () => {
    fc.assert(
      fc.property(flags, flags, fc.constantFrom(...FIELDS), (less, extra, field) => {
        if (productFieldAllowed(less, field))
          expect(productFieldAllowed(widen(less, extra), field)).toBe(true);
      }),
    );
  });

  it('property: a price kind is tracked only when prices are', () => {
    fc.assert(
      fc.property(flags, fc.constantFrom('purchase', 'selling' as const), (f, kind) => {
        if (priceOn(f, kind)) expect(featureOn(f, 'prices')).toBe(true);
      }),
    );
  });

  it('property: every preset keeps the fields the contract always has', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ServiceType.options),
        fc.constantFrom(...TenantDomain.options),
        (type, domain) => {
          const f = presetFeatures(type, domain);
          for (const field of ['name', 'category', 'brand', 'min_qty', 'notes', 'unit'] as const)
            expect(productFieldAllowed(f, field)).toBe(true);
        },
      ),
    );
  });

  it('shows every field when every feature is on, and only the ungated ones when none is', () => {
    for (const field of FIELDS) expect(productFieldAllowed(allOn, field)).toBe(true);
    const shown = FIELDS.filter((field) => productFieldAllowed({}, field)).sort();
    expect(shown).toEqual([
      'brand',
      'category',
      'min_qty',
      'name',
      'notes',
      'par_level',
      'supplier_id',
      'unit',
    ]);
  });

  it('treats a missing price switch as on and an explicit false as off', () => {
    expect(priceOn({ prices: { enabled: true } }, 'selling')).toBe(true);
    expect(priceOn({ prices: { enabled: true, selling_enabled: false } }, 'selling')).toBe(false);
    expect(priceOn({ prices: { enabled: true, purchase_enabled: false } }, 'purchase')).toBe(false);
  });
});
