import { PublicConfig, type RegisterResult } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { publicConfig } from '../src/system/public-config.service';
import { startTestApp } from './test-server';

const NOW = new Date('2026-05-04T08:00:00Z');
const LEGAL = {
  LEGAL_PUBLISHER_NAME: 'Comptoir Logiciel SAS',
  LEGAL_PUBLISHER_ADDRESS: '1 quai du Port, 13002 Marseille',
  LEGAL_PUBLISHER_ID: 'RCS Marseille 912 345 678',
  LEGAL_CONTACT_EMAIL: 'contact@comptoir.test',
  LEGAL_HOST: 'Hébergeur SAS, 2 rue du Serveur, 59100 Roubaix',
};
// A Duo trial of 7 days, named by its alias as an operator may write it.
const t = await startTestApp({ now: NOW, env: { TRIAL_PLAN: 'DUO', TRIAL_DAYS: '7', ...LEGAL } });

const EXPECTED = {
  trial: { plan: 'BOUTIQUE', days: 7 },
  stripe_enabled: true,
  legal: {
    publisher_name: LEGAL.LEGAL_PUBLISHER_NAME,
    publisher_address: LEGAL.LEGAL_PUBLISHER_ADDRESS,
    publisher_id: LEGAL.LEGAL_PUBLISHER_ID,
    contact_email: LEGAL.LEGAL_CONTACT_EMAIL,
    host: LEGAL.LEGAL_HOST,
  },
};

describe('public config (GET /api/config/public, tRPC system.config)', () => {
  it('REST and tRPC answer the same, without a token: the trial, Stripe on, the publisher identity', async () => {
    const res = await t.request('/api/config/public');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual(EXPECTED);
    expect(PublicConfig.parse(body)).toEqual(EXPECTED);
    expect(await t.trpc().system.config.query()).toEqual(EXPECTED);
  });

  it('says the trial a sign-up really gets on this server', async () => {
    const res = await t.request('/api/auth/register/', {
      json: {
        username: 'leon',
        password: 'Sup3rSecret!',
        password_confirm: 'Sup3rSecret!',
        email: 'leon@example.test',
        tenant_name: 'Chez Léon',
        business_type: 'bar',
        service_type: 'bar',
        service_name: 'Bar',
        domain: 'food',
      },
    });
    expect(res.status).toBe(201);
    const { access, tenant } = (await res.json()) as RegisterResult;
    const row = await t.db
      .selectFrom('tenants')
      .select(['plan_code', 'license_expires_at'])
      .where('id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    const config = await t.trpc().system.config.query();
    expect(row.plan_code).toBe(config.trial?.plan);
    expect(row.license_expires_at?.getTime()).toBe(NOW.getTime() + (config.trial?.days ?? 0) * 86_400_000);
    const me = await t.trpc(access ?? undefined).auth.me.query();
    expect(me.tenant?.plan_effective).toBe('BOUTIQUE');
  });

  it('no trial with TRIAL_DAYS=0, Stripe off without a key, unset identity fields are null', () => {
    const config = publicConfig(
      loadConfig({ TRIAL_PLAN: 'PRO', TRIAL_DAYS: '0', LEGAL_PUBLISHER_NAME: 'Léa Martin' }),
    );
    expect(config).toEqual({
      trial: null,
      stripe_enabled: false,
      legal: {
        publisher_name: 'Léa Martin',
        publisher_address: null,
        publisher_id: null,
        contact_email: null,
        host: null,
      },
    });
    expect(publicConfig(loadConfig({})).trial).toEqual({ plan: 'PRO', days: 14 });
  });

  it('a malformed LEGAL_CONTACT_EMAIL stops the start with the variable named', () => {
    expect(() => loadConfig({ LEGAL_CONTACT_EMAIL: 'contact at example' })).toThrow(/LEGAL_CONTACT_EMAIL/);
  });
});
