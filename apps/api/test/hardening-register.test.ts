import type { ErrorBody } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { startTestApp } from './test-server';

// Issue #20 item 3 (first part): scripted sign-ups, each with the full trial, are throttled per address.
const t = await startTestApp({ env: { REGISTER_RATE_LIMIT: '10/hour' } });

const register = (n: number) =>
  t.request('/api/auth/register/', {
    json: {
      username: `script${n}`,
      email: `script${n}@example.test`,
      password: 'correct horse battery',
      password_confirm: 'correct horse battery',
      tenant_name: `Script ${n}`,
      business_type: 'bar',
      service_type: 'bar',
      service_name: 'Bar',
      domain: 'food',
    },
  });

describe('REGISTER_RATE_LIMIT', () => {
  it('the 11th sign-up from one address within the hour → 429 RATE_LIMITED with Retry-After, no account', async () => {
    for (let n = 1; n <= 10; n++) expect((await register(n)).status).toBe(201);

    const res = await register(11);

    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as ErrorBody).code).toBe('RATE_LIMITED');
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'script11').execute()).toEqual(
      [],
    );
    expect(await t.db.selectFrom('tenants').select('id').execute()).toHaveLength(10);
  });
});
