import {
  type ErrorBody,
  presetFeatures,
  type RegisterFormInput,
  type RegisterResult,
} from '@stockscan/contracts';
import { TRPCClientError } from '@trpc/client';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { verifyAccessToken } from '../src/request/access-token';
import { startTestApp } from './test-server';

const NOW = new Date('2026-03-10T09:00:00Z');
const t = await startTestApp({ now: NOW });

/** The body of the runbook's curl check (SPEC §7): no accept_terms, no extra services. */
const RUNBOOK_BODY = {
  username: 'bistrot',
  password: 'Sup3rSecret!',
  password_confirm: 'Sup3rSecret!',
  email: ' Chef@Bistrot.FR ',
  tenant_name: 'Bistrot Chez Léa',
  business_type: 'restaurant',
  service_type: 'kitchen',
  service_name: 'Cuisine',
  domain: 'food',
};

let n = 0;
function uniqueBody(overrides: Record<string, unknown> = {}) {
  n += 1;
  return { ...RUNBOOK_BODY, username: `user${n}`, email: `user${n}@example.test`, ...overrides };
}

const register = (json: unknown, headers?: Record<string, string>) =>
  t.request('/api/auth/register/', { json, ...(headers ? { headers } : {}) });
const created = async (res: Response) => (await res.json()) as RegisterResult;
const failed = async (res: Response) => (await res.json()) as ErrorBody;

