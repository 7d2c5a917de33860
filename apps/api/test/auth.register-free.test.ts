import type { ErrorBody, RegisterResult } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { startTestApp } from './test-server';

// TRIAL_DAYS=0: a new tenant starts on the free plan (ESSENTIEL: one service).
const t = await startTestApp({ env: { TRIAL_DAYS: '0' } });

const RESTAURANT = {
  username: 'paul',
  password: 'Sup3rSecret!',
  password_confirm: 'Sup3rSecret!',
  email: 'paul@example.test',
  tenant_name: 'Chez Paul',
  business_type: 'restaurant',
  service_type: 'kitchen',
  service_name: 'Cuisine',
  domain: 'food',
  accept_terms: true,
};

const countRows = async () => ({
  users: (await t.db.selectFrom('users').select('id').execute()).length,
  tenants: (await t.db.selectFrom('tenants').select('id').execute()).length,
  services: (await t.db.selectFrom('services').select('id').execute()).length,
  memberships: (await t.db.selectFrom('memberships').select('id').execute()).length,
});

describe('register without a trial (TRIAL_DAYS=0)', () => {
  it('Cuisine + Salle → 403 LIMIT_MAX_SERVICES and no rows in users/tenants/services', async () => {
    const res = await t.request('/api/auth/register/', {
      json: { ...RESTAURANT, extra_services: [{ name: 'Salle', service_type: 'restaurant_dining' }] },
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as ErrorBody;
    expect(body).toMatchObject({ code: 'LIMIT_MAX_SERVICES', limit: 1, current: 0, upgrade_to: 'BOUTIQUE' });
    expect(body.detail).toEqual(expect.any(String));
    expect(await countRows()).toEqual({ users: 0, tenants: 0, services: 0, memberships: 0 });
  });

  it('one service fits: plan_code null, plan_source FREE, no licence end', async () => {
    const res = await t.request('/api/auth/register/', { json: RESTAURANT });
    expect(res.status).toBe(201);
    const body = (await res.json()) as RegisterResult;
    const tenant = await t.db
      .selectFrom('tenants')
      .select(['plan_code', 'plan_source', 'license_expires_at', 'subscription_status'])
      .where('id', '=', body.tenant.id)
      .executeTakeFirstOrThrow();
    expect(tenant).toEqual({
      plan_code: null,
      plan_source: 'FREE',
      license_expires_at: null,
      subscription_status: 'NONE',
    });
    const me = await t.trpc(body.access!).auth.me.query();
    expect(me.tenant).toMatchObject({ plan_effective: 'ESSENTIEL', plan_source: 'FREE', trial: null });
    expect(await countRows()).toEqual({ users: 1, tenants: 1, services: 1, memberships: 1 });
  });
});
