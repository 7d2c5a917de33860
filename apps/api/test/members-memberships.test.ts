import type { MembershipView, MembersSummary } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { errorOf } from './members-helpers';
import { startTestApp } from './test-server';

const t = await startTestApp();

const membershipOf = async (tenantId: string, userId: string) =>
  t.db
    .selectFrom('memberships')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

const patch = (id: string, token: string, json: unknown) =>
  t.request(`/api/auth/memberships/${id}/`, { method: 'PATCH', token, json });
const remove = (id: string, token: string) =>
  t.request(`/api/auth/memberships/${id}/`, { method: 'DELETE', token });

async function teamOf(plan: 'ESSENTIEL' | 'BOUTIQUE' | 'PRO' = 'PRO') {
  const f = await createTenantFixture(t.db, t.config, {
    plan,
    services: [
      { name: 'Bar', service_type: 'bar' },
      { name: 'Cuisine', service_type: 'kitchen' },
    ],
  });
  const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator');
  const operatorMembership = await membershipOf(f.tenantId, operator.id);
  const ownerMembership = await membershipOf(f.tenantId, f.owner.id);
  return {
    ...f,
    operator,
    operatorMembershipId: operatorMembership?.id ?? '',
    ownerMembershipId: ownerMembership?.id ?? '',
    bar: f.services[0]?.id ?? '',
    kitchen: f.services[1]?.id ?? '',
  };
}

describe('GET /api/auth/memberships/', () => {
  it('lists the members of the tenant only, with their user', async () => {
    const f = await teamOf();
    await teamOf();

    const res = await t.request('/api/auth/memberships/', { token: f.owner.token });

    expect(res.status).toBe(200);
    const body = (await res.json()) as MembershipView[];
    expect(body.map((m) => [m.user.username, m.role, m.status, m.service_id])).toEqual([
      [f.owner.username, 'owner', 'ACTIVE', null],
      [f.operator.username, 'operator', 'ACTIVE', null],
    ]);
    expect(body[1]).toMatchObject({
      id: f.operatorMembershipId,
      user: { email: `${f.operator.username}@example.test` },
    });
  });
});

describe('PATCH /api/auth/memberships/{id}/', () => {
  it('changes role and scope; the member acts with them on the next request', async () => {
    const f = await teamOf();

    const res = await patch(f.operatorMembershipId, f.owner.token, {
      role: 'manager',
      service_id: f.kitchen,
    });

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: f.operatorMembershipId,
      role: 'manager',
      service_id: f.kitchen,
    });
    expect(await membershipOf(f.tenantId, f.operator.id)).toMatchObject({
      role: 'manager',
      service_id: f.kitchen,
    });
    const services = await t.request('/api/auth/services/', { token: f.operator.token });
    expect(((await services.json()) as { id: string }[]).map((s) => s.id)).toEqual([f.kitchen]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'meta'])
      .where('object_id', '=', f.operatorMembershipId)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'membership.update',
      user_id: f.owner.id,
      meta: {
        before: { role: 'operator', service_id: null },
        after: { role: 'manager', service_id: f.kitchen },
      },
    });
  });

  it('service_id null gives back every service; promoting to owner clears the scope', async () => {
    const f = await teamOf();
    await patch(f.operatorMembershipId, f.owner.token, { service_id: f.bar });

    const widened = await patch(f.operatorMembershipId, f.owner.token, { service_id: null });
    expect(await widened.json()).toMatchObject({ role: 'operator', service_id: null });
    await patch(f.operatorMembershipId, f.owner.token, { service_id: f.bar });
    const promoted = await patch(f.operatorMembershipId, f.owner.token, { role: 'owner' });

    expect(await promoted.json()).toMatchObject({ role: 'owner', service_id: null });
  });

  it('409 LAST_OWNER when demoting the only owner; allowed once there is another', async () => {
    const f = await teamOf();

    const refused = await patch(f.ownerMembershipId, f.owner.token, { role: 'manager' });
    expect(await errorOf(refused)).toEqual({ status: 409, code: 'LAST_OWNER' });
    expect(await membershipOf(f.tenantId, f.owner.id)).toMatchObject({ role: 'owner' });

    await patch(f.operatorMembershipId, f.owner.token, { role: 'owner' });
    const allowed = await patch(f.ownerMembershipId, f.owner.token, { role: 'manager' });
    expect(allowed.status).toBe(200);
  });

  it('two owners demoting each other at once: one stays owner', async () => {
    const f = await teamOf();
    await patch(f.operatorMembershipId, f.owner.token, { role: 'owner' });

    const results = await Promise.all([
      patch(f.ownerMembershipId, f.operator.token, { role: 'manager' }),
      patch(f.operatorMembershipId, f.owner.token, { role: 'manager' }),
    ]);

    // The loser is refused either as the last owner or, if the winner committed first, as no owner any more.
    const outcomes = await Promise.all(
      results.map((r) => (r.status === 200 ? 'ok' : errorOf(r).then((e) => e.code))),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(['LAST_OWNER', 'FORBIDDEN_ROLE']).toContain(outcomes.find((o) => o !== 'ok'));
    const owners = await t.db
      .selectFrom('memberships')
      .select('id')
      .where('tenant_id', '=', f.tenantId)
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toHaveLength(1);
  });

  it("404 for another tenant's membership or service; nothing changes", async () => {
    const f = await teamOf();
    const other = await teamOf();

    const foreignMember = await patch(other.operatorMembershipId, f.owner.token, { role: 'manager' });
    expect(await errorOf(foreignMember)).toEqual({ status: 404, code: 'NOT_FOUND' });
    const foreignService = await patch(f.operatorMembershipId, f.owner.token, { service_id: other.bar });
    expect(await errorOf(foreignService)).toEqual({ status: 404, code: 'NOT_FOUND' });

    expect(await membershipOf(other.tenantId, other.operator.id)).toMatchObject({ role: 'operator' });
    expect(await membershipOf(f.tenantId, f.operator.id)).toMatchObject({ service_id: null });
  });

  it('403 FEATURE_NOT_INCLUDED when scoping on a plan without roles per service', async () => {
    const f = await teamOf('ESSENTIEL');

    const res = await patch(f.operatorMembershipId, f.owner.token, { service_id: f.bar });

    expect(await errorOf(res)).toEqual({ status: 403, code: 'FEATURE_NOT_INCLUDED' });
  });

  it('403 FORBIDDEN_ROLE for a manager; 400 for an owner scoped to a service', async () => {
    const f = await teamOf();
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager');

    expect(await errorOf(await patch(f.operatorMembershipId, manager.token, { role: 'manager' }))).toEqual({
      status: 403,
      code: 'FORBIDDEN_ROLE',
    });
    expect(
      await errorOf(await patch(f.operatorMembershipId, f.owner.token, { role: 'owner', service_id: f.bar })),
    ).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
  });
});

