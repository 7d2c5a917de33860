import { PlanSource, SubscriptionStatus } from '@stockscan/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  effectivePlan,
  entitlementsFor,
  GRACE_DAYS,
  normalizePlanCode,
  PLAN_ALIASES,
  PLAN_CODES,
  type PlanCode,
  type TenantBilling,
  trialInfo,
} from '../src/index';

const NOW = new Date('2025-03-15T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

/** A declared Duo whose every holding rule is off: it falls back unless a test turns one on. */
function billing(overrides: Partial<TenantBilling> = {}): TenantBilling {
  return {
    plan_code: 'BOUTIQUE',
    plan_source: 'PAID',
    subscription_status: 'NONE',
    license_expires_at: null,
    grace_started_at: null,
    ...overrides,
  };
}

describe('effectivePlan: each rule keeps the declared plan', () => {
  it.each<[string, Partial<TenantBilling>, PlanCode, string]>([
    [
      'lifetime',
      { plan_code: 'PRO', plan_source: 'LIFETIME', subscription_status: 'CANCELED' },
      'PRO',
      'lifetime',
    ],
    ['manual', { plan_source: 'MANUAL', license_expires_at: at(-DAY_MS) }, 'BOUTIQUE', 'manual'],
    ['license in the future', { license_expires_at: at(1) }, 'BOUTIQUE', 'license'],
    [
      'trial period',
      { plan_code: 'PRO', plan_source: 'TRIAL', license_expires_at: at(DAY_MS) },
      'PRO',
      'license',
    ],
    [
      'canceled, paid until later',
      { subscription_status: 'CANCELED', license_expires_at: at(DAY_MS) },
      'BOUTIQUE',
      'license',
    ],
    ['subscription ACTIVE', { subscription_status: 'ACTIVE' }, 'BOUTIQUE', 'subscription'],
    ['subscription TRIALING', { plan_code: 'PRO', subscription_status: 'TRIALING' }, 'PRO', 'subscription'],
    [
      'past due, grace just started',
      { subscription_status: 'PAST_DUE', grace_started_at: NOW },
      'BOUTIQUE',
      'grace',
    ],
    [
      'past due, 1 ms of grace left',
      { subscription_status: 'PAST_DUE', grace_started_at: at(-GRACE_DAYS * DAY_MS + 1) },
      'BOUTIQUE',
      'grace',
    ],
    [
      'past due, grace stamped slightly in the future (clock skew)',
      { subscription_status: 'PAST_DUE', grace_started_at: at(60_000) },
      'BOUTIQUE',
      'grace',
    ],
  ])('%s', (_, state, plan, reason) => {
    expect(effectivePlan(billing(state), NOW)).toEqual({ plan, reason });
  });

  it('grants 7 days of grace', () => {
    expect(GRACE_DAYS).toBe(7);
    expect(DAY_MS).toBe(86_400_000);
  });
});

describe('effectivePlan: falls back to ESSENTIEL otherwise', () => {
  it.each<[string, Partial<TenantBilling>]>([
    ['nothing holds', {}],
    ['license expires exactly now', { license_expires_at: NOW }],
    ['license expired', { license_expires_at: at(-1) }],
    ['trial ended', { plan_code: 'PRO', plan_source: 'TRIAL', license_expires_at: at(-1) }],
    ['canceled', { subscription_status: 'CANCELED' }],
    [
      'past due, grace ends exactly now (7 days)',
      { subscription_status: 'PAST_DUE', grace_started_at: at(-7 * DAY_MS) },
    ],
    ['past due, grace over', { subscription_status: 'PAST_DUE', grace_started_at: at(-8 * DAY_MS) }],
    ['past due, no grace start recorded', { subscription_status: 'PAST_DUE' }],
    ['grace date left over on an unpaid NONE status', { grace_started_at: NOW }],
    ['license date is an Invalid Date', { license_expires_at: new Date(Number.NaN) }],
    [
      'grace date is an Invalid Date',
      { subscription_status: 'PAST_DUE', grace_started_at: new Date(Number.NaN) },
    ],
  ])('%s', (_, state) => {
    expect(effectivePlan(billing(state), NOW)).toEqual({ plan: 'ESSENTIEL', reason: 'fallback' });
  });

  it.each<[string, Partial<TenantBilling>]>([
    ['no plan_code', { plan_code: null, plan_source: 'LIFETIME' }],
    ['unknown plan_code', { plan_code: 'GOLD', subscription_status: 'ACTIVE' }],
    ['ESSENTIEL declared', { plan_code: 'ESSENTIEL', plan_source: 'LIFETIME' }],
    ['SOLO alias declared', { plan_code: 'solo', subscription_status: 'ACTIVE' }],
    ['plan_code missing from a JSON row', { plan_code: undefined as unknown as null, plan_source: 'MANUAL' }],
  ])('%s is the free plan', (_, state) => {
    expect(effectivePlan(billing(state), NOW)).toEqual({ plan: 'ESSENTIEL', reason: 'free' });
  });
});

describe('effectivePlan: details', () => {
  it('reports the first rule in the order lifetime, manual, license, subscription, grace', () => {
    const all: Partial<TenantBilling> = {
      subscription_status: 'PAST_DUE',
      license_expires_at: at(DAY_MS),
      grace_started_at: NOW,
    };
    expect(effectivePlan(billing({ ...all, plan_source: 'LIFETIME' }), NOW).reason).toBe('lifetime');
    expect(effectivePlan(billing({ ...all, plan_source: 'MANUAL' }), NOW).reason).toBe('manual');
    expect(effectivePlan(billing(all), NOW).reason).toBe('license');
    expect(effectivePlan(billing({ ...all, license_expires_at: null }), NOW).reason).toBe('grace');
    expect(
      effectivePlan(billing({ license_expires_at: at(DAY_MS), subscription_status: 'ACTIVE' }), NOW).reason,
    ).toBe('license');
  });

  it('accepts aliases and loose case for the declared plan', () => {
    expect(effectivePlan(billing({ plan_code: ' duo ', subscription_status: 'ACTIVE' }), NOW)).toEqual({
      plan: 'BOUTIQUE',
      reason: 'subscription',
    });
    expect(effectivePlan(billing({ plan_code: 'Multi', plan_source: 'MANUAL' }), NOW)).toEqual({
      plan: 'PRO',
      reason: 'manual',
    });
  });

  it('refuses an Invalid Date as now', () => {
    expect(() => effectivePlan(billing(), new Date('nope'))).toThrow(
      new RangeError('now must be a valid Date'),
    );
  });
});

describe('trialInfo', () => {
  it('is active while a TRIAL tenant’s license runs, and returns a copy of the end date', () => {
    const ends = at(3 * DAY_MS);
    const trial = trialInfo(
      billing({ plan_code: 'PRO', plan_source: 'TRIAL', license_expires_at: ends }),
      NOW,
    );
    expect(trial).toEqual({ active: true, ends_at: ends });
    expect(trial?.ends_at).not.toBe(ends);
  });

  it('is inactive from the end instant on', () => {
    expect(trialInfo(billing({ plan_source: 'TRIAL', license_expires_at: NOW }), NOW)).toEqual({
      active: false,
      ends_at: NOW,
    });
    expect(trialInfo(billing({ plan_source: 'TRIAL', license_expires_at: at(-DAY_MS) }), NOW)).toEqual({
      active: false,
      ends_at: at(-DAY_MS),
    });
  });

  it('is null for any other source, or without an end date', () => {
    for (const plan_source of PlanSource.exclude(['TRIAL']).options) {
      expect(trialInfo(billing({ plan_source, license_expires_at: at(DAY_MS) }), NOW)).toBeNull();
    }
    expect(trialInfo(billing({ plan_source: 'TRIAL', license_expires_at: null }), NOW)).toBeNull();
  });

  it('refuses an Invalid Date as now', () => {
    expect(() => trialInfo(billing({ plan_source: 'TRIAL' }), new Date(Number.NaN))).toThrow(RangeError);
  });
});

// ---- properties ------------------------------------------------------------------------------------------

const NAMES = [...PLAN_CODES, ...Object.keys(PLAN_ALIASES)];

/** The same word in random case with random surrounding whitespace. */
const variantOf = (word: string) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
      fc.constantFrom('', ' ', '  ', '\t', '\n '),
      fc.constantFrom('', ' ', '\t'),
    )
    .map(([upper, before, after]) => {
      const cased = [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('');
      return `${before}${cased}${after}`;
    });

const planCodeArb = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...NAMES).chain(variantOf),
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 6, unit: 'grapheme' }),
  fc.constantFrom('ſolo', 'multı', 'GOLD', '', 'constructor', 'PRO PRO'),
);

