import { TRPCClientError } from '@trpc/client';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completion, VALID_ANSWER } from './assistant-helpers';
import { seedProducts, usageRows } from './exports-fixtures';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

/**
 * #20 item 3: paid features as a free relay. A scripted sign-up gets the full trial; it must not be able to
 * mail arbitrary text and files through our SendGrid domain, nor spend our OpenAI quota, before it proves
 * an address; and a verified account is capped (recipients, markup, sends per day).
 */

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const DAILY = 3;
const t = await startTestApp({
  now: NOW,
  env: {
    EXPORT_EMAIL_DAILY_LIMIT: String(DAILY),
    // The burst below is about the daily cap, not the concurrent-download cap (tested in exports-concurrency).
    EXPORT_MAX_CONCURRENT: '20',
    EXPORT_MAX_CONCURRENT_INSTANCE: '20',
  },
});

beforeEach(() => {
  t.fakes.openai.reset();
  t.fakes.openai.handle(() => completion(JSON.stringify(VALID_ANSWER)));
});
afterEach(() => {
  t.clock.set(NOW);
  t.fakes.sendgrid.reset();
  t.fakes.sendgrid.handle((req) =>
    req.method === 'POST' && req.path === '/v3/mail/send'
      ? { status: 202, text: '' }
      : { status: 404, json: {} },
  );
});

interface SendGridBody {
  personalizations: { to: { email: string }[] }[];
  content: { type: string; value: string }[];
}

async function proBar({ verified }: { verified: boolean }) {
  const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
  const bar = f.services[0]!;
  await seedProducts(t.db, f.tenantId, bar.id, [{ name: 'Gin', counts: { [MONTH]: { quantity: 3 } } }]);
  if (!verified)
    await t.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', f.owner.id).execute();
  return { ...f, bar };
}

async function trpcError(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return (error as TRPCClientError<never>).data as unknown as { code: string; http_status: number };
}

const mails = () => t.fakes.sendgrid.requests.filter((r) => r.path === '/v3/mail/send');

describe('emailed exports need a confirmed address', () => {
  it('unverified: tRPC and REST answer 403 EMAIL_NOT_VERIFIED; nothing is mailed, produced or counted', async () => {
    const f = await proBar({ verified: false });

    const data = await trpcError(
      t.trpc(f.owner.token).exports.email.mutate({ service: f.bar.id, email: 'anyone@victim.test' }),
    );
    const res = await t.request(`/api/export-excel/?service=${f.bar.id}&email=anyone@victim.test`, {
      token: f.owner.token,
    });

    expect(data).toMatchObject({ code: 'EMAIL_NOT_VERIFIED', http_status: 403 });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'EMAIL_NOT_VERIFIED' });
    expect(mails()).toHaveLength(0);
    expect(await usageRows(t.db, f.tenantId)).toHaveLength(0);
  });

  it('the same account, once verified through auth.resendVerification’s link, sends', async () => {
    const f = await proBar({ verified: false });

    const resent = await t.trpc(f.owner.token).auth.resendVerification.mutate();
    const link = mails()[0]!.json as SendGridBody;
    const token = /token=([\w-]+)/.exec(link.content[0]!.value)?.[1];
    await t.trpc().auth.verifyEmail.mutate({ token: decodeURIComponent(token ?? '') });
    t.fakes.sendgrid.reset();
    const sent = await t.trpc(f.owner.token).exports.email.mutate({ service: f.bar.id, email: 'c@x.test' });

    expect(resent).toEqual({ sent: true, already_verified: false });
    expect(sent.email.sent).toBe(true);
    expect(mails()).toHaveLength(1);
  });

  it('resending a link is limited to 3 an hour per account (429 with Retry-After)', async () => {
    const f = await proBar({ verified: false });
    const client = t.trpc(f.owner.token);
    for (let i = 0; i < 3; i += 1) await client.auth.resendVerification.mutate();

    const data = await trpcError(client.auth.resendVerification.mutate());

    expect(data).toMatchObject({ code: 'RATE_LIMITED', http_status: 429 });
    expect(mails()).toHaveLength(3);
  });
});

