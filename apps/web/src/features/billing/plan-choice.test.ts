import { subscriptionRunning } from '@stockscan/entitlements';
import { describe, expect, it } from 'vitest';
import { checkoutMode, parsePlanChoice, paymentConfirmed } from './plan-choice';

const params = (query: string) => new URLSearchParams(query);

describe('parsePlanChoice', () => {
  it('reads the plan and cycle the pricing page links with', () => {
    expect(parsePlanChoice(params('plan=PRO&cycle=YEARLY'))).toEqual({ plan: 'PRO', cycle: 'YEARLY' });
  });

  it('accepts aliases and any case; no cycle when the URL has none', () => {
    expect(parsePlanChoice(params('plan=duo'))).toEqual({ plan: 'BOUTIQUE', cycle: null });
    expect(parsePlanChoice(params('plan=Multi&cycle=yearly'))).toEqual({ plan: 'PRO', cycle: 'YEARLY' });
  });

  it('ignores the free plan, unknown plans and unknown cycles', () => {
    expect(parsePlanChoice(params('plan=SOLO&cycle=WEEKLY'))).toEqual({ plan: null, cycle: null });
    expect(parsePlanChoice(params('plan=<script>'))).toEqual({ plan: null, cycle: null });
    expect(parsePlanChoice(params(''))).toEqual({ plan: null, cycle: null });
  });
});

describe('checkoutMode', () => {
  const base = { subscription_status: 'NONE', checkout_enabled: true } as const;

  it('is "soon" whenever the build has payments off, even if the server could take them', () => {
    expect(checkoutMode(base, false)).toBe('soon');
  });

  it('sends a running subscription to the portal (never a second checkout)', () => {
    for (const status of ['ACTIVE', 'TRIALING', 'PAST_DUE'] as const) {
      expect(checkoutMode({ ...base, subscription_status: status }, true)).toBe('portal');
    }
  });

  it('checks out after a cancellation, and says "unavailable" when the server has no Stripe', () => {
    expect(checkoutMode({ ...base, subscription_status: 'CANCELED' }, true)).toBe('checkout');
    expect(checkoutMode({ ...base, checkout_enabled: false }, true)).toBe('unavailable');
  });
});

describe('subscription facts', () => {
  it('treats only a paid, active or trialing subscription as confirmed', () => {
    expect(paymentConfirmed({ plan_source: 'PAID', subscription_status: 'ACTIVE' })).toBe(true);
    expect(paymentConfirmed({ plan_source: 'PAID', subscription_status: 'TRIALING' })).toBe(true);
    expect(paymentConfirmed({ plan_source: 'TRIAL', subscription_status: 'NONE' })).toBe(false);
    expect(paymentConfirmed({ plan_source: 'PAID', subscription_status: 'PAST_DUE' })).toBe(false);
    expect(subscriptionRunning('CANCELED')).toBe(false);
  });
});