const nowArb = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

/** Offsets that straddle every boundary: exactly now, ±1 ms, exactly the grace length. */
const offsetArb = fc.oneof(
  fc.constantFrom(0, 1, -1, -GRACE_DAYS * DAY_MS, -GRACE_DAYS * DAY_MS + 1, -GRACE_DAYS * DAY_MS - 1),
  fc.integer({ min: -30 * DAY_MS, max: 30 * DAY_MS }),
);

const stateArb = fc.record({
  plan_code: planCodeArb,
  plan_source: fc.constantFrom(...PlanSource.options),
  subscription_status: fc.constantFrom(...SubscriptionStatus.options),
  license_offset: fc.option(offsetArb),
  grace_offset: fc.option(offsetArb),
});

type State = typeof stateArb extends fc.Arbitrary<infer S> ? S : never;

function toBilling(s: State, now: Date): TenantBilling {
  const shift = (offset: number | null) => (offset === null ? null : new Date(now.getTime() + offset));
  return {
    plan_code: s.plan_code,
    plan_source: s.plan_source,
    subscription_status: s.subscription_status,
    license_expires_at: shift(s.license_offset),
    grace_started_at: shift(s.grace_offset),
  };
}

/** SPEC §4 restated independently of the implementation. */
function someRuleHolds(s: State): boolean {
  return (
    s.plan_source === 'LIFETIME' ||
    s.plan_source === 'MANUAL' ||
    (s.license_offset !== null && s.license_offset > 0) ||
    s.subscription_status === 'ACTIVE' ||
    s.subscription_status === 'TRIALING' ||
    (s.subscription_status === 'PAST_DUE' && s.grace_offset !== null && -s.grace_offset < GRACE_DAYS * DAY_MS)
  );
}

