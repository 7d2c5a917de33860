import type { AcceptInvitationResult, ErrorBody, RegisterResult } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { createTenantFixture } from './fixtures';
import { emailedLinkTo, inviteOk, tokenOf } from './members-helpers';
import { startTestApp } from './test-server';

const t = await startTestApp({ env: { EMAIL_VERIFICATION_REQUIRED: 'true' } });

const BODY = {
  username: 'verify-me',
  password: 'Sup3rSecret!',
  password_confirm: 'Sup3rSecret!',
  email: 'verify@example.test',
  tenant_name: 'Le Zinc',
  business_type: 'bar',
  service_type: 'bar',
  service_name: 'Bar',
  domain: 'food',
};

interface SentMail {
  personalizations: { to: { email: string }[] }[];
  subject: string;
  content: { value: string }[];
}

describe('EMAIL_VERIFICATION_REQUIRED=true', () => {
  it('register returns no tokens and emails a link; login answers 401 EMAIL_NOT_VERIFIED until it is used', async () => {
    const res = await t.request('/api/auth/register/', { json: BODY });
    expect(res.status).toBe(201);
    const body = (await res.json()) as RegisterResult;
    expect(body).toMatchObject({ access: null, refresh: null, email_verification_required: true });
    expect(body.tenant.name).toBe('Le Zinc');
    expect(await t.db.selectFrom('refresh_tokens').select('id').execute()).toEqual([]);

    const mail = t.fakes.sendgrid.requests.at(-1)?.json as SentMail;
    expect(mail.personalizations[0]?.to[0]?.email).toBe('verify@example.test');
    expect(mail.subject).toBe('Confirmez votre adresse e-mail StockScan');
    const token = /verify-email\?token=([\w-]+)/.exec(mail.content[0]?.value ?? '')?.[1];
    expect(mail.content[0]?.value).toContain('http://app.test/verify-email?token=');
    expect(token).toBeTruthy();

    const before = await t.request('/api/auth/login/', {
      json: { username: 'verify-me', password: BODY.password },
    });
    expect(before.status).toBe(401);
    expect(((await before.json()) as ErrorBody).code).toBe('EMAIL_NOT_VERIFIED');
    // A wrong password still says INVALID_CREDENTIALS (the verification state is not revealed).
    const wrong = await t.request('/api/auth/login/', {
      json: { username: 'verify-me', password: 'nope-nope' },
    });
    expect(((await wrong.json()) as ErrorBody).code).toBe('INVALID_CREDENTIALS');

    const verified = await t.request('/api/auth/verify-email/', { json: { token } });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ ok: true });

    const after = await t.request('/api/auth/login/', {
      json: { username: 'verify-me', password: BODY.password },
    });
    expect(after.status).toBe(200);
    const me = await t.trpc(((await after.json()) as { access: string }).access).auth.me.query();
    expect(me.user.email_verified).toBe(true);

    // The link works once.
    const reused = await t
      .trpc()
      .auth.verifyEmail.mutate({ token: token! })
      .catch((e: unknown) => e);
    expect((reused as { data: { code: string } }).data.code).toBe('TOKEN_INVALID');
  });
});

describe('EMAIL_VERIFICATION_REQUIRED=true, invitations', () => {
  const PASSWORD = 'correct horse battery';

  it('the owner’s copy of the link gives the membership but no session until the invitee confirms the address', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    const invitation = await inviteOk(t, f.owner.token, {
      email: 'forwarded@example.test',
      role: 'operator',
    });

    // The owner (who holds the plain link) accepts in the invitee's name: before the fix, a session for an
    // address nobody had proven.
    const res = await t.request('/api/auth/invitations/accept/', {
      json: {
        token: tokenOf(invitation.invite_link),
        username: 'forwarded',
        password: PASSWORD,
        password_confirm: PASSWORD,
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as AcceptInvitationResult;
    expect(body).toMatchObject({ access: null, refresh: null, email_verification_required: true });
    expect(body.tenant?.id).toBe(f.tenantId);
    const user = await t.db
      .selectFrom('users')
      .select(['id', 'email_verified_at'])
      .where('username', '=', 'forwarded')
      .executeTakeFirstOrThrow();
    expect(user.email_verified_at).toBeNull();
    const refresh = await t.db
      .selectFrom('refresh_tokens')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(refresh).toEqual([]);
    const membership = await t.db
      .selectFrom('memberships')
      .select('status')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(membership.status).toBe('ACTIVE');

    const login = () =>
      t.request('/api/auth/login/', { json: { username: 'forwarded', password: PASSWORD } });
    const before = await login();
    expect([before.status, ((await before.json()) as ErrorBody).code]).toEqual([401, 'EMAIL_NOT_VERIFIED']);

    // The invitee's mailbox got the confirmation link; once used, login opens the tenant.
    const mail = t.fakes.sendgrid.requests.at(-1)?.json as SentMail;
    expect(mail.personalizations[0]?.to[0]?.email).toBe('forwarded@example.test');
    const token = /verify-email\?token=([\w-]+)/.exec(mail.content[0]?.value ?? '')?.[1];
    expect((await t.request('/api/auth/verify-email/', { json: { token } })).status).toBe(200);
    const after = await login();
    expect(after.status).toBe(200);
    expect(((await after.json()) as AcceptInvitationResult).tenant?.id).toBe(f.tenantId);
  });

  it('the emailed link (with its proof) opens the session at once', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: t.clock.now });
    await inviteOk(t, f.owner.token, { email: 'mailbox@example.test', role: 'operator' });
    const emailed = new URL(emailedLinkTo(t, 'mailbox@example.test'));
    const session = await t.trpc().members.acceptInvitation.mutate({
      token: emailed.searchParams.get('token')!,
      email_proof: emailed.searchParams.get('email_proof')!,
      password: PASSWORD,
      password_confirm: PASSWORD,
    });
    expect(session).toMatchObject({ email_verification_required: false, tenant: { id: f.tenantId } });
    expect(session.access).toEqual(expect.any(String));
    expect((await t.request('/api/auth/me/', { token: session.access! })).status).toBe(200);
  });
});
