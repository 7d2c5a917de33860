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
