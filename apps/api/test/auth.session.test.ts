import type { AuthSession, ErrorBody, MeView, RegisterResult, TokenPair } from '@stockscan/contracts';
import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens';
import { verifyAccessToken } from '../src/request/access-token';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-05-04T08:00:00Z');
// Failed logins are limited per address too: each test logs in from its own address, forwarded by a local proxy.
const env = { TRUST_PROXY: 'loopback' };
const t = await startTestApp({ now: NOW, env });
// A second API instance on the same database: the login limiter must be shared through PostgreSQL.
const other = await startTestApp({ now: NOW, env, testDb: t.testDb });
let address = '';
let tests = 0;
beforeEach(() => {
  tests += 1;
  address = `198.51.100.${tests}`;
});

const PASSWORD = 'correct horse battery';
let n = 0;

async function registerUser(): Promise<RegisterResult & { username: string; email: string }> {
  n += 1;
  const username = `Session${n}`;
  const email = `session${n}@example.test`;
  const res = await t.request('/api/auth/register/', {
    json: {
      username,
      email,
      password: PASSWORD,
      password_confirm: PASSWORD,
      tenant_name: `Tenant ${n}`,
      business_type: 'bar',
      service_type: 'bar',
      service_name: 'Bar',
      domain: 'food',
    },
  });
  expect(res.status).toBe(201);
  return { ...((await res.json()) as RegisterResult), username, email };
}

const post = (app: typeof t, path: string, json: unknown) => app.request(path, { json });
const login = (json: unknown, app = t, from = address) =>
  app.request('/api/auth/login/', { json, headers: { 'x-forwarded-for': from } });
const refresh = (token: string) => post(t, '/api/auth/refresh/', { refresh: token });
const body = async <T>(res: Response) => (await res.json()) as T;