const DECLARED: Record<string, PlanCode> = {
  ESSENTIEL: 'ESSENTIEL',
  BOUTIQUE: 'BOUTIQUE',
  PRO: 'PRO',
  ...PLAN_ALIASES,
};
function declaredPlan(code: string | null): PlanCode | null {
  const trimmed = code?.trim() ?? '';
  const word = trimmed.toUpperCase();
  return /^[A-Za-z]+$/.test(trimmed) && Object.hasOwn(DECLARED, word) ? (DECLARED[word] as PlanCode) : null;
}

describe('property: effective plan', () => {
  it('no billing state yields a non-ESSENTIEL plan unless one of the rules holds', () => {
    fc.assert(
      fc.property(stateArb, nowArb, (s, now) => {
        const result = effectivePlan(toBilling(s, now), now);
        if (result.plan !== 'ESSENTIEL') {
          expect(someRuleHolds(s)).toBe(true);
          expect(result.plan).toBe(declaredPlan(s.plan_code));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('and the declared plan holds whenever a rule does', () => {
    fc.assert(
      fc.property(stateArb, nowArb, (s, now) => {
        const declared = declaredPlan(s.plan_code);
        const result = effectivePlan(toBilling(s, now), now);
        const expected = declared !== null && someRuleHolds(s) ? declared : 'ESSENTIEL';
        expect(result.plan).toBe(expected);
        const paidDeclared = declared !== null && declared !== 'ESSENTIEL';
        if (!paidDeclared) expect(result.reason).toBe('free');
        else if (!someRuleHolds(s)) expect(result.reason).toBe('fallback');
        else expect(['lifetime', 'manual', 'license', 'subscription', 'grace']).toContain(result.reason);
      }),
      { numRuns: 2000 },
    );
  });

  it('aliases and codes give identical results', () => {
    const pairArb = fc.constantFrom(...NAMES).chain((name) => fc.tuple(fc.constant(name), variantOf(name)));
    fc.assert(
      fc.property(pairArb, stateArb, nowArb, ([name, variant], s, now) => {
        const code = normalizePlanCode(name) as PlanCode;
        expect(PLAN_CODES).toContain(code);
        expect(normalizePlanCode(variant)).toBe(code);
        const viaVariant = effectivePlan(toBilling({ ...s, plan_code: variant }, now), now);
        const viaCode = effectivePlan(toBilling({ ...s, plan_code: code }, now), now);
        expect(viaVariant).toEqual(viaCode);
        expect(entitlementsFor(viaVariant.plan)).toEqual(entitlementsFor(viaCode.plan));
        expect(trialInfo(toBilling({ ...s, plan_code: variant }, now), now)).toEqual(
          trialInfo(toBilling({ ...s, plan_code: code }, now), now),
        );
      }),
    );
  });
});