describe('POST /api/auth/register/', () => {
  it('the runbook body creates user, tenant on the PRO trial, service, owner membership and tokens', async () => {
    const res = await register(RUNBOOK_BODY);
    expect(res.status).toBe(201);
    const body = await created(res);
    expect(Object.keys(body).sort()).toEqual([
      'access',
      'email_verification_required',
      'refresh',
      'services',
      'tenant',
      'user',
    ]);
    expect(body.user).toEqual({ id: expect.any(String), username: 'bistrot', email: 'chef@bistrot.fr' });
    expect(body.tenant).toEqual({
      id: expect.any(String),
      name: 'Bistrot Chez Léa',
      domain: 'food',
      business_type: 'restaurant',
      currency_code: 'EUR',
    });
    expect(body.services).toHaveLength(1);
    expect(body.services[0]).toMatchObject({
      name: 'Cuisine',
      service_type: 'kitchen',
      counting_mode: 'weight',
    });
    expect(body.email_verification_required).toBe(false);

    const claims = await verifyAccessToken(body.access!, t.config.appSecret, NOW);
    expect(claims).toEqual({ userId: body.user.id, tenantId: body.tenant.id, sessionStartedAt: NOW });
    expect(body.refresh).toMatch(/^[\w-]{40,}$/);

    const tenant = await t.db
      .selectFrom('tenants')
      .selectAll()
      .where('id', '=', body.tenant.id)
      .executeTakeFirstOrThrow();
    expect(tenant).toMatchObject({
      slug: 'bistrot-chez-lea',
      plan_code: 'PRO',
      plan_source: 'TRIAL',
      subscription_status: 'NONE',
      terms_accepted_at: null,
    });
    expect(tenant.license_expires_at?.toISOString()).toBe('2026-03-24T09:00:00.000Z');
    const membership = await t.db
      .selectFrom('memberships')
      .selectAll()
      .where('tenant_id', '=', body.tenant.id)
      .execute();
    expect(membership).toEqual([
      expect.objectContaining({ user_id: body.user.id, role: 'owner', status: 'ACTIVE', service_id: null }),
    ]);
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', body.user.id)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const refresh = await t.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('user_id', '=', body.user.id)
      .execute();
    expect(refresh).toHaveLength(1);
    expect(refresh[0]?.token_hash).not.toBe(body.refresh);
    expect(refresh[0]?.expires_at.toISOString()).toBe('2026-04-09T09:00:00.000Z');
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', body.tenant.id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'auth.register', user_id: body.user.id, object_id: body.tenant.id }),
    ]);
    expect(JSON.stringify(audit)).not.toContain('Sup3rSecret');
    // Audit time comes from the injected clock, like every other timestamp.
    expect(audit[0]?.created_at.toISOString()).toBe(NOW.toISOString());
  });

  it('a restaurant with Cuisine (kitchen) + Salle (restaurant_dining) gets two services with their presets', async () => {
    const res = await register(
      uniqueBody({
        tenant_name: 'Chez Paul',
        service_name: 'Cuisine',
        service_type: 'kitchen',
        extra_services: [{ name: 'Salle', service_type: 'restaurant_dining' }],
        accept_terms: true,
      }),
    );
    expect(res.status).toBe(201);
    const body = await created(res);
    expect(body.services.map((s: { name: string }) => s.name)).toEqual(['Cuisine', 'Salle']);
    const [cuisine, salle] = body.services;
    expect(cuisine).toMatchObject({ service_type: 'kitchen', counting_mode: 'weight' });
    expect(cuisine?.features).toEqual(presetFeatures('kitchen', 'food'));
    expect(cuisine?.features.open_container_tracking?.enabled).toBe(true);
    expect(cuisine?.features.vat?.enabled).toBe(false);
    expect(salle).toMatchObject({ service_type: 'restaurant_dining', counting_mode: 'mixed' });
    expect(salle?.features).toEqual(presetFeatures('restaurant_dining', 'food'));
    expect(salle?.features.vat?.enabled).toBe(true);
    const tenant = await t.db
      .selectFrom('tenants')
      .select('terms_accepted_at')
      .where('id', '=', body.tenant.id)
      .executeTakeFirstOrThrow();
    expect(tenant.terms_accepted_at?.toISOString()).toBe(NOW.toISOString());
  });

  it('domain general turns dlc and open containers off', async () => {
    const res = await register(
      uniqueBody({
        business_type: 'retail',
        domain: 'general',
        service_type: 'bulk_food',
        service_name: 'Vrac',
      }),
    );
    const body = await created(res);
    const features = body.services[0]?.features;
    expect(features?.dlc?.enabled).toBe(false);
    expect(features?.open_container_tracking?.enabled).toBe(false);
    expect(features?.sku?.enabled).toBe(true);
  });

  it('more services than the trial plan allows (PRO: 5) → 403 LIMIT_MAX_SERVICES and nothing written', async () => {
    const body = uniqueBody({
      extra_services: ['B', 'C', 'D', 'E', 'F'].map((name) => ({ name, service_type: 'other' })),
    });
    const res = await register(body);
    expect(res.status).toBe(403);
    const error = await failed(res);
    expect(error).toMatchObject({ code: 'LIMIT_MAX_SERVICES', limit: 5, upgrade_to: null });
    const user = await t.db.selectFrom('users').select('id').where('username', '=', body.username).execute();
    expect(user).toEqual([]);
  });

  it('username and email already taken, whatever the case → 409 USERNAME_TAKEN / EMAIL_TAKEN', async () => {
    const first = uniqueBody();
    expect((await register(first)).status).toBe(201);

    const sameName = await register(uniqueBody({ username: first.username.toUpperCase() }));
    expect(sameName.status).toBe(409);
    expect(await sameName.json()).toEqual({
      code: 'USERNAME_TAKEN',
      detail: 'Ce nom d’utilisateur est déjà pris.',
    });

    const sameEmail = await register(uniqueBody({ email: first.email.toUpperCase() }), {
      'accept-language': 'en',
    });
    expect(sameEmail.status).toBe(409);
    expect(await sameEmail.json()).toEqual({ code: 'EMAIL_TAKEN', detail: 'This email is already in use.' });
  });

  it('two concurrent registers of one username: one 201, one 409, a single user row', async () => {
    const a = uniqueBody({ username: 'RaceUser', tenant_name: 'Race' });
    const b = uniqueBody({ username: 'raceuser', tenant_name: 'Race' });
    const results = await Promise.all([register(a), register(b)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(await loser?.json()).toMatchObject({ code: 'USERNAME_TAKEN' });
    const rows = await t.db
      .selectFrom('users')
      .select('id')
      .where(sql`lower(username)`, '=', 'raceuser')
      .execute();
    expect(rows).toHaveLength(1);
    const tenants = await t.db.selectFrom('tenants').select('id').where('name', '=', 'Race').execute();
    expect(tenants).toHaveLength(1);
  });

  it('password confirmation mismatch and weak password → 400 with fields, nothing written', async () => {
    const mismatch = await register(uniqueBody({ password_confirm: 'different-one' }));
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { password_confirm: 'Les mots de passe ne correspondent pas.' },
    });

    const weak = uniqueBody({ password: 'short', password_confirm: 'short' });
    const res = await register(weak);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { password: 'Au moins 8 caractères.' },
    });
    const rows = await t.db.selectFrom('users').select('id').where('username', '=', weak.username).execute();
    expect(rows).toEqual([]);
  });

  it('missing fields and bad enums → 400 naming each field', async () => {
    const res = await register({
      username: 'x y',
      password: 'longenough',
      password_confirm: 'longenough',
      email: 'not-an-email',
      tenant_name: '',
      business_type: 'spaceship',
      service_type: 'kitchen',
      service_name: 'Cuisine',
      domain: 'food',
    });
    expect(res.status).toBe(400);
    const body = await failed(res);
    expect(Object.keys(body.fields ?? {}).sort()).toEqual([
      'business_type',
      'email',
      'tenant_name',
      'username',
    ]);
  });

  it('two services with one name (any case) → 400 on the duplicate', async () => {
    const res = await register(uniqueBody({ extra_services: [{ name: 'CUISINE', service_type: 'bar' }] }));
    expect(res.status).toBe(400);
    expect((await failed(res)).fields).toEqual({
      'extra_services.0.name': 'Deux services ne peuvent pas porter le même nom.',
    });
  });

  it('accept_terms: false is refused; tRPC auth.register (the web onboarding) requires accept_terms: true', async () => {
    const refused = await register(uniqueBody({ accept_terms: false }));
    expect(refused.status).toBe(400);
    expect((await failed(refused)).fields).toHaveProperty('accept_terms');

    const { accept_terms: _omitted, ...withoutTerms } = uniqueBody() as Record<string, unknown>;
    const error = await t
      .trpc()
      .auth.register.mutate(withoutTerms as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<never>).data).toMatchObject({
      code: 'VALIDATION_ERROR',
      http_status: 400,
    });

    const ok = await t
      .trpc()
      .auth.register.mutate({ ...uniqueBody(), accept_terms: true } as z.input<typeof RegisterFormInput>);
    expect(ok.access).toEqual(expect.any(String));
    expect(ok.services).toHaveLength(1);
  });

  it('stores the request language as the user locale (emails follow it)', async () => {
    const body = uniqueBody();
    await register(body, { 'accept-language': 'en-US,en;q=0.9' });
    const user = await t.db
      .selectFrom('users')
      .select('locale')
      .where('username', '=', body.username)
      .executeTakeFirstOrThrow();
    expect(user.locale).toBe('en');
  });
});