describe('login', () => {
  it('by username or email, any case → 200 with the register shape and a fresh token pair', async () => {
    const user = await registerUser();
    for (const identifier of [
      { username: user.username.toLowerCase() },
      { username: user.email.toUpperCase() },
    ]) {
      const res = await login({ ...identifier, password: PASSWORD });
      expect(res.status).toBe(200);
      const session = await body<AuthSession>(res);
      expect(session.user).toEqual(user.user);
      expect(session.tenant).toEqual(user.tenant);
      expect(session.services).toEqual(user.services);
      expect(session.refresh).not.toBe(user.refresh);
      expect(await verifyAccessToken(session.access, t.config.appSecret, NOW)).toEqual({
        userId: user.user.id,
        tenantId: user.tenant.id,
        sessionStartedAt: NOW,
      });
    }
    const viaEmailField = await login({ email: user.email, password: PASSWORD });
    expect(viaEmailField.status).toBe(200);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'meta'])
      .where('user_id', '=', user.user.id)
      .where('action', '=', 'auth.login')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit[0]?.meta).toEqual({ ip: address });
  });

  it('wrong password and unknown user → the same 401 INVALID_CREDENTIALS', async () => {
    const user = await registerUser();
    const wrong = await login({ username: user.username, password: 'not the password' });
    const unknown = await login({ username: 'nobody-here', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const expected = { code: 'INVALID_CREDENTIALS', detail: 'Identifiant ou mot de passe incorrect.' };
    expect(await wrong.json()).toEqual(expected);
    expect(await unknown.json()).toEqual(expected);
  });

  it('an unknown user costs a password verification too (timing within the same order)', async () => {
    const user = await registerUser();
    const time = async (username: string) => {
      const started = performance.now();
      const res = await login({ username, password: 'wrong password' });
      expect(res.status).toBe(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(user.username));
      unknown.push(await time(`ghost-${i}`));
    }
    // argon2id verification dominates both (tens of ms); without the dummy hash the unknown path takes ~1 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('a deactivated user cannot log in', async () => {
    const user = await registerUser();
    await t.db.updateTable('users').set({ is_active: false }).where('id', '=', user.user.id).execute();
    const res = await login({ username: user.username, password: PASSWORD });
    expect(res.status).toBe(401);
    expect((await body<ErrorBody>(res)).code).toBe('INVALID_CREDENTIALS');
  });

  it('10 failures per 15 min per account, counted across API instances → 429 RATE_LIMITED + Retry-After', async () => {
    t.clock.set(NOW);
    other.clock.set(NOW);
    const user = await registerUser();
    for (let i = 0; i < 10; i++) {
      const app = i % 2 === 0 ? t : other;
      const res = await login({ username: user.username, password: `wrong ${i}` }, app);
      expect(res.status).toBe(401);
    }
    // Even the right password is refused now, on either instance.
    const blocked = await login({ username: user.username, password: PASSWORD }, other);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe(String(15 * 60));
    expect(await blocked.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // The tRPC client comes straight from the socket (another address): the account is still limited.
    const viaTrpc = await t
      .trpc()
      .auth.login.mutate({ username: user.username, password: PASSWORD })
      .catch((e: unknown) => e);
    expect((viaTrpc as TRPCClientError<never>).data).toMatchObject({
      code: 'RATE_LIMITED',
      http_status: 429,
    });
    const rawTrpc = await t.request('/trpc/auth.login', {
      json: { username: user.username, password: PASSWORD },
    });
    expect(rawTrpc.status).toBe(429);
    expect(rawTrpc.headers.get('retry-after')).toBe(String(15 * 60));

    // Another account from another address is not affected.
    const neighbour = await registerUser();
    expect((await login({ username: neighbour.username, password: PASSWORD }, t, '192.0.2.1')).status).toBe(
      200,
    );

    const row = await t.db
      .selectFrom('rate_limits')
      .select(['hits', 'window_start'])
      .where('key', '=', `login:account:${user.user.id}`)
      .executeTakeFirstOrThrow();
    expect(row.hits).toBe(13);

    // 10 minutes later the window still holds; Retry-After counts down.
    t.clock.advance(10 * 60_000);
    const later = await login({ username: user.username, password: PASSWORD });
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe(String(5 * 60));
    // The next window lets the user in.
    t.clock.advance(5 * 60_000);
    expect((await login({ username: user.username, password: PASSWORD }, t, '192.0.2.2')).status).toBe(200);
    t.clock.set(NOW);
  });

  it('a successful login clears the failures of its account (not those of its address)', async () => {
    t.clock.set(NOW);
    const user = await registerUser();
    for (let i = 0; i < 9; i++) await login({ username: user.username, password: 'nope nope' });
    expect((await login({ username: user.username, password: PASSWORD })).status).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await login({ username: user.username, password: 'nope nope' }, t, '192.0.2.3')).status).toBe(
        401,
      );
    // The first address had 9 failures: one more, then refused whatever the account.
    expect((await login({ username: 'someone-else', password: 'nope nope' })).status).toBe(401);
    expect((await login({ username: 'someone-else-2', password: 'nope nope' })).status).toBe(429);
  });

  it('a parallel burst cannot get more than 10 attempts through', async () => {
    t.clock.set(NOW);
    const user = await registerUser();
    const statuses = await Promise.all(
      Array.from({ length: 14 }, () => login({ username: user.username, password: 'burst burst' })),
    ).then((all) => all.map((r) => r.status));
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
  });
});

