import type { AuthSession, InvitationPreview } from '@stockscan/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../src/auth/passwords';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { emailedLinkTo, errorOf, inviteOk, tokenOf } from './members-helpers';
import { startTestApp } from './test-server';

const t = await startTestApp();
const DAY = 86_400_000;
const PASSWORD = 'correct horse battery';

beforeEach(() => {
  t.clock.set(new Date());
});

const accept = (json: Record<string, unknown>) =>
  t.request('/api/auth/invitations/accept/', { method: 'POST', json });
const preview = (token: string) =>
  t.request(`/api/auth/invitations/accept/?token=${encodeURIComponent(token)}`);

async function twoServiceTenant() {
  return createTenantFixture(t.db, t.config, {
    now: t.clock.now,
    services: [
      { name: 'Bar', service_type: 'bar' },
      { name: 'Cuisine', service_type: 'kitchen' },
    ],
  });
}

describe('accept flow', () => {
  it('invite → preview → accept with a password → login as the new member → role and scope enforced', async () => {
    const f = await twoServiceTenant();
    const bar = { id: f.services[0]?.id ?? '' };
    const kitchen = { id: f.services[1]?.id ?? '' };
    const invitation = await inviteOk(t, f.owner.token, {
      email: 'Lea@Example.com',
      role: 'operator',
      service_id: kitchen.id,
    });
    const token = tokenOf(invitation.invite_link);
    // The invitee follows the emailed link: the same token plus the proof that the mailbox was reached.
    const emailed = new URL(emailedLinkTo(t, 'lea@example.com'));
    expect(emailed.searchParams.get('token')).toBe(token);

    const shown = await preview(token);
    expect(shown.status).toBe(200);
    expect((await shown.json()) as InvitationPreview).toEqual({
      tenant: { id: f.tenantId, name: expect.stringMatching(/^Tenant /) },
      email: 'lea@example.com',
      role: 'operator',
      service: { id: kitchen.id, name: 'Cuisine' },
      expires_at: invitation.expires_at,
      invited_by: f.owner.username,
      existing_user: false,
    });

    const res = await accept({
      token,
      password: PASSWORD,
      password_confirm: PASSWORD,
      username: 'lea',
      email_proof: emailed.searchParams.get('email_proof'),
    });
    expect(res.status).toBe(200);
    const session = (await res.json()) as AuthSession;
    expect(session).toMatchObject({
      user: { username: 'lea', email: 'lea@example.com' },
      tenant: { id: f.tenantId },
      services: [{ id: kitchen.id, name: 'Cuisine' }],
    });
    expect(session.access).toEqual(expect.any(String));
    expect(session.refresh).toEqual(expect.any(String));

    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', session.user.id)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.password_hash, PASSWORD)).toBe(true);
    expect(user.email_verified_at).not.toBeNull();
    const membership = await t.db
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({
      tenant_id: f.tenantId,
      role: 'operator',
      service_id: kitchen.id,
      status: 'ACTIVE',
    });
    const row = await t.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('ACCEPTED');
    expect(row.accepted_at).toEqual(t.clock.now);
    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', f.tenantId)
      .where('user_id', '=', user.id)
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['invitation.accept', 'membership.create']);

    t.clock.advance(60_000);
    const login = await t.request('/api/auth/login/', { json: { username: 'lea', password: PASSWORD } });
    expect(login.status).toBe(200);
    const logged = (await login.json()) as AuthSession;
    expect(logged.tenant?.id).toBe(f.tenantId);
    expect(logged.services.map((s) => s.id)).toEqual([kitchen.id]);

    const services = await t.request('/api/auth/services/', { token: logged.access });
    expect(services.status).toBe(200);
    expect(((await services.json()) as { id: string }[]).map((s) => s.id)).toEqual([kitchen.id]);
    const member = t.trpc(logged.access);
    expect((await member.inventory.products.list.query({ service_id: kitchen.id })).items).toEqual([]);
    const outOfScope = await member.inventory.products.list
      .query({ service_id: bar.id })
      .catch((e: { data: unknown }) => e);
    expect((outOfScope as { data: unknown }).data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    const rename = await t.request(`/api/auth/services/${kitchen.id}/`, {
      method: 'PATCH',
      token: logged.access,
      json: { name: 'Mine' },
    });
    expect(await errorOf(rename)).toEqual({ status: 403, code: 'FORBIDDEN_ROLE' });
    const list = await t.request('/api/auth/memberships/', { token: logged.access });
    expect(await errorOf(list)).toEqual({ status: 403, code: 'FORBIDDEN_ROLE' });
    const inviteMore = await t.request('/api/auth/memberships/', {
      token: logged.access,
      json: { email: 'friend@example.com', role: 'operator' },
    });
    expect(await errorOf(inviteMore)).toEqual({ status: 403, code: 'FORBIDDEN_ROLE' });

    const summary = await t.trpc(f.owner.token).members.summary.query();
    expect(summary.invitations).toEqual([]);
    expect(summary.members.find((m) => m.user.id === user.id)).toMatchObject({
      role: 'operator',
      status: 'ACTIVE',
      service_scope: { id: kitchen.id, name: 'Cuisine' },
      last_action: { action: 'auth.login' },
    });
  });

  it('without a username, one is derived from the email', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, {
      email: 'paul.martin@example.com',
      role: 'manager',
    });

    const res = await accept({
      token: tokenOf(invitation.invite_link),
      password: PASSWORD,
      password_confirm: PASSWORD,
    });

    expect(res.status).toBe(200);
    expect(((await res.json()) as AuthSession).user.username).toBe('paul.martin');
  });

  it('an existing user (member elsewhere) is linked after checking its password; no new account', async () => {
    const other = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const existing = await addMemberFixture(t.db, t.config, other.tenantId, 'manager', null, t.clock.now);
    await t.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(PASSWORD) })
      .where('id', '=', existing.id)
      .execute();
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, {
      email: `${existing.username}@example.test`,
      role: 'manager',
    });
    const token = tokenOf(invitation.invite_link);
    expect(((await (await preview(token)).json()) as InvitationPreview).existing_user).toBe(true);

    const wrong = await accept({ token, password: 'not the password' });
    expect(await errorOf(wrong)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });

    const res = await accept({ token, password: PASSWORD });
    expect(res.status).toBe(200);
    const session = (await res.json()) as AuthSession;
    expect(session.user.id).toBe(existing.id);
    expect(session.tenant?.id).toBe(f.tenantId);
    const memberships = await t.db
      .selectFrom('memberships')
      .select(['tenant_id', 'role', 'status'])
      .where('user_id', '=', existing.id)
      .orderBy('created_at')
      .execute();
    expect(memberships).toEqual([
      { tenant_id: other.tenantId, role: 'manager', status: 'ACTIVE' },
      { tenant_id: f.tenantId, role: 'manager', status: 'ACTIVE' },
    ]);
    const users = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', `${existing.username}@example.test`)
      .execute();
    expect(users).toHaveLength(1);
  });

  it('tRPC members.acceptInvitation opens the same session', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, {
      email: 'rpc-accept@example.com',
      role: 'operator',
    });

    const session = await t.trpc().members.acceptInvitation.mutate({
      token: tokenOf(invitation.invite_link),
      password: PASSWORD,
      password_confirm: PASSWORD,
    });

    expect(session.tenant?.id).toBe(f.tenantId);
    expect(session.email_verification_required).toBe(false);
    const me = await t.request('/api/auth/me/', { token: session.access ?? undefined });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ role: 'operator', service_id: null });
  });
});

