import type { EntitlementsResponse } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { checksFor } from './entitlements-model';
import { pickBanner } from './pick-banner';

const NOW = new Date('2025-06-10T12:00:00Z');

function response(overrides: Partial<EntitlementsResponse> = {}): EntitlementsResponse {
  return {
    plan_effective: 'PRO',
    plan_source: 'TRIAL',
    expires_at: '2025-06-15T12:00:00Z',
    subscription_status: 'NONE',
    entitlements: { inventory_basic: true, exports_basic: true, exports_xlsx: true, reports_basic: true },
    limits: {
      max_products: null,
      max_services: 5,
      max_users: 10,
      exports_xlsx_month: null,
      exports_csv_month: null,
      ai_requests_month: 200,
      history_days: null,
    },
    usage: {
      products_count: 40,
      services_count: 2,
      users_count: 1,
      exports_xlsx_month: 0,
      exports_csv_month: 0,
      ai_requests_month: 199,
    },
    over_limit: { products: false, services: false, users: false },
    currency_code: 'EUR',
    trial: { active: true, ends_at: '2025-06-15T12:00:00Z' },
    ...overrides,
  };
}

const SOLO_LIMITS = {
  max_products: 100,
  max_services: 1,
  max_users: 1,
  exports_xlsx_month: 1,
  exports_csv_month: 1,
  ai_requests_month: 0,
  history_days: 14,
};

describe('pickBanner', () => {
  it('counts the trial days left', () => {
    expect(pickBanner(response(), NOW)).toEqual({ kind: 'trial', plan: 'PRO', daysLeft: 5 });
  });

  it('stays quiet when the trial ends in more than 14 days', () => {
    const trial = { active: true, ends_at: '2025-07-10T12:00:00Z' };
    expect(pickBanner(response({ trial }), NOW)).toBeNull();
  });

  it('puts a failed payment before anything else', () => {
    const data = response({
      subscription_status: 'PAST_DUE',
      over_limit: { products: true, services: false, users: false },
    });
    expect(pickBanner(data, NOW)).toEqual({ kind: 'past_due', plan: 'PRO' });
  });

  it('after the trial, says what is over the free plan and which plan covers it', () => {
    const data = response({
      plan_effective: 'ESSENTIEL',
      trial: { active: false, ends_at: '2025-06-01T00:00:00Z' },
      limits: SOLO_LIMITS,
      usage: { ...response().usage, products_count: 130, services_count: 3 },
      over_limit: { products: true, services: true, users: false },
    });
    expect(pickBanner(data, NOW)).toEqual({
      kind: 'over_limit',
      key: 'max_products',
      count: 130,
      limit: 100,
      plan: 'ESSENTIEL',
      upgradeTo: 'BOUTIQUE',
    });
  });

  it('skips to the plan that really fits (3 services need Multi)', () => {
    const data = response({
      plan_effective: 'ESSENTIEL',
      trial: null,
      limits: SOLO_LIMITS,
      usage: { ...response().usage, services_count: 3 },
      over_limit: { products: false, services: true, users: false },
    });
    expect(pickBanner(data, NOW)).toMatchObject({ key: 'max_services', upgradeTo: 'PRO' });
  });
});

describe('checksFor', () => {
  it('allows everything until the server has answered', () => {
    const checks = checksFor(undefined);
    expect(checks.canAdd('max_products', 5000)).toEqual({ ok: true });
    expect(checks.can('alerts_expiry')).toEqual({ ok: true });
  });

  it('refuses before the server does, with the verdict message', () => {
    const checks = checksFor(
      response({
        plan_effective: 'ESSENTIEL',
        limits: SOLO_LIMITS,
        usage: { ...response().usage, products_count: 100, services_count: 1, ai_requests_month: 0 },
      }),
    );
    expect(checks.canAdd('max_products')).toMatchObject({
      ok: false,
      code: 'LIMIT_MAX_PRODUCTS',
      upgrade_to: 'BOUTIQUE',
    });
    expect(checks.can('loss_management')).toMatchObject({ ok: false, code: 'FEATURE_NOT_INCLUDED' });
    expect(checks.can('exports_xlsx')).toEqual({ ok: true });
    expect(checks.quotaLeft('ai_request')).toMatchObject({
      left: 0,
      limit: 0,
      verdict: { ok: false, code: 'LIMIT_AI_REQUESTS_MONTH', upgrade_to: 'BOUTIQUE' },
    });
  });

  it('reports quota left, null when unlimited', () => {
    const checks = checksFor(response());
    expect(checks.quotaLeft('ai_request')).toMatchObject({
      left: 1,
      used: 199,
      limit: 200,
      verdict: { ok: true },
    });
    expect(checks.quotaLeft('export_xlsx').left).toBeNull();
  });
});
