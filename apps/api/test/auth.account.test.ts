import type { DeleteAccountResult, ErrorBody, RegisterResult } from '@stockscan/contracts';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords';
import { hashToken } from '../src/auth/tokens';
import { addMemberFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-06-01T12:00:00Z');
const t = await startTestApp({ now: NOW });

const PASSWORD = 'initial password';
let n = 0;

async function registerUser(locale: 'fr' | 'en' = 'fr') {
  n += 1;
  const username = `acct${n}`;
  const email = `acct${n}@example.test`;
  const res = await t.request('/api/auth/register/', {
    headers: { 'accept-language': locale },
    json: {
      username,
      email,
      password: PASSWORD,
      password_confirm: PASSWORD,
      tenant_name: `Account ${n}`,
      business_type: 'grocery',
      service_type: 'grocery_food',
      service_name: 'Épicerie',
      domain: 'food',
    },
  });
  expect(res.status).toBe(201);
  return { ...((await res.json()) as RegisterResult), username, email };
}

interface SentMail {
  personalizations: { to: { email: string }[] }[];
  subject: string;
  content: { type: string; value: string }[];
}

/**
 * Reset emails leave in the background: wait for the fake SendGrid to receive one for `to` (the confirmation
 * link every sign-up also gets is not one of them).
 */
async function mailTo(to: string, count = 1): Promise<SentMail[]> {
  for (let i = 0; i < 100; i++) {
    const mails = t.fakes.sendgrid.requests
      .map((r) => r.json as SentMail)
      .filter((m) => m.personalizations[0]?.to[0]?.email === to)
      .filter((m) => m.content[0]?.value.includes('/reset-password?token='));
    if (mails.length >= count) return mails;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no email to ${to}`);
}

const resetTokenOf = (mail: SentMail) => {
  const match = /reset-password\?token=([\w-]+)/.exec(mail.content[0]?.value ?? '');
  if (!match?.[1]) throw new Error('no reset link in the email');
  return match[1];
};

const login = (username: string, password: string) =>
  t.request('/api/auth/login/', { json: { username, password } });

describe('password reset', () => {
  it('unknown email → 200 and no email sent (no enumeration)', async () => {
    const before = t.fakes.sendgrid.requests.length;
    const res = await t.request('/api/auth/password-reset/', { json: { email: 'ghost@example.test' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.fakes.sendgrid.requests.length).toBe(before);
  });

  it('known email → same 200, a French email with a 1 h single-use link; confirm sets the password and ends sessions', async () => {
    const user = await registerUser();
    const res = await t.request('/api/auth/password-reset/', { json: { email: user.email.toUpperCase() } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const [mail] = await mailTo(user.email);
    expect(mail?.subject).toBe('Réinitialisez votre mot de passe StockScan');
    expect(mail?.content[0]?.value).toContain(`Bonjour ${user.username}`);
    expect(mail?.content[0]?.value).toContain('http://app.test/reset-password?token=');
    const token = resetTokenOf(mail!);

    const stored = await t.db
      .selectFrom('user_tokens')
      .selectAll()
      .where('user_id', '=', user.user.id)
      .where('purpose', '=', 'password_reset')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ purpose: 'password_reset', token_hash: hashToken(token), used_at: null });
    expect(stored.expires_at.toISOString()).toBe('2026-06-01T13:00:00.000Z');

    const confirm = await t.request('/api/auth/password-reset/confirm/', {
      json: { token, password: 'brand new secret', password_confirm: 'brand new secret' },
    });
    expect(confirm.status).toBe(200);
    expect(await confirm.json()).toEqual({ ok: true });

    expect((await login(user.username, PASSWORD)).status).toBe(401);
    expect((await login(user.username, 'brand new secret')).status).toBe(200);
    // The refresh token issued at register is dead.
    const refresh = await t.request('/api/auth/refresh/', { json: { refresh: user.refresh } });
    expect(refresh.status).toBe(401);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('user_id', '=', user.user.id)
      .where('action', '=', 'auth.password_reset')
      .execute();
    expect(audit).toHaveLength(1);

    // Single use.
    const again = await t.request('/api/auth/password-reset/confirm/', {
      json: { token, password: 'another secret!', password_confirm: 'another secret!' },
    });
    expect(again.status).toBe(401);
    const error = (await again.json()) as ErrorBody;
    expect(error.code).toBe('TOKEN_INVALID');
    expect(error.detail).toContain('a expiré ou a déjà été utilisé');
  });

  it('English users get the English email; a link older than 1 h is refused with a clear message', async () => {
    const user = await registerUser('en');
    await t.trpc().auth.requestPasswordReset.mutate({ email: user.email });
    const [mail] = await mailTo(user.email);
    expect(mail?.subject).toBe('Reset your StockScan password');
    const token = resetTokenOf(mail!);

    t.clock.set(new Date(NOW.getTime() + 61 * 60_000));
    const expired = await t
      .trpc(undefined, 'en')
      .auth.confirmPasswordReset.mutate({ token, password: 'too late now', password_confirm: 'too late now' })
      .catch((e: unknown) => e);
    t.clock.set(NOW);
    expect(expired).toBeInstanceOf(TRPCClientError);
    expect((expired as TRPCClientError<never>).data).toMatchObject({ code: 'TOKEN_INVALID' });
    expect((expired as Error).message).toBe(
      'This reset link is invalid, has expired or was already used: ask for a new one.',
    );
    expect((await login(user.username, PASSWORD)).status).toBe(200);
  });

  it('confirm validates like register: mismatch / weak → 400 with fields', async () => {
    const res = await t.request('/api/auth/password-reset/confirm/', {
      json: { token: 'x', password: 'short', password_confirm: 'other' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).fields).toEqual({
      password: 'Au moins 8 caractères.',
      password_confirm: 'Les mots de passe ne correspondent pas.',
    });
  });

  it('at most 5 reset emails per account and hour, still answering 200', async () => {
    const user = await registerUser();
    for (let i = 0; i < 7; i++) {
      const res = await t.request('/api/auth/password-reset/', { json: { email: user.email } });
      expect(res.status).toBe(200);
    }
    await mailTo(user.email, 5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await mailTo(user.email)).toHaveLength(5);
  });
});

describe('delete account', () => {
  const deleteAccount = (token: string, json: unknown) =>
    t.request('/api/auth/delete-account/', { method: 'DELETE', token, json });

  it('needs the password: wrong → 400 on the password field, nothing deleted', async () => {
    const user = await registerUser();
    const res = await deleteAccount(user.access!, { password: 'wrong one' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).fields).toEqual({ password: 'Mot de passe incorrect.' });
    const missing = await deleteAccount(user.access!, {});
    expect(missing.status).toBe(400);
    const row = await t.db.selectFrom('users').select('id').where('id', '=', user.user.id).execute();
    expect(row).toHaveLength(1);
  });

  it('the only member and owner: the user and the tenant with all its data are deleted', async () => {
    const user = await registerUser();
    const serviceId = user.services[0]!.id;
    const product = await t.db
      .insertInto('products')
      .values({ tenant_id: user.tenant.id, service_id: serviceId, name: 'Riz', unit: 'kg' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('counts')
      .values({
        tenant_id: user.tenant.id,
        service_id: serviceId,
        product_id: product.id,
        inventory_month: '2026-06',
        quantity: 3,
      })
      .execute();
    await t.db
      .insertInto('categories')
      .values({ tenant_id: user.tenant.id, service_id: serviceId, name: 'Sec', slug: 'sec' })
      .execute();

    const res = await deleteAccount(user.access!, { password: PASSWORD });
    expect(res.status).toBe(200);
    expect((await res.json()) as DeleteAccountResult).toEqual({
      deleted: true,
      tenants_deleted: [user.tenant.id],
    });

    for (const table of [
      'services',
      'products',
      'counts',
      'categories',
      'memberships',
      'audit_log',
    ] as const) {
      const rows = await t.db
        .selectFrom(table)
        .select('tenant_id')
        .where('tenant_id', '=', user.tenant.id)
        .execute();
      expect(rows, table).toEqual([]);
    }
    expect(await t.db.selectFrom('tenants').select('id').where('id', '=', user.tenant.id).execute()).toEqual(
      [],
    );
    expect(await t.db.selectFrom('users').select('id').where('id', '=', user.user.id).execute()).toEqual([]);
    expect(
      await t.db.selectFrom('refresh_tokens').select('id').where('user_id', '=', user.user.id).execute(),
    ).toEqual([]);
    // The access token no longer resolves.
    expect((await t.request('/api/auth/me/', { token: user.access! })).status).toBe(401);
  });

  it('last owner of a tenant with other members → 409 LAST_OWNER and nothing deleted', async () => {
    const user = await registerUser();
    const operator = await addMemberFixture(t.db, t.config, user.tenant.id, 'operator');
    const error = await t
      .trpc(user.access!)
      .auth.deleteAccount.mutate({ password: PASSWORD })
      .catch((e: unknown) => e);
    expect((error as TRPCClientError<never>).data).toMatchObject({ code: 'LAST_OWNER', http_status: 409 });
    expect((error as Error).message).toContain(`dernier propriétaire de « ${user.tenant.name} »`);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', user.user.id).execute()).toHaveLength(
      1,
    );
    expect(
      await t.db.selectFrom('memberships').select('id').where('tenant_id', '=', user.tenant.id).execute(),
    ).toHaveLength(2);
    expect(operator.id).toBeTruthy();
  });

  it('with another ACTIVE owner: only the user leaves, the tenant stays and records it', async () => {
    const user = await registerUser();
    const coOwner = await addMemberFixture(t.db, t.config, user.tenant.id, 'owner');
    const result = await t.trpc(user.access!).auth.deleteAccount.mutate({ password: PASSWORD });
    expect(result).toEqual({ deleted: true, tenants_deleted: [] });
    const members = await t.db
      .selectFrom('memberships')
      .select('user_id')
      .where('tenant_id', '=', user.tenant.id)
      .execute();
    expect(members).toEqual([{ user_id: coOwner.id }]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('tenant_id', '=', user.tenant.id)
      .where('action', '=', 'auth.account_deleted')
      .execute();
    expect(audit).toEqual([{ action: 'auth.account_deleted', object_id: user.user.id }]);
  });

  it('an operator deleting their account leaves the tenant untouched', async () => {
    const owner = await registerUser();
    const operator = await addMemberFixture(t.db, t.config, owner.tenant.id, 'operator');
    await t.db
      .updateTable('users')
      .set({ password_hash: await hashPassword('operator pass') })
      .where('id', '=', operator.id)
      .execute();
    const result = await t.trpc(operator.token).auth.deleteAccount.mutate({ password: 'operator pass' });
    expect(result.tenants_deleted).toEqual([]);
    expect(
      await t.db.selectFrom('tenants').select('id').where('id', '=', owner.tenant.id).execute(),
    ).toHaveLength(1);
  });
});