describe('refusals', () => {
  it('404 for an unknown token (preview, accept, decline)', async () => {
    expect(await errorOf(await preview('no-such-token'))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(
      await errorOf(await accept({ token: 'no-such-token', password: PASSWORD, password_confirm: PASSWORD })),
    ).toEqual({ status: 404, code: 'NOT_FOUND' });
    const decline = await t.request('/api/auth/invitations/decline/', { json: { token: 'no-such-token' } });
    expect(await errorOf(decline)).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('410 INVITE_EXPIRED after 7 days; no account is created', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, { email: 'expired@example.com', role: 'operator' });
    const token = tokenOf(invitation.invite_link);
    t.clock.advance(7 * DAY);

    expect(await errorOf(await preview(token))).toEqual({ status: 410, code: 'INVITE_EXPIRED' });
    const res = await accept({ token, password: PASSWORD, password_confirm: PASSWORD });
    expect(await errorOf(res)).toEqual({ status: 410, code: 'INVITE_EXPIRED' });
    const users = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'expired@example.com')
      .execute();
    expect(users).toHaveLength(0);
  });

  it('409 INVITE_ALREADY_ACCEPTED on a second accept, and on cancel by the owner', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, { email: 'once@example.com', role: 'operator' });
    const token = tokenOf(invitation.invite_link);
    expect((await accept({ token, password: PASSWORD, password_confirm: PASSWORD })).status).toBe(200);

    const again = await accept({ token, password: PASSWORD, password_confirm: PASSWORD });
    expect(await errorOf(again)).toEqual({ status: 409, code: 'INVITE_ALREADY_ACCEPTED' });
    expect(await errorOf(await preview(token))).toEqual({ status: 409, code: 'INVITE_ALREADY_ACCEPTED' });
    const cancel = await t
      .trpc(f.owner.token)
      .members.cancelInvitation.mutate({ id: invitation.id })
      .catch((e: { data: unknown }) => e);
    expect((cancel as { data: unknown }).data).toMatchObject({
      code: 'INVITE_ALREADY_ACCEPTED',
      http_status: 409,
    });
  });

  it('two concurrent accepts: one member, one 409', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, { email: 'race@example.com', role: 'operator' });
    const token = tokenOf(invitation.invite_link);

    const results = await Promise.all(
      ['race-a', 'race-b'].map((username) =>
        accept({ token, password: PASSWORD, password_confirm: PASSWORD, username }).then(errorOf),
      ),
    );

    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const members = await t.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.username')
      .where('memberships.tenant_id', '=', f.tenantId)
      .where('users.email', '=', 'race@example.com')
      .execute();
    expect(members).toHaveLength(1);
  });

  it('400 when the passwords differ or the password is too short; 409 USERNAME_TAKEN', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, { email: 'checks@example.com', role: 'operator' });
    const token = tokenOf(invitation.invite_link);

    const mismatch = await accept({ token, password: PASSWORD, password_confirm: 'something else' });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { password_confirm: expect.any(String) },
    });
    const short = await accept({ token, password: 'short', password_confirm: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { password: expect.any(String) },
    });
    const taken = await accept({
      token,
      password: PASSWORD,
      password_confirm: PASSWORD,
      username: f.owner.username,
    });
    expect(await taken.json()).toMatchObject({
      code: 'USERNAME_TAKEN',
      fields: { username: expect.any(String) },
    });
    expect(taken.status).toBe(409);

    const row = await t.db
      .selectFrom('invitations')
      .select('status')
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('SENT');
  });

  it('409 ALREADY_MEMBER_OR_INVITED when the existing account already belongs to the tenant', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, { email: 'joined@example.com', role: 'operator' });
    const member = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, t.clock.now);
    await t.db
      .updateTable('users')
      .set({ email: 'joined@example.com', password_hash: await hashPassword(PASSWORD) })
      .where('id', '=', member.id)
      .execute();

    const res = await accept({ token: tokenOf(invitation.invite_link), password: PASSWORD });

    expect(await errorOf(res)).toEqual({ status: 409, code: 'ALREADY_MEMBER_OR_INVITED' });
  });
  it('429 RATE_LIMITED after 10 wrong passwords for an existing account, even with the right one', async () => {
    const other = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const existing = await addMemberFixture(t.db, t.config, other.tenantId, 'manager', null, t.clock.now);
    await t.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(PASSWORD) })
      .where('id', '=', existing.id)
      .execute();
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, {
      email: `${existing.username}@example.test`,
      role: 'operator',
    });
    const token = tokenOf(invitation.invite_link);
    for (let i = 0; i < 10; i++)
      expect((await errorOf(await accept({ token, password: `guess-${i}` }))).code).toBe(
        'INVALID_CREDENTIALS',
      );

    const res = await accept({ token, password: PASSWORD });

    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(
      await t.db.selectFrom('memberships').select('id').where('tenant_id', '=', f.tenantId).execute(),
    ).toHaveLength(1);
  });
});

describe('decline', () => {
  it('marks the invitation CANCELED, frees the seat, and the link no longer works', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, { email: 'no-thanks@example.com', role: 'operator' });
    const token = tokenOf(invitation.invite_link);
    t.clock.advance(60_000);

    const res = await t.request('/api/auth/invitations/decline/', { json: { token } });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: invitation.id, status: 'CANCELED' });
    const row = await t.db
      .selectFrom('invitations')
      .select('status')
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('CANCELED');
    expect(await errorOf(await accept({ token, password: PASSWORD, password_confirm: PASSWORD }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    const entitlements = await t.request('/api/auth/me/org/entitlements', { token: f.owner.token });
    expect(((await entitlements.json()) as { usage: { users_count: number } }).usage.users_count).toBe(1);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('object_id', '=', invitation.id)
      .orderBy('created_at')
      .execute();
    expect(audit).toEqual([
      { action: 'invitation.create', user_id: f.owner.id },
      { action: 'invitation.decline', user_id: null },
    ]);
  });
});
