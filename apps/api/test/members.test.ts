import type { InviteResult, MembersSummary } from '@stockscan/contracts';
import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { errorOf, inviteOk, tokenAt, tokenOf } from './members-helpers';
import { startTestApp } from './test-server';

const t = await startTestApp();
const DAY = 86_400_000;

interface SentMail {
  personalizations: { to: { email: string }[] }[];
  from: { email: string };
  subject: string;
  content: { type: string; value: string }[];
}
const mails = () => t.fakes.sendgrid.requests.map((r) => r.json as SentMail);
const mailText = (mail: SentMail) => mail.content.map((c) => c.value).join('\n');

const invitationRow = (id: string) =>
  t.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeEach(() => {
  t.fakes.sendgrid.reset();
  t.fakes.sendgrid.handle((req) =>
    req.method === 'POST' && req.path === '/v3/mail/send' ? { status: 202, text: '' } : { status: 404 },
  );
  t.clock.set(new Date());
});

describe('POST /api/auth/memberships/ (invite)', () => {
  it('the seed smoke test: 201, one email with the link, the invitee in the summary', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });

    const res = await t.request('/api/auth/memberships/', {
      token: f.owner.token,
      json: { email: 'manager@example.com', role: 'manager' },
    });

    expect(res.status).toBe(201);
    const body = (await res.json()) as InviteResult;
    expect(Object.keys(body).sort()).toEqual(
      ['email', 'email_sent', 'expires_at', 'id', 'invite_link', 'role', 'service_id', 'status'].sort(),
    );
    expect(body).toMatchObject({
      email: 'manager@example.com',
      role: 'manager',
      service_id: null,
      status: 'SENT',
      email_sent: true,
      expires_at: new Date(t.clock.now.getTime() + 7 * DAY).toISOString(),
    });
    expect(body.invite_link).toMatch(/^http:\/\/app\.test\/invitation\/accept\?token=[\w-]{43}$/);

    expect(t.fakes.sendgrid.requests).toHaveLength(1);
    expect(t.fakes.sendgrid.requests[0]).toMatchObject({ method: 'POST', path: '/v3/mail/send' });
    const [mail] = mails();
    expect(mail?.personalizations[0]?.to[0]?.email).toBe('manager@example.com');
    expect(mail?.from.email).toBe('noreply@stockscan.test');
    expect(mail?.subject).toMatch(/^Invitation à rejoindre Tenant \w+ sur StockScan$/);
    expect(mail && mailText(mail)).toContain(body.invite_link);
    expect(mail && mailText(mail)).toContain('Ce lien expire le');

    const row = await invitationRow(body.id);
    expect(row).toMatchObject({
      tenant_id: f.tenantId,
      status: 'SENT',
      email_sent: true,
      created_by: f.owner.id,
    });
    expect(row.token_hash).toBe(hashToken(tokenOf(body.invite_link)));
    expect(row.token_hash).not.toContain(tokenOf(body.invite_link));

    const summary = await t.request('/api/auth/members/summary/', { token: f.owner.token });
    expect(summary.status).toBe(200);
    const doc = (await summary.json()) as MembersSummary;
    expect(doc.invitations).toEqual([
      expect.objectContaining({ id: body.id, email: 'manager@example.com', role: 'manager', status: 'SENT' }),
    ]);
    expect(doc.invitations[0]?.invited_by).toEqual({ id: f.owner.id, username: f.owner.username });
    expect(doc.recent_activity[0]).toMatchObject({
      action: 'invitation.create',
      object_id: body.id,
      user: { id: f.owner.id, username: f.owner.username },
    });
  });

  it('an inviter who chose English gets an English email', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', f.owner.id).execute();

    const body = await inviteOk(t, f.owner.token, { email: 'en@example.com', role: 'operator' });

    const [mail] = mails();
    expect(mail?.subject).toMatch(/^Invitation to join Tenant \w+ on StockScan$/);
    expect(mail && mailText(mail)).toContain(`Accept the invitation here: ${body.invite_link}`);
    expect(mail && mailText(mail)).toContain('as operator');
  });

  it('SendGrid answering 500: 201 with email_sent false and the link; the invitation is saved', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    t.fakes.sendgrid.handle(() => ({ status: 500, json: { errors: [{ message: 'boom' }] } }));

    const body = await inviteOk(t, f.owner.token, { email: 'down@example.com', role: 'operator' });

    expect(body.email_sent).toBe(false);
    expect(body.invite_link).toContain('/invitation/accept?token=');
    expect(t.fakes.sendgrid.requests).toHaveLength(1);
    expect(await invitationRow(body.id)).toMatchObject({ status: 'SENT', email_sent: false });
  });

  it('SendGrid never answering: 201 after the 5 s timeout with email_sent false; the invitation is saved', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    t.fakes.sendgrid.handle(() => ({ hang: true }));

    const started = performance.now();
    const body = await inviteOk(t, f.owner.token, { email: 'slow@example.com', role: 'operator' });
    const elapsed = performance.now() - started;

    expect(body.email_sent).toBe(false);
    expect(elapsed).toBeGreaterThanOrEqual(4_900);
    expect(elapsed).toBeLessThan(8_000);
    expect(await invitationRow(body.id)).toMatchObject({ status: 'SENT', email_sent: false });
  });

  it('INVITATIONS_SEND_EMAILS=false: no call to SendGrid, email_sent false, the link to share by hand', async () => {
    const quiet = await startTestApp({ env: { INVITATIONS_SEND_EMAILS: 'false' }, testDb: t.testDb });
    const f = await createTenantFixture(quiet.db, quiet.config, { now: quiet.clock.now });

    const body = await inviteOk(quiet, f.owner.token, { email: 'quiet@example.com', role: 'manager' });

    expect(body.email_sent).toBe(false);
    expect(body.invite_link).toMatch(/^http:\/\/app\.test\/invitation\/accept\?token=/);
    expect(quiet.fakes.sendgrid.requests).toHaveLength(0);
    expect(await invitationRow(body.id)).toMatchObject({ status: 'SENT', email_sent: false });
  });

  it('a scoped invitation carries its service, named in the email', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: t.clock.now,
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const kitchen = f.services[1]?.id ?? '';

    const body = await inviteOk(t, f.owner.token, {
      email: 'chef@example.com',
      role: 'operator',
      service_id: kitchen,
    });

    expect(body.service_id).toBe(kitchen);
    expect(mailText(mails()[0] as SentMail)).toContain('pour le service « Cuisine »');
  });

  it('409 INVITE_ALREADY_SENT for a live invitation to the same email (any case)', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    await inviteOk(t, f.owner.token, { email: 'twice@example.com', role: 'operator' });

    const res = await t.request('/api/auth/memberships/', {
      token: f.owner.token,
      json: { email: ' Twice@Example.COM ', role: 'manager' },
    });

    expect(await errorOf(res)).toEqual({ status: 409, code: 'INVITE_ALREADY_SENT' });
    const rows = await t.db
      .selectFrom('invitations')
      .select('id')
      .where('tenant_id', '=', f.tenantId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('409 ALREADY_MEMBER_OR_INVITED when the email belongs to a member', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const member = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, t.clock.now);

    const res = await t.request('/api/auth/memberships/', {
      token: f.owner.token,
      json: { email: `${member.username}@example.test`, role: 'manager' },
    });

    expect(await errorOf(res)).toEqual({ status: 409, code: 'ALREADY_MEMBER_OR_INVITED' });
  });

  it('a lapsed invitation does not block a new one, and is marked EXPIRED', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const first = await inviteOk(t, f.owner.token, { email: 'late@example.com', role: 'operator' });
    t.clock.advance(7 * DAY + 1_000);

    const second = await inviteOk(t, await tokenAt(t, f.owner.id, f.tenantId), {
      email: 'late@example.com',
      role: 'operator',
    });

    expect(second.id).not.toBe(first.id);
    expect((await invitationRow(first.id)).status).toBe('EXPIRED');
  });

  it('403 LIMIT_MAX_USERS past the plan seats (BOUTIQUE: 3, pending invitations count)', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now, plan: 'BOUTIQUE' });
    await inviteOk(t, f.owner.token, { email: 'seat1@example.com', role: 'operator' });
    await inviteOk(t, f.owner.token, { email: 'seat2@example.com', role: 'operator' });

    const res = await t.request('/api/auth/memberships/', {
      token: f.owner.token,
      json: { email: 'seat3@example.com', role: 'operator' },
    });

    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 'LIMIT_MAX_USERS',
      limit: 3,
      current: 3,
      upgrade_to: 'PRO',
    });
    const rows = await t.db
      .selectFrom('invitations')
      .select('email')
      .where('tenant_id', '=', f.tenantId)
      .execute();
    expect(rows.map((r) => r.email).sort()).toEqual(['seat1@example.com', 'seat2@example.com']);
    expect(t.fakes.sendgrid.requests).toHaveLength(2);
  });

  it('5 concurrent invites with 2 seats left: exactly 2 saved', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now, plan: 'BOUTIQUE' });

    const statuses = await Promise.all(
      [1, 2, 3, 4, 5].map(async (i) => {
        const res = await t.request('/api/auth/memberships/', {
          token: f.owner.token,
          json: { email: `race${i}@example.com`, role: 'operator' },
        });
        return res.status;
      }),
    );

    expect(statuses.sort()).toEqual([201, 201, 403, 403, 403]);
    const rows = await t.db
      .selectFrom('invitations')
      .select('id')
      .where('tenant_id', '=', f.tenantId)
      .execute();
    expect(rows).toHaveLength(2);
  });

  it('403 FORBIDDEN_ROLE for a manager or an operator', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager', null, t.clock.now);
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, t.clock.now);

    for (const token of [manager.token, operator.token]) {
      const res = await t.request('/api/auth/memberships/', {
        token,
        json: { email: 'nope@example.com', role: 'operator' },
      });
      expect(await errorOf(res)).toEqual({ status: 403, code: 'FORBIDDEN_ROLE' });
    }
    expect(t.fakes.sendgrid.requests).toHaveLength(0);
  });

  it('401 without a token', async () => {
    const res = await t.request('/api/auth/memberships/', {
      json: { email: 'x@example.com', role: 'operator' },
    });
    expect(await errorOf(res)).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' });
  });

  it('404 for a service of another tenant; nothing saved', async () => {
    const mine = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const theirs = await createTenantFixture(t.db, t.config, { now: t.clock.now });

    const res = await t.request('/api/auth/memberships/', {
      token: mine.owner.token,
      json: { email: 'x@example.com', role: 'operator', service_id: theirs.services[0]?.id },
    });

    expect(await errorOf(res)).toEqual({ status: 404, code: 'NOT_FOUND' });
    const rows = await t.db
      .selectFrom('invitations')
      .select('id')
      .where('tenant_id', '=', mine.tenantId)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('400 VALIDATION_ERROR for a bad email, an unknown role, or an owner scoped to a service', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const cases = [
      { json: { email: 'not-an-email', role: 'operator' }, field: 'email' },
      { json: { email: 'a@example.com', role: 'boss' }, field: 'role' },
      { json: { email: 'a@example.com', role: 'owner', service_id: f.services[0]?.id }, field: 'service_id' },
    ];
    for (const c of cases) {
      const res = await t.request('/api/auth/memberships/', { token: f.owner.token, json: c.json });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; fields: Record<string, string> };
      expect(body.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(body.fields)).toContain(c.field);
    }
  });

  it('tRPC members.invite answers the same, and its refusals carry the code', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const client = t.trpc(f.owner.token);

    const body = await client.members.invite.mutate({ email: 'rpc@example.com', role: 'operator' });
    expect(body).toMatchObject({ email: 'rpc@example.com', status: 'SENT', email_sent: true });

    const error = await client.members.invite
      .mutate({ email: 'rpc@example.com', role: 'operator' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<never>).data).toMatchObject({
      code: 'INVITE_ALREADY_SENT',
      http_status: 409,
    });
  });
});

