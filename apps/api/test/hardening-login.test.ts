import type { ErrorBody } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

// Issue #20 item 1: password guessing behind a spoofed address. Production-like servers (NODE_ENV=production,
// which used to trust every X-Forwarded-For hop) on one database.
const NOW = new Date('2026-06-01T08:00:00Z');
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://injected@127.0.0.1:1/injected',
  ALLOWED_HOSTS: '127.0.0.1',
  CORS_ALLOWED_ORIGINS: 'http://app.test',
  METRICS_TOKEN: 'metrics-token-for-tests',
};
/** Behind a proxy on the same machine: the socket peer is the proxy, the client is the entry it appended. */
const proxied = await startTestApp({ now: NOW, env: { ...PRODUCTION, TRUST_PROXY: 'loopback' } });
/** No TRUST_PROXY: X-Forwarded-For is ignored, the client is the socket peer. */
const direct = await startTestApp({ now: NOW, env: PRODUCTION, testDb: proxied.testDb });
/** A hop count: the socket peer is the one proxy. */
const oneHop = await startTestApp({
  now: NOW,
  env: { ...PRODUCTION, TRUST_PROXY: '1' },
  testDb: proxied.testDb,
});
const db = proxied.db;
const PASSWORD = 'correct horse battery';

const passwordHash = await hashPassword(PASSWORD);

async function account() {
  const { owner } = await createTenantFixture(db, proxied.config, { now: NOW });
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', owner.id).execute();
  return { ...owner, email: `${owner.username}@example.test` };
}

const login = (app: typeof proxied, username: string, password: string, forwardedFor?: string) =>
  app.request('/api/auth/login/', {
    json: { username, password },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

async function lastLoginAddress(userId: string): Promise<unknown> {
  const row = await db
    .selectFrom('audit_log')
    .select('meta')
    .where('user_id', '=', userId)
    .where('action', '=', 'auth.login')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return (row.meta as { ip?: string }).ip;
}

describe('failed logins are limited per account, whatever address they claim', () => {
  it('10 wrong passwords from 10 forwarded addresses → the right one from an 11th answers 429 with Retry-After', async () => {
    for (const app of [proxied, direct, oneHop]) app.clock.set(NOW);
    const victim = await account();
    for (let i = 0; i < 10; i++) {
      const res = await login(proxied, victim.username, `guess-${i}`, `203.0.113.${i + 1}`);
      expect(res.status).toBe(401);
    }

    const res = await login(proxied, victim.username, PASSWORD, '203.0.113.99');

    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe(String(15 * 60));
    expect(((await res.json()) as ErrorBody).code).toBe('RATE_LIMITED');
    // Logging in by email is the same account.
    const byEmail = await login(proxied, victim.email, PASSWORD, '203.0.113.100');
    expect(byEmail.status).toBe(429);
  });

  it('a good login clears its account failures', async () => {
    const user = await account();
    for (let i = 0; i < 9; i++) await login(proxied, user.username, `guess-${i}`, `198.51.100.${i + 1}`);
    expect((await login(proxied, user.username, PASSWORD, '198.51.100.50')).status).toBe(200);
    expect((await login(proxied, user.username, 'guess-10', '198.51.100.51')).status).toBe(401);
  });
});

describe('failed logins are limited per address, whatever the account', () => {
  it('behind a trusted proxy, rewriting the left-most X-Forwarded-For entry does not give a fresh budget', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await login(proxied, `nobody-${i}`, 'spray-password', `10.66.${i}.1, 192.0.2.10`);
      expect(res.status).toBe(401);
    }

    const res = await login(proxied, 'nobody-10', 'spray-password', '10.66.99.1, 192.0.2.10');

    expect(res.status).toBe(429);
    expect(((await res.json()) as ErrorBody).code).toBe('RATE_LIMITED');
    // Another client of the same proxy is not affected.
    const neighbour = await account();
    expect((await login(proxied, neighbour.username, PASSWORD, '192.0.2.11')).status).toBe(200);
    expect(await lastLoginAddress(neighbour.id)).toBe('192.0.2.11');
  });

  it('without TRUST_PROXY the forwarded header is ignored: the socket address is limited', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await login(direct, `ghost-${i}`, 'spray-password', `10.77.${i}.1`);
      expect(res.status).toBe(401);
    }

    const res = await login(direct, 'ghost-10', 'spray-password', '10.77.99.1');

    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a hop count believes only the entry the last proxy appended', async () => {
    const user = await account();

    const res = await login(oneHop, user.username, PASSWORD, '6.6.6.6, 192.0.2.77');

    expect(res.status).toBe(200);
    expect(await lastLoginAddress(user.id)).toBe('192.0.2.77');
  });
});

describe('counters do not pile up', () => {
  it('a counter whose window ended a day ago is purged by the next new window', async () => {
    const later = new Date(NOW.getTime() + 2 * 86_400_000);
    proxied.clock.set(later);

    await login(proxied, 'someone-new', 'whatever-password', '192.0.2.200');

    const stale = await db
      .selectFrom('rate_limits')
      .select('key')
      .where('window_start', '<', new Date(later.getTime() - 86_400_000))
      .execute();
    expect(stale).toEqual([]);
    const kept = await db.selectFrom('rate_limits').select('key').execute();
    expect(kept.map((r) => r.key).sort()).toEqual(['login:account:someone-new', 'login:address:192.0.2.200']);
  });
});
