import { PlanSource, SubscriptionStatus } from '@stockscan/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billingStatus,
  checkoutTrialEnd,
  DAY_MS,
  daysLeft,
  effectivePlan,
  GRACE_DAYS,
  graceEndsAt,
  inTrial,
  MIN_CHECKOUT_TRIAL_MS,
  onSignupTrial,
  subscriptionInForce,
  subscriptionRunning,
  type TenantBilling,
  trialInfo,
} from '../src/index';

const dates = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const billings = fc.record({
  plan_code: fc.constantFrom('ESSENTIEL', 'BOUTIQUE', 'PRO', null),
  plan_source: fc.constantFrom(...PlanSource.options),
  subscription_status: fc.constantFrom(...SubscriptionStatus.options),
  license_expires_at: fc.option(dates, { nil: null }),
  grace_started_at: fc.option(dates, { nil: null }),
  stripe_cancel_at: fc.option(dates, { nil: null }),
}) satisfies fc.Arbitrary<TenantBilling & { stripe_cancel_at: Date | null }>;

describe('trial and subscription predicates', () => {
  it('property: a signup trial is a trial; a subscription in force is a running one', () => {
    fc.assert(
      fc.property(billings, (b) => {
        if (onSignupTrial(b)) expect(inTrial(b)).toBe(true);
        if (subscriptionInForce(b.subscription_status))
          expect(subscriptionRunning(b.subscription_status)).toBe(true);
      }),
    );
  });

  it('counts a Stripe trial as a trial but not as the signup trial', () => {
    const stripeTrial = { plan_source: 'PAID', subscription_status: 'TRIALING' } as const;
    expect(inTrial(stripeTrial)).toBe(true);
    expect(onSignupTrial(stripeTrial)).toBe(false);
    expect(inTrial({ plan_source: 'PAID', subscription_status: 'ACTIVE' })).toBe(false);
  });

  it('keeps an unpaid subscription running but not in force', () => {
    expect(subscriptionRunning('PAST_DUE')).toBe(true);
    expect(subscriptionInForce('PAST_DUE')).toBe(false);
    for (const status of ['NONE', 'CANCELED'] as const) expect(subscriptionRunning(status)).toBe(false);
  });
});

describe('daysLeft', () => {
  it('property: never negative, 0 exactly once the end has passed, a started day counts', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -400 * DAY_MS, max: 400 * DAY_MS }), (now, offset) => {
        const ends = new Date(now.getTime() + offset);
        const left = daysLeft(ends, now);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left === 0).toBe(offset <= 0);
        if (offset > 0) expect((left - 1) * DAY_MS).toBeLessThan(offset);
        if (offset > 0) expect(left * DAY_MS).toBeGreaterThanOrEqual(offset);
      }),
    );
  });

  it('property: never grows as time passes', () => {
    fc.assert(
      fc.property(dates, dates, fc.nat(30 * DAY_MS), (ends, now, later) => {
        expect(daysLeft(ends, new Date(now.getTime() + later))).toBeLessThanOrEqual(daysLeft(ends, now));
      }),
    );
  });

  it('refuses an Invalid Date as now', () => {
    expect(() => daysLeft(new Date(), new Date(Number.NaN))).toThrow(
      new RangeError('now must be a valid Date'),
    );
  });
});

describe('graceEndsAt', () => {
  it('property: set only when past due with a start, GRACE_DAYS later, and the plan holds exactly until then', () => {
    fc.assert(
      fc.property(billings, dates, (b, now) => {
        const end = graceEndsAt(b);
        expect(end !== null).toBe(b.subscription_status === 'PAST_DUE' && b.grace_started_at !== null);
        if (end === null || b.grace_started_at === null) return;
        expect(end.getTime() - b.grace_started_at.getTime()).toBe(GRACE_DAYS * DAY_MS);
        const rest = { plan_code: 'PRO', plan_source: 'PAID', license_expires_at: null } as const;
        const holds = effectivePlan({ ...b, ...rest }, now).reason === 'grace';
        expect(holds).toBe(now.getTime() < end.getTime());
      }),
    );
  });
});

