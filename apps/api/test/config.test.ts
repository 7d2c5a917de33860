import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

const run = promisify(execFile);

describe('loadConfig', () => {
  it('gives dev defaults without any variable', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.appSecretGenerated).toBe(true);
    expect(config.appSecret).toHaveLength(64);
    expect(config.trial).toEqual({ plan: 'PRO', days: 14 });
    expect(config.ai.throttle).toEqual({ limit: 10, windowMs: 60_000 });
    expect(config.stripe.successUrl).toBe('http://127.0.0.1:8000/billing/success');
  });

  it('names every bad variable on one line in production', () => {
    const attempt = () => loadConfig({ NODE_ENV: 'production', INVITATIONS_SEND_EMAILS: 'false' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/APP_SECRET: required in production/);
    expect(attempt).toThrow(/DATABASE_URL: required in production/);
  });

  it('fails closed in production: names APP_SECRET, DATABASE_URL, FRONTEND_URL, ALLOWED_HOSTS, CORS_ALLOWED_ORIGINS on one line', () => {
    const attempt = () => loadConfig({ NODE_ENV: 'production', INVITATIONS_SEND_EMAILS: 'false' });
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of [
      'APP_SECRET',
      'DATABASE_URL',
      'FRONTEND_URL',
      'ALLOWED_HOSTS',
      'CORS_ALLOWED_ORIGINS',
    ])
      expect(message).toContain(`${name}: required in production`);
    expect(message.split('\n')).toHaveLength(1);
    const complete = {
      NODE_ENV: 'production',
      INVITATIONS_SEND_EMAILS: 'false',
      APP_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://u:p@db.internal:5432/app',
      FRONTEND_URL: 'https://app.example.com',
      ALLOWED_HOSTS: 'app.example.com',
      CORS_ALLOWED_ORIGINS: 'https://app.example.com',
    };
    expect(loadConfig(complete).frontendUrl).toBe('https://app.example.com');
    // Behind a proxy every client looks local: /metrics needs its token.
    expect(() => loadConfig({ ...complete, TRUST_PROXY: '1' })).toThrow(
      /METRICS_TOKEN: required in production/,
    );
    expect(loadConfig({ ...complete, TRUST_PROXY: '1', METRICS_TOKEN: 'm' }).trustProxy).toBe(1);
  });

  it('TRUST_PROXY: unset → the socket address; a hop count or proxy CIDRs; never "trust everyone"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: expected a hop count/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('rate limits and caps: defaults and N/<k><unit> windows', () => {
    const defaults = loadConfig({});
    expect(defaults.rateLimits).toEqual({
      login: { limit: 10, windowMs: 15 * 60_000 },
      register: { limit: 10, windowMs: 3_600_000 },
    });
    expect(defaults.trpcMaxBatch).toBe(10);
    expect(defaults.exportEmailDailyLimit).toBe(20);
    expect(loadConfig({ LOGIN_RATE_LIMIT: '5/30min' }).rateLimits.login).toEqual({
      limit: 5,
      windowMs: 1_800_000,
    });
    expect(() => loadConfig({ REGISTER_RATE_LIMIT: '10/2day' })).toThrow(/REGISTER_RATE_LIMIT/);
    expect(() => loadConfig({ TRPC_MAX_BATCH: '0' })).toThrow(/TRPC_MAX_BATCH/);
  });

  it('requires the SendGrid key iff invitations send emails, the OpenAI key iff AI is enabled', () => {
    expect(() => loadConfig({ INVITATIONS_SEND_EMAILS: 'true' })).toThrow(/SENDGRID_API_KEY/);
    expect(() => loadConfig({ AI_ENABLED: 'true' })).toThrow(/OPENAI_API_KEY: required when AI_ENABLED=true/);
    expect(loadConfig({ AI_ENABLED: 'false' }).ai.enabled).toBe(false);
  });

  it('rejects malformed values with the variable name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ AI_THROTTLE_RATE: 'ten' })).toThrow(/AI_THROTTLE_RATE/);
    expect(() => loadConfig({ APP_SECRET: 'short' })).toThrow(/APP_SECRET: must be at least 32 characters/);
  });
});

const built = resolve(import.meta.dirname, '../dist/main.js');

describe.runIf(existsSync(built))('the built server', () => {
  it('exits 1 with one line naming APP_SECRET in production', async () => {
    const error = await run(process.execPath, [built], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
        INVITATIONS_SEND_EMAILS: 'false',
      },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 1 });
    const stderr = (error as { stderr: string }).stderr.trim();
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/APP_SECRET/);
  });
});
