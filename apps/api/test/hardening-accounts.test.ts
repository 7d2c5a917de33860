import type { ErrorBody, RegisterResult } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords';
import { createTenantFixture } from './fixtures';
import { emailedLinkTo, inviteOk, tokenOf } from './members-helpers';
import { startTestApp } from './test-server';

// Issue #20 item 4: email squatting.
const t = await startTestApp();
const PASSWORD = 'correct horse battery';

const register = (username: string, email: string) =>
  t.request('/api/auth/register/', {
    json: {
      username,
      email,
      password: PASSWORD,
      password_confirm: PASSWORD,
      tenant_name: `Chez ${username}`,
      business_type: 'bar',
      service_type: 'bar',
      service_name: 'Bar',
      domain: 'food',
    },
  });
const login = (username: string, password = PASSWORD) =>
  t.request('/api/auth/login/', { json: { username, password } });
const accept = (json: Record<string, unknown>) =>
  t.request('/api/auth/invitations/accept/', { method: 'POST', json });

type SentMail = {
  personalizations: { to: { email: string }[] }[];
  subject: string;
  content: { value: string }[];
};
const mailsTo = (to: string) =>
  t.fakes.sendgrid.requests
    .map((r) => r.json as SentMail)
    .filter((m) => m.personalizations[0]?.to[0]?.email === to);

describe('a username shaped like an email', () => {
  it("registering the username 'victim@corp.test' → 400 VALIDATION_ERROR on username; the victim's email login works", async () => {
    expect((await register('victim', 'victim@corp.test')).status).toBe(201);

    const squat = await register('victim@corp.test', 'attacker@evil.test');

    expect(squat.status).toBe(400);
    const body = (await squat.json()) as ErrorBody;
    expect(body.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(body.fields ?? {})).toEqual(['username']);
    expect(
      await t.db.selectFrom('users').select('id').where('email', '=', 'attacker@evil.test').execute(),
    ).toEqual([]);
    expect((await login('victim@corp.test')).status).toBe(200);
  });

  it('an old account whose username holds an email cannot shadow that email at login', async () => {
    const victim = (await (await register('marie', 'marie@corp.test')).json()) as RegisterResult;
    // A row from before the rule, with the attacker's own password.
    await t.db
      .insertInto('users')
      .values({
        username: 'Marie@Corp.test',
        email: null,
        password_hash: await hashPassword('attacker-pass-1'),
      })
      .execute();

    const res = await login('marie@corp.test');

    expect(res.status).toBe(200);
    expect(((await res.json()) as RegisterResult).user.id).toBe(victim.user.id);
    expect((await login('marie@corp.test', 'attacker-pass-1')).status).toBe(401);
  });
});

describe('accepting an invitation verifies the email only through the emailed link', () => {
  const userByEmail = (email: string) =>
    t.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

  it('the owner accepts with the link from the 201: the account starts unverified and the address gets a verification email', async () => {
    const f = await createTenantFixture(t.db, t.config);
    const invitation = await inviteOk(t, f.owner.token, { email: 'ceo@bigcorp.test', role: 'operator' });
    const before = mailsTo('ceo@bigcorp.test').length;

    const res = await accept({
      token: tokenOf(invitation.invite_link),
      password: PASSWORD,
      password_confirm: PASSWORD,
    });

    expect(res.status).toBe(200);
    expect((await userByEmail('ceo@bigcorp.test')).email_verified_at).toBeNull();
    const mails = mailsTo('ceo@bigcorp.test').slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.content[0]?.value).toContain('http://app.test/verify-email?token=');
  });

  it('a forged proof does not verify; the emailed link does', async () => {
    const f = await createTenantFixture(t.db, t.config);
    const forged = await inviteOk(t, f.owner.token, { email: 'forged@bigcorp.test', role: 'operator' });
    const mailed = await inviteOk(t, f.owner.token, { email: 'mailed@bigcorp.test', role: 'operator' });
    expect(forged.invite_link).not.toContain('email_proof');

    await accept({
      token: tokenOf(forged.invite_link),
      password: PASSWORD,
      password_confirm: PASSWORD,
      email_proof: 'A'.repeat(43),
    });
    const link = new URL(emailedLinkTo(t, 'mailed@bigcorp.test'));
    const res = await accept({
      token: link.searchParams.get('token'),
      email_proof: link.searchParams.get('email_proof'),
      password: PASSWORD,
      password_confirm: PASSWORD,
    });

    expect(res.status).toBe(200);
    expect((await userByEmail('forged@bigcorp.test')).email_verified_at).toBeNull();
    expect((await userByEmail('mailed@bigcorp.test')).email_verified_at).not.toBeNull();
    expect(mailed.invite_link).toBe(
      `http://app.test/invitation/accept?token=${link.searchParams.get('token')}`,
    );
  });
});