describe('refresh tokens', () => {
  it('rotate on every refresh: the old row is revoked and points at its replacement', async () => {
    const user = await registerUser();
    const res = await refresh(user.refresh!);
    expect(res.status).toBe(200);
    const pair = await body<TokenPair>(res);
    expect(Object.keys(pair).sort()).toEqual(['access', 'refresh']);
    expect(pair.refresh).not.toBe(user.refresh);
    expect(await verifyAccessToken(pair.access, t.config.appSecret, NOW)).toEqual({
      userId: user.user.id,
      tenantId: user.tenant.id,
      sessionStartedAt: NOW,
    });
    const oldRow = await t.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', hashToken(user.refresh!))
      .executeTakeFirstOrThrow();
    const newRow = await t.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', hashToken(pair.refresh))
      .executeTakeFirstOrThrow();
    expect(oldRow.revoked_at?.toISOString()).toBe(NOW.toISOString());
    expect(oldRow.replaced_by).toBe(newRow.id);
    expect(newRow).toMatchObject({
      family_id: oldRow.family_id,
      revoked_at: null,
      tenant_id: user.tenant.id,
    });
    // The new one works in turn.
    expect((await refresh(pair.refresh)).status).toBe(200);
  });

  it('reusing a rotated token → 401 TOKEN_INVALID and the whole family is revoked', async () => {
    const user = await registerUser();
    const first = await body<TokenPair>(await refresh(user.refresh!));
    const replay = await refresh(user.refresh!);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'TOKEN_INVALID' });
    // The legitimate latest token died with its family.
    const after = await refresh(first.refresh);
    expect(after.status).toBe(401);
    const live = await t.db
      .selectFrom('refresh_tokens')
      .select('id')
      .where('user_id', '=', user.user.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
  });

  it('two concurrent refreshes of one token: exactly one wins', async () => {
    const user = await registerUser();
    const results = await Promise.all([
      refresh(user.refresh!),
      refresh(user.refresh!),
      refresh(user.refresh!),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
    const rows = await t.db
      .selectFrom('refresh_tokens')
      .select(['id', 'replaced_by'])
      .where('user_id', '=', user.user.id)
      .execute();
    // The register token and exactly one replacement.
    expect(rows).toHaveLength(2);
  });

  it('an expired refresh token (30 days) → 401, unknown token → 401', async () => {
    const user = await registerUser();
    t.clock.set(new Date(NOW.getTime() + 30 * 86_400_000 + 1000));
    const res = await refresh(user.refresh!);
    t.clock.set(NOW);
    expect(res.status).toBe(401);
    expect((await refresh('not-a-token')).status).toBe(401);
  });

  it('logout (REST and tRPC) revokes the family; the access token of the user is not needed', async () => {
    const user = await registerUser();
    const res = await post(t, '/api/auth/logout/', { refresh: user.refresh });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect((await refresh(user.refresh!)).status).toBe(401);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('user_id', '=', user.user.id)
      .where('action', '=', 'auth.logout')
      .execute();
    expect(audit).toHaveLength(1);

    const again = await body<AuthSession>(await login({ username: user.username, password: PASSWORD }));
    const rotated = await body<TokenPair>(await refresh(again.refresh));
    expect(await t.trpc().auth.logout.mutate({ refresh: rotated.refresh })).toEqual({ ok: true });
    expect((await refresh(rotated.refresh)).status).toBe(401);
    // Unknown tokens log out fine (idempotent).
    expect(await t.trpc().auth.logout.mutate({ refresh: 'whatever' })).toEqual({ ok: true });
  });

  it('the access token lasts 15 minutes', async () => {
    const user = await registerUser();
    t.clock.set(new Date(NOW.getTime() + 14 * 60_000));
    expect((await t.request('/api/auth/me/', { token: user.access! })).status).toBe(200);
    t.clock.set(new Date(NOW.getTime() + 16 * 60_000));
    const expired = await t.request('/api/auth/me/', { token: user.access! });
    t.clock.set(NOW);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 'TOKEN_INVALID' });
    expect((await t.request('/api/auth/me/')).status).toBe(401);
  });
});