describe('DELETE /api/auth/memberships/{id}/', () => {
  it('removes the member: 204, its token stops working, the audit names it', async () => {
    const f = await teamOf();

    const res = await remove(f.operatorMembershipId, f.owner.token);

    expect(res.status).toBe(204);
    expect(await membershipOf(f.tenantId, f.operator.id)).toBeUndefined();
    const after = await t.request('/api/auth/services/', { token: f.operator.token });
    expect(after.status).toBe(401);
    const summary = (await (
      await t.request('/api/auth/members/summary/', { token: f.owner.token })
    ).json()) as MembersSummary;
    expect(summary.members.map((m) => m.user.id)).toEqual([f.owner.id]);
    expect(summary.recent_activity[0]).toMatchObject({
      action: 'membership.delete',
      object_id: f.operatorMembershipId,
      meta: { username: f.operator.username, role: 'operator' },
    });
  });

  it('409 LAST_OWNER when removing the only owner', async () => {
    const f = await teamOf();

    const res = await remove(f.ownerMembershipId, f.owner.token);

    expect(await errorOf(res)).toEqual({ status: 409, code: 'LAST_OWNER' });
    expect(await membershipOf(f.tenantId, f.owner.id)).toBeDefined();
  });

  it("404 for another tenant's membership; 403 for a manager", async () => {
    const f = await teamOf();
    const other = await teamOf();
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager');

    expect(await errorOf(await remove(other.operatorMembershipId, f.owner.token))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await errorOf(await remove(f.operatorMembershipId, manager.token))).toEqual({
      status: 403,
      code: 'FORBIDDEN_ROLE',
    });
    expect(await membershipOf(other.tenantId, other.operator.id)).toBeDefined();
  });

  it('tRPC members.remove answers { id, deleted }', async () => {
    const f = await teamOf();

    expect(await t.trpc(f.owner.token).members.remove.mutate({ id: f.operatorMembershipId })).toEqual({
      id: f.operatorMembershipId,
      deleted: true,
    });
  });
});

describe('GET /api/auth/members/summary/', () => {
  it('members with scope and last action, pending invitations, the last 20 audit entries of this tenant only', async () => {
    const f = await teamOf();
    const other = await teamOf();
    await patch(f.operatorMembershipId, f.owner.token, { service_id: f.kitchen });
    for (let i = 0; i < 25; i++)
      await t.db
        .insertInto('audit_log')
        .values({
          tenant_id: f.tenantId,
          user_id: f.owner.id,
          action: `test.step${i}`,
          object_type: null,
          object_id: null,
          meta: null,
          created_at: new Date(t.clock.now.getTime() + (i + 1) * 1_000),
        })
        .execute();
    await patch(other.operatorMembershipId, other.owner.token, { role: 'manager' });

    const res = await t.request('/api/auth/members/summary/', { token: f.owner.token });

    expect(res.status).toBe(200);
    const body = (await res.json()) as MembersSummary;
    expect(Object.keys(body).sort()).toEqual(['invitations', 'members', 'recent_activity']);
    expect(body.members).toEqual([
      {
        id: f.ownerMembershipId,
        role: 'owner',
        status: 'ACTIVE',
        service_scope: null,
        user: { id: f.owner.id, username: f.owner.username, email: `${f.owner.username}@example.test` },
        last_action: {
          action: 'test.step24',
          created_at: new Date(t.clock.now.getTime() + 25_000).toISOString(),
        },
      },
      {
        id: f.operatorMembershipId,
        role: 'operator',
        status: 'ACTIVE',
        service_scope: { id: f.kitchen, name: 'Cuisine' },
        user: {
          id: f.operator.id,
          username: f.operator.username,
          email: `${f.operator.username}@example.test`,
        },
        last_action: null,
      },
    ]);
    expect(body.recent_activity.map((a) => a.action)).toEqual(
      Array.from({ length: 20 }, (_, i) => `test.step${24 - i}`),
    );
    expect(body.invitations).toEqual([]);
  });

  it('403 FORBIDDEN_ROLE for a manager or an operator', async () => {
    const f = await teamOf();
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager');

    for (const token of [manager.token, f.operator.token]) {
      const res = await t.request('/api/auth/members/summary/', { token });
      expect(await errorOf(res)).toEqual({ status: 403, code: 'FORBIDDEN_ROLE' });
    }
  });
});
