import type { ErrorBody, InviteResult } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

// Issue #20 item 11: the runbook's own curl lines work as written (`curl -d '{…}'` sends form-urlencoded).
const t = await startTestApp();

const curlPost = (path: string, body: string, token: string, type = 'application/x-www-form-urlencoded') =>
  fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  });

describe('REST adapters read a JSON body whatever its declared type', () => {
  it("POST /api/auth/memberships/ with -d '{…}' and curl's form-urlencoded type → 201, invitation saved", async () => {
    const f = await createTenantFixture(t.db, t.config);

    const res = await curlPost(
      '/api/auth/memberships/',
      '{"email":"manager@example.com","role":"manager"}',
      f.owner.token,
    );

    expect(res.status).toBe(201);
    expect((await res.json()) as InviteResult).toMatchObject({
      email: 'manager@example.com',
      role: 'manager',
    });
    const rows = await t.db
      .selectFrom('invitations')
      .select('email')
      .where('tenant_id', '=', f.tenantId)
      .execute();
    expect(rows).toEqual([{ email: 'manager@example.com' }]);
  });

  it('a body that is not JSON → 400 VALIDATION_ERROR (JSON error body), never 415 or 500', async () => {
    const f = await createTenantFixture(t.db, t.config);

    for (const [body, type] of [
      ['email=manager%40example.com&role=manager', 'application/x-www-form-urlencoded'],
      ['{"email":', 'text/plain'],
    ] as const) {
      const res = await curlPost('/api/auth/memberships/', body, f.owner.token, type);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).code).toBe('VALIDATION_ERROR');
    }
    expect(
      await t.db.selectFrom('invitations').select('id').where('tenant_id', '=', f.tenantId).execute(),
    ).toEqual([]);
  });
});