describe('billingStatus', () => {
  it('property: agrees with the predicates it is made of', () => {
    fc.assert(
      fc.property(billings, dates, (b, now) => {
        const s = billingStatus(b, now);
        expect(s.past_due).toBe(b.subscription_status === 'PAST_DUE');
        expect(s.grace_ends_at).toEqual(graceEndsAt(b));
        expect(s.trial !== null).toBe(inTrial(b) && b.license_expires_at !== null);
        if (s.trial) {
          expect(s.trial.days_left).toBe(daysLeft(s.trial.ends_at, now));
          expect(s.trial.active).toBe(s.trial.days_left > 0);
        }
        // A cancellation or a renewal only exists for a subscription in force, and never both.
        if (s.cancel_at || s.renews_at) expect(subscriptionInForce(b.subscription_status)).toBe(true);
        expect(s.cancel_at !== null && s.renews_at !== null).toBe(false);
        if (s.renews_at) expect(b.plan_source).toBe('PAID');
        expect(s.expires_at).toEqual(s.cancel_at ?? b.license_expires_at);
      }),
    );
  });

  it('renews a paid subscription in force unless a cancellation is planned', () => {
    const now = new Date('2025-03-15T12:00:00.000Z');
    const ends = new Date('2025-04-15T12:00:00.000Z');
    const cancel = new Date('2025-04-01T00:00:00.000Z');
    const paid = {
      plan_code: 'PRO',
      plan_source: 'PAID',
      subscription_status: 'ACTIVE',
      license_expires_at: ends,
      grace_started_at: null,
      stripe_cancel_at: null,
    } as const;
    expect(billingStatus(paid, now)).toEqual({
      trial: null,
      renews_at: ends,
      expires_at: ends,
      cancel_at: null,
      past_due: false,
      grace_ends_at: null,
    });
    expect(billingStatus({ ...paid, stripe_cancel_at: cancel }, now)).toMatchObject({
      renews_at: null,
      expires_at: cancel,
      cancel_at: cancel,
    });
    expect(billingStatus({ ...paid, subscription_status: 'TRIALING' }, now).trial).toEqual({
      active: true,
      ends_at: ends,
      days_left: 31,
    });
    expect(
      billingStatus({ ...paid, subscription_status: 'CANCELED', stripe_cancel_at: cancel }, now),
    ).toMatchObject({ renews_at: null, expires_at: ends, cancel_at: null });
    expect(billingStatus({ ...paid, plan_source: 'MANUAL' }, now).renews_at).toBeNull();
  });

  it('the entitlements trial is the signup trial part of it', () => {
    fc.assert(
      fc.property(billings, dates, (b, now) => {
        const info = trialInfo(b, now);
        const status = billingStatus(b, now).trial;
        if (!onSignupTrial(b)) expect(info).toBeNull();
        else expect(info).toEqual(status && { active: status.active, ends_at: status.ends_at });
      }),
    );
  });

  it('refuses an Invalid Date as now', () => {
    const b = { plan_code: null, plan_source: 'FREE', subscription_status: 'NONE' } as const;
    const none = { license_expires_at: null, grace_started_at: null, stripe_cancel_at: null };
    expect(() => billingStatus({ ...b, ...none }, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('checkoutTrialEnd', () => {
  it('property: only a signup trial with at least the Stripe minimum left, and then its end', () => {
    fc.assert(
      fc.property(billings, dates, (b, now) => {
        const end = checkoutTrialEnd(b, now);
        const ends = b.license_expires_at;
        const kept =
          onSignupTrial(b) && ends !== null && ends.getTime() - now.getTime() >= MIN_CHECKOUT_TRIAL_MS;
        expect(end).toEqual(kept ? ends : null);
      }),
    );
  });

  it('keeps the trial at the Stripe minimum and drops it a millisecond below', () => {
    const now = new Date('2025-03-15T12:00:00.000Z');
    const trial = (ms: number) => ({
      plan_source: 'TRIAL' as const,
      license_expires_at: new Date(now.getTime() + ms),
    });
    expect(checkoutTrialEnd(trial(MIN_CHECKOUT_TRIAL_MS), now)).not.toBeNull();
    expect(checkoutTrialEnd(trial(MIN_CHECKOUT_TRIAL_MS - 1), now)).toBeNull();
    expect(() => checkoutTrialEnd(trial(0), new Date(Number.NaN))).toThrow(RangeError);
  });
});