describe('what a verified account may send', () => {
  it('at most 5 recipients: 6 → 400 naming the field; 5 → one mail, each recipient alone in the To', async () => {
    const f = await proBar({ verified: true });
    const six = Array.from({ length: 6 }, (_, i) => `r${i}@x.test`);

    const refused = await t.request(
      `/api/export-excel/?service=${f.bar.id}&email=${encodeURIComponent(six.join(','))}`,
      { token: f.owner.token },
    );
    const result = await t
      .trpc(f.owner.token)
      .exports.email.mutate({ service: f.bar.id, email: six.slice(0, 5).join('; ') });

    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { email: '5 destinataires au maximum.' },
    });
    expect(result.email).toMatchObject({ to: six.slice(0, 5).join(', '), sent: true });
    expect(mails()).toHaveLength(1);
    const body = mails()[0]!.json as SendGridBody;
    expect(body.personalizations.map((p) => p.to)).toEqual(six.slice(0, 5).map((email) => [{ email }]));
  });

  it('plain text only: a message with markup → 400; the mail has no HTML part', async () => {
    const f = await proBar({ verified: true });

    const data = await trpcError(
      t.trpc(f.owner.token).exports.email.mutate({
        service: f.bar.id,
        email: 'c@x.test',
        message: 'Gagnez ! <a href="https://phish.example">cliquez</a>',
      }),
    );
    await t.trpc(f.owner.token).exports.email.mutate({
      service: f.bar.id,
      email: 'c@x.test',
      message: 'Pour la clôture, stock < 5 sur le gin',
    });

    expect(data).toMatchObject({ code: 'VALIDATION_ERROR', http_status: 400 });
    expect(mails()).toHaveLength(1);
    const body = mails()[0]!.json as SendGridBody;
    expect(body.content.map((c) => c.type)).toEqual(['text/plain']);
  });

  it(`EXPORT_EMAIL_DAILY_LIMIT (${DAILY}) per tenant and 24 hours, exact under concurrency; downloads stay free`, async () => {
    const f = await proBar({ verified: true });
    const send = () =>
      t.request(`/api/export-excel/?service=${f.bar.id}&format=csv&email=c@x.test`, { token: f.owner.token });

    const burst = await Promise.all(Array.from({ length: DAILY + 3 }, send));
    const refused = burst.find((r) => r.status === 429)!;
    const download = await t.request(`/api/export-excel/?service=${f.bar.id}&format=csv`, {
      token: f.owner.token,
    });
    // A day later (the ledger's rows moved back: the access token would expire if the clock moved).
    await t.db
      .updateTable('usage_events')
      .set((eb) => ({ created_at: eb('created_at', '-', sql<Date>`interval '24 hours 1 second'`) }))
      .where('tenant_id', '=', f.tenantId)
      .execute();
    const nextDay = await send();

    expect(burst.filter((r) => r.status === 200)).toHaveLength(DAILY);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(3);
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(86_000);
    expect(download.status).toBe(200);
    expect(nextDay.status).toBe(200);
    expect(mails()).toHaveLength(DAILY + 1);
  });
});

describe('the assistant never calls OpenAI for an unconfirmed account', () => {
  async function ask(token: string) {
    const res = await t.request('/api/ai/assistant/', {
      method: 'POST',
      token,
      json: { question: 'Que recommander ?' },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('unverified → the fallback (same JSON, mode fallback) with a line asking to confirm; no model call, no quota', async () => {
    const f = await proBar({ verified: false });

    const { status, body } = await ask(f.owner.token);

    expect(status).toBe(200);
    expect(body).toMatchObject({ enabled: true, mode: 'fallback', question: 'Que recommander ?' });
    expect(body.message).toMatch(
      /^Confirmez votre adresse e-mail pour recevoir les réponses de l’assistant IA/,
    );
    expect(body.actions).toContainEqual({ label: 'Confirmer mon e-mail', href: '/app/settings' });
    expect(t.fakes.openai.requests).toHaveLength(0);
    expect(await usageRows(t.db, f.tenantId)).toHaveLength(0);
  });

  it('verified → the model answers (the same request reaches the fake)', async () => {
    const f = await proBar({ verified: true });

    const { body } = await ask(f.owner.token);

    expect(body.mode).toBe('ai');
    expect(t.fakes.openai.requests).toHaveLength(1);
  });
});

describe('every sign-up gets a confirmation link', () => {
  it('with EMAIL_VERIFICATION_REQUIRED=false: tokens now, and the link that unlocks mail and AI', async () => {
    const res = await t.request('/api/auth/register/', {
      method: 'POST',
      json: {
        username: 'nouveau',
        password: 'Sup3rSecret!',
        password_confirm: 'Sup3rSecret!',
        email: 'nouveau@bistrot.test',
        tenant_name: 'Nouveau Bistrot',
        business_type: 'restaurant',
        service_type: 'kitchen',
        service_name: 'Cuisine',
        domain: 'food',
      },
    });

    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      access: expect.any(String),
      email_verification_required: false,
    });
    expect(mails()).toHaveLength(1);
    const body = mails()[0]!.json as SendGridBody;
    expect(body.personalizations[0]?.to).toEqual([{ email: 'nouveau@bistrot.test' }]);
    expect(body.content[0]?.value).toMatch(
      /envoyer vos exports par e-mail et utiliser l’assistant IA : http:\/\/app\.test\/verify-email\?token=/,
    );
  });
});