describe('me and switchTenant', () => {
  it('GET /api/auth/me/ and auth.me: user, current tenant with plan fields, role, scope, memberships', async () => {
    const user = await registerUser();
    const res = await t.request('/api/auth/me/', { token: user.access! });
    expect(res.status).toBe(200);
    const me = await body<MeView>(res);
    expect(me).toEqual({
      user: { ...user.user, email_verified: false, locale: 'fr' },
      tenant: {
        ...user.tenant,
        slug: expect.stringMatching(/^tenant-\d+$/),
        plan_code: 'PRO',
        plan_effective: 'PRO',
        plan_source: 'TRIAL',
        billing_cycle: null,
        subscription_status: 'NONE',
        license_expires_at: '2026-05-18T08:00:00.000Z',
        trial: { active: true, ends_at: '2026-05-18T08:00:00.000Z' },
      },
      role: 'owner',
      service_id: null,
      memberships: [
        {
          tenant_id: user.tenant.id,
          tenant_name: user.tenant.name,
          role: 'owner',
          service_id: null,
          current: true,
        },
      ],
    });
    expect(await t.trpc(user.access!).auth.me.query()).toEqual(me);
  });

  it('switches to another tenant where the user is an ACTIVE member; 404 elsewhere', async () => {
    const user = await registerUser();
    const second = await createTenantFixture(t.db, t.config, {
      name: 'Second',
      services: [
        { name: 'Cave', service_type: 'bar' },
        { name: 'Salle', service_type: 'restaurant_dining' },
      ],
    });
    const cave = second.services[0]!;
    await t.db
      .insertInto('memberships')
      .values({
        user_id: user.user.id,
        tenant_id: second.tenantId,
        role: 'operator',
        service_id: cave.id,
        status: 'ACTIVE',
        invited_at: null,
        activated_at: NOW,
      })
      .execute();
    const switched = await t.trpc(user.access!).auth.switchTenant.mutate({ tenant_id: second.tenantId });
    expect(switched.tenant?.id).toBe(second.tenantId);
    // An operator scoped to Cave sees only Cave.
    expect(switched.services.map((s) => s.name)).toEqual(['Cave']);
    expect(await verifyAccessToken(switched.access, t.config.appSecret, NOW)).toEqual({
      userId: user.user.id,
      tenantId: second.tenantId,
      sessionStartedAt: NOW,
    });
    const me = await t.trpc(switched.access).auth.me.query();
    expect(me).toMatchObject({ role: 'operator', service_id: cave.id, tenant: { id: second.tenantId } });
    expect(me.memberships.map((m) => [m.tenant_id, m.current])).toEqual([
      [user.tenant.id, false],
      [second.tenantId, true],
    ]);
    // The refresh token carries the switched tenant.
    expect(
      await verifyAccessToken(
        (await body<TokenPair>(await refresh(switched.refresh))).access,
        t.config.appSecret,
        NOW,
      ),
    ).toMatchObject({ tenantId: second.tenantId });

    const stranger = await createTenantFixture(t.db, t.config, { name: 'Stranger' });
    const denied = await t
      .trpc(user.access!)
      .auth.switchTenant.mutate({ tenant_id: stranger.tenantId })
      .catch((e: unknown) => e);
    expect((denied as TRPCClientError<never>).data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });

    await t.db
      .updateTable('memberships')
      .set({ status: 'DISABLED' })
      .where('user_id', '=', user.user.id)
      .where('tenant_id', '=', second.tenantId)
      .execute();
    const disabled = await t
      .trpc(user.access!)
      .auth.switchTenant.mutate({ tenant_id: second.tenantId })
      .catch((e: unknown) => e);
    expect(disabled).toBeInstanceOf(TRPCClientError);
    expect((disabled as TRPCClientError<never>).data).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a refresh after losing the membership falls back to another tenant (or none)', async () => {
    const owner = await createTenantFixture(t.db, t.config, { name: 'Employer' });
    const member = await addMemberFixture(t.db, t.config, owner.tenantId, 'manager');
    const session = await t.trpc(member.token).auth.switchTenant.mutate({ tenant_id: owner.tenantId });
    await t.db.deleteFrom('memberships').where('user_id', '=', member.id).execute();
    const pair = await body<TokenPair>(await refresh(session.refresh));
    expect(await verifyAccessToken(pair.access, t.config.appSecret, NOW)).toEqual({
      userId: member.id,
      tenantId: null,
      sessionStartedAt: NOW,
    });
    const me = await t.trpc(pair.access).auth.me.query();
    expect(me).toMatchObject({ tenant: null, role: null, memberships: [] });
  });
});
