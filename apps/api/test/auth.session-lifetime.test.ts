import type { RegisterResult, TokenPair } from '@stockscan/contracts';
import { DAY_MS } from '@stockscan/entitlements';
import { describe, expect, it } from 'vitest';
import { startTestApp } from './test-server';

/**
 * #20 item 8: a refresh token rotated before each expiry used to live forever (30 days sliding only), so a
 * stolen one was a permanent account takeover. A login's session now ends 30 days after the login, whatever
 * the rotations or tenant switches. The clock is the test app's injected one.
 */

const NOW = new Date('2026-06-01T12:00:00Z');
const t = await startTestApp({ now: NOW });
const PASSWORD = 'a long enough password';
let n = 0;

async function register() {
  n += 1;
  const res = await t.request('/api/auth/register/', {
    json: {
      username: `life${n}`,
      email: `life${n}@example.test`,
      password: PASSWORD,
      password_confirm: PASSWORD,
      tenant_name: `Lifetime ${n}`,
      business_type: 'grocery',
      service_type: 'grocery_food',
      service_name: 'Épicerie',
      domain: 'food',
    },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as RegisterResult;
}

async function refresh(token: string) {
  const res = await t.request('/api/auth/refresh/', { json: { refresh: token } });
  return { status: res.status, body: (await res.json()) as TokenPair & { code?: string } };
}

const at = (days: number, minutes = 0) => new Date(NOW.getTime() + days * DAY_MS + minutes * 60_000);

describe('refresh sessions have an absolute lifetime of 30 days from the login', () => {
  it('rotating every 10 days keeps the session until day 30, not after', async () => {
    t.clock.set(NOW);
    const user = await register();
    let token = user.refresh!;

    for (const day of [10, 20, 29]) {
      t.clock.set(at(day));
      const next = await refresh(token);
      expect(next.status, `day ${day}`).toBe(200);
      token = next.body.refresh;
    }
    t.clock.set(at(30, 1));
    const late = await refresh(token);

    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('a token rotated on day 29 expires with the login, not 30 days later', async () => {
    t.clock.set(NOW);
    const user = await register();
    t.clock.set(at(29));
    const rotated = await refresh(user.refresh!);
    expect(rotated.status).toBe(200);
    const row = await t.db
      .selectFrom('refresh_tokens')
      .select(['expires_at', 'family_started_at'])
      .where('revoked_at', 'is', null)
      .where('user_id', '=', user.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ expires_at: at(30), family_started_at: NOW });
  });

  it('switching tenant does not start a new 30 days', async () => {
    t.clock.set(NOW);
    const user = await register();
    t.clock.set(at(29));
    const rotated = await refresh(user.refresh!);
    const switched = await t
      .trpc(rotated.body.access)
      .auth.switchTenant.mutate({ tenant_id: user.tenant.id });
    t.clock.set(at(30, 1));

    const late = await refresh(switched.refresh!);

    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ code: 'TOKEN_INVALID' });
  });
});
