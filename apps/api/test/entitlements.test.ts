import { describe, expect, it } from 'vitest';
import { consumeQuota } from '../src/entitlements/enforce';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });

const KEYS = [
  'currency_code',
  'entitlements',
  'expires_at',
  'limits',
  'over_limit',
  'plan_effective',
  'plan_source',
  'subscription_status',
  'trial',
  'usage',
];

async function entitlementsOf(token: string) {
  const res = await t.request('/api/auth/me/org/entitlements', { token });
  expect(res.status).toBe(200);
  return res.json() as Promise<Record<string, unknown>>;
}

describe('GET /api/auth/me/org/entitlements', () => {
  it('a tenant on trial: PRO, TRIAL, trial active with its end date', async () => {
    const ends = new Date('2026-11-29T10:00:00Z');
    const f = await createTenantFixture(t.db, t.config, {
      plan: 'PRO',
      plan_source: 'TRIAL',
      license_expires_at: ends,
    });
    const body = await entitlementsOf(f.owner.token);
    expect(Object.keys(body).sort()).toEqual(KEYS);
    expect(body).toMatchObject({
      plan_effective: 'PRO',
      plan_source: 'TRIAL',
      expires_at: ends.toISOString(),
      subscription_status: 'NONE',
      currency_code: 'EUR',
      trial: { active: true, ends_at: ends.toISOString() },
      limits: { max_products: null, max_services: 5, max_users: 10, ai_requests_month: 200 },
      usage: {
        products_count: 0,
        services_count: 1,
        users_count: 1,
        exports_xlsx_month: 0,
        exports_csv_month: 0,
        ai_requests_month: 0,
      },
      over_limit: { products: false, services: false, users: false },
    });
    expect(body.entitlements).toMatchObject({ multi_service_analytics: true, loss_management: true });
  });

  it('an expired trial falls back to ESSENTIEL and shows what is over the limit', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      plan: 'PRO',
      plan_source: 'TRIAL',
      license_expires_at: new Date('2026-11-01T00:00:00Z'),
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const body = await entitlementsOf(f.owner.token);
    expect(body).toMatchObject({
      plan_effective: 'ESSENTIEL',
      trial: { active: false },
      limits: { max_services: 1, exports_xlsx_month: 1, history_days: 14 },
      over_limit: { products: false, services: true, users: false },
    });
    expect(body.entitlements).not.toHaveProperty('loss_management');
    expect(body.entitlements).toHaveProperty('exports_xlsx', true);
  });

  it('after a PRO payment: PRO / PAID / ACTIVE, no trial', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      plan: 'PRO',
      plan_source: 'PAID',
      subscription_status: 'ACTIVE',
      license_expires_at: new Date('2026-12-15T00:00:00Z'),
    });
    const body = await entitlementsOf(f.owner.token);
    expect(body).toMatchObject({
      plan_effective: 'PRO',
      plan_source: 'PAID',
      subscription_status: 'ACTIVE',
      trial: null,
    });
  });

  it('the tRPC procedure returns the same document', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'BOUTIQUE' });
    const viaTrpc = await t.trpc(f.owner.token).entitlements.get.query();
    expect(viaTrpc).toEqual(await entitlementsOf(f.owner.token));
    expect(viaTrpc.plan_effective).toBe('BOUTIQUE');
  });

  it('answers 401 without a token', async () => {
    const res = await t.request('/api/auth/me/org/entitlements');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });
});

describe('consumeQuota', () => {
  it('10 parallel consumptions with 1 unit left: exactly 1 succeeds, 9 get LIMIT_*, one ledger row', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL' });
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () => consumeQuota(t.db, f.tenantId, f.owner.id, 'export_xlsx', NOW)),
    );
    const ok = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'LIMIT_EXPORT_XLSX_MONTH', status: 403 });
    const rows = await t.db
      .selectFrom('usage_events')
      .selectAll()
      .where('tenant_id', '=', f.tenantId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('a released unit can be consumed again; next month starts afresh', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL' });
    const first = await consumeQuota(t.db, f.tenantId, f.owner.id, 'export_csv', NOW);
    await expect(consumeQuota(t.db, f.tenantId, f.owner.id, 'export_csv', NOW)).rejects.toMatchObject({
      code: 'LIMIT_EXPORT_CSV_MONTH',
      extra: { limit: 1, upgrade_to: 'BOUTIQUE' },
    });
    await first.release();
    await expect(consumeQuota(t.db, f.tenantId, f.owner.id, 'export_csv', NOW)).resolves.toHaveProperty('id');
    await expect(
      consumeQuota(t.db, f.tenantId, f.owner.id, 'export_csv', new Date('2026-12-01T00:00:00Z')),
    ).resolves.toHaveProperty('id');
  });
});