describe('resend and cancel', () => {
  it('resend: a new link (the old one stops working), 7 more days, the email again', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const first = await inviteOk(t, f.owner.token, { email: 'again@example.com', role: 'operator' });
    t.clock.advance(2 * DAY);
    const client = t.trpc(await tokenAt(t, f.owner.id, f.tenantId));

    const renewed = await client.members.resendInvitation.mutate({ id: first.id });

    expect(renewed).toMatchObject({ id: first.id, status: 'SENT', email_sent: true });
    expect(renewed.invite_link).not.toBe(first.invite_link);
    expect(renewed.expires_at).toBe(new Date(t.clock.now.getTime() + 7 * DAY).toISOString());
    expect(mails()).toHaveLength(2);
    expect(mailText(mails()[1] as SentMail)).toContain(renewed.invite_link);
    const oldPreview = await t.request(`/api/auth/invitations/accept/?token=${tokenOf(first.invite_link)}`);
    expect(oldPreview.status).toBe(404);
    const newPreview = await t.request(`/api/auth/invitations/accept/?token=${tokenOf(renewed.invite_link)}`);
    expect(newPreview.status).toBe(200);
  });

  it('resend of a lapsed invitation needs a free seat again (403 LIMIT_MAX_USERS)', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now, plan: 'BOUTIQUE' });
    const lapsed = await inviteOk(t, f.owner.token, { email: 'old@example.com', role: 'operator' });
    t.clock.advance(8 * DAY);
    const owner = await tokenAt(t, f.owner.id, f.tenantId);
    await inviteOk(t, owner, { email: 'new1@example.com', role: 'operator' });
    await inviteOk(t, owner, { email: 'new2@example.com', role: 'operator' });

    const error = await t
      .trpc(owner)
      .members.resendInvitation.mutate({ id: lapsed.id })
      .catch((e: TRPCClientError<never>) => e);

    expect((error as TRPCClientError<never>).data).toMatchObject({ code: 'LIMIT_MAX_USERS' });
    expect((await invitationRow(lapsed.id)).expires_at.getTime()).toBeLessThan(t.clock.now.getTime());
  });

  it('cancel: CANCELED, its link answers 404, its seat is free; canceling twice answers the same', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now, plan: 'BOUTIQUE' });
    const first = await inviteOk(t, f.owner.token, { email: 'c1@example.com', role: 'operator' });
    await inviteOk(t, f.owner.token, { email: 'c2@example.com', role: 'operator' });
    const client = t.trpc(f.owner.token);

    expect(await client.members.cancelInvitation.mutate({ id: first.id })).toEqual({
      id: first.id,
      status: 'CANCELED',
    });
    expect(await client.members.cancelInvitation.mutate({ id: first.id })).toEqual({
      id: first.id,
      status: 'CANCELED',
    });

    expect((await invitationRow(first.id)).status).toBe('CANCELED');
    const preview = await t.request(`/api/auth/invitations/accept/?token=${tokenOf(first.invite_link)}`);
    expect(preview.status).toBe(404);
    await inviteOk(t, f.owner.token, { email: 'c3@example.com', role: 'operator' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', f.tenantId)
      .where('action', '=', 'invitation.cancel')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("another tenant's invitation id answers 404 to resend and cancel, and stays untouched", async () => {
    const mine = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const theirs = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, theirs.owner.token, {
      email: 'theirs@example.com',
      role: 'operator',
    });
    const client = t.trpc(mine.owner.token);

    for (const call of [
      () => client.members.resendInvitation.mutate({ id: invitation.id }),
      () => client.members.cancelInvitation.mutate({ id: invitation.id }),
    ]) {
      const error = await call().catch((e: TRPCClientError<never>) => e);
      expect((error as TRPCClientError<never>).data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    }
    expect(await invitationRow(invitation.id)).toMatchObject({ status: 'SENT' });
    const summary = await client.members.summary.query();
    expect(summary.invitations).toEqual([]);
  });
});
