import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = resolve(import.meta.dirname, '../../../scripts/validate.sh');

function check(env: Record<string, string>) {
  const r = spawnSync('bash', [script, '--env-only'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

const PROD = {
  NODE_ENV: 'production',
  APP_SECRET: 'x'.repeat(40),
  DATABASE_URL: 'postgres://u:p@db:5432/stockscan',
  ALLOWED_HOSTS: 'app.stockscan.fr',
  CORS_ALLOWED_ORIGINS: 'https://app.stockscan.fr',
  FRONTEND_URL: 'https://app.stockscan.fr',
  INVITATIONS_SEND_EMAILS: 'false',
  LEGAL_PUBLISHER_NAME: 'StockScan SAS',
  LEGAL_PUBLISHER_ADDRESS: '1 rue du Port, 13002 Marseille',
  LEGAL_PUBLISHER_ID: 'RCS Marseille 123 456 789',
  LEGAL_CONTACT_EMAIL: 'contact@stockscan.fr',
  LEGAL_HOST: 'OVH SAS, 2 rue Kellermann, 59100 Roubaix',
};

describe('scripts/validate.sh --env-only (SPEC §2 deployment check)', () => {
  it('passes a complete production environment, warning about optional parts', () => {
    const { code, out } = check(PROD);
    expect(code).toBe(0);
    expect(out).toMatch(/WARN {2}STRIPE_API_KEY is not set/);
    expect(out).toMatch(/env check: ok/);
  });

  it('requires SendGrid iff invitations send emails', () => {
    const { code, out } = check({ ...PROD, INVITATIONS_SEND_EMAILS: 'true' });
    expect(code).toBe(1);
    expect(out).toMatch(/ERROR SENDGRID_API_KEY is required when INVITATIONS_SEND_EMAILS=true/);
    expect(
      check({
        ...PROD,
        INVITATIONS_SEND_EMAILS: 'true',
        SENDGRID_API_KEY: 'SG.x',
        SENDGRID_FROM_EMAIL: 'a@b.fr',
      }).code,
    ).toBe(0);
  });

  it('requires Stripe keys and prices when the web shows checkout buttons (VITE_STRIPE_ENABLED=true)', () => {
    const { code, out } = check({ ...PROD, VITE_STRIPE_ENABLED: 'true', STRIPE_API_KEY: 'sk_live_x' });
    expect(code).toBe(1);
    for (const name of ['STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_BOUTIQUE_MONTHLY', 'STRIPE_PRICE_PRO_YEARLY'])
      expect(out).toContain(`ERROR ${name} is required when VITE_STRIPE_ENABLED=true`);
    const complete = {
      ...PROD,
      VITE_STRIPE_ENABLED: 'true',
      STRIPE_API_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      STRIPE_PRICE_BOUTIQUE_MONTHLY: 'price_1',
      STRIPE_PRICE_BOUTIQUE_YEARLY: 'price_2',
      STRIPE_PRICE_PRO_MONTHLY: 'price_3',
      STRIPE_PRICE_PRO_YEARLY: 'price_4',
    };
    expect(check(complete).code).toBe(0);
  });

  it('refuses the demo build (VITE_DEMO_MODE=true) for production, and TRUST_PROXY without METRICS_TOKEN', () => {
    const demo = check({ ...PROD, VITE_DEMO_MODE: 'true' });
    expect(demo.code).toBe(1);
    expect(demo.out).toMatch(/ERROR VITE_DEMO_MODE=true is for the demo deployment only/);
    const proxy = check({ ...PROD, TRUST_PROXY: '10.0.0.0/8' });
    expect(proxy.code).toBe(1);
    expect(proxy.out).toMatch(/ERROR METRICS_TOKEN is required when TRUST_PROXY is set/);
    expect(check({ ...PROD, TRUST_PROXY: '10.0.0.0/8', METRICS_TOKEN: 'm' }).code).toBe(0);
    expect(check({ ...PROD, TRUST_PROXY: 'true', METRICS_TOKEN: 'm' }).code).toBe(1);
  });

  it('requires the OpenAI key iff AI is enabled', () => {
    const { code, out } = check({ ...PROD, AI_ENABLED: 'true' });
    expect(code).toBe(1);
    expect(out).toMatch(/ERROR OPENAI_API_KEY is required when AI_ENABLED=true/);
    expect(check({ ...PROD, AI_ENABLED: 'true', OPENAI_API_KEY: 'sk-x' }).code).toBe(0);
  });

  it('names each missing required variable', () => {
    const { code, out } = check({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    for (const name of [
      'APP_SECRET',
      'DATABASE_URL',
      'ALLOWED_HOSTS',
      'FRONTEND_URL',
      'INVITATIONS_SEND_EMAILS',
    ]) {
      expect(out).toContain(`ERROR ${name}`);
    }
  });

  it('requires the publisher identity (LEGAL_*) in production and only warns elsewhere', () => {
    const { LEGAL_HOST: _host, LEGAL_PUBLISHER_ID: _id, ...partial } = PROD;
    const missing = check(partial);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('ERROR LEGAL_HOST is required in production');
    expect(missing.out).toContain('ERROR LEGAL_PUBLISHER_ID is required in production');
    expect(missing.out).not.toContain('ERROR LEGAL_PUBLISHER_NAME');
    const badEmail = check({ ...PROD, LEGAL_CONTACT_EMAIL: 'contact at stockscan' });
    expect(badEmail.code).toBe(1);
    expect(badEmail.out).toContain('ERROR LEGAL_CONTACT_EMAIL must be an email address');
    const dev = check({ ...partial, NODE_ENV: 'development' });
    expect(dev.out).toContain('WARN  LEGAL_HOST is not set');
    expect(dev.out).not.toContain('ERROR LEGAL_');
  });

  it('is skipped with SKIP_ENV_CHECK=true', () => {
    const { code, out } = check({ SKIP_ENV_CHECK: 'true' });
    expect(code).toBe(0);
    expect(out).toMatch(/skipped/);
  });
});
