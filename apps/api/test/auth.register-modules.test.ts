import {
  type ErrorBody,
  presetFeatures,
  type RegisterFormInput,
  type RegisterResult,
} from '@stockscan/contracts';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startTestApp } from './test-server';

// The default trial (PRO: five services), so the limit case below is about the plan, not the modules.
const t = await startTestApp();

let n = 0;
/** A restaurant: Cuisine (kitchen) primary, Salle (restaurant_dining) extra, each with modules switched. */
function restaurant(overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    username: `chef${n}`,
    password: 'Sup3rSecret!',
    password_confirm: 'Sup3rSecret!',
    email: `chef${n}@example.test`,
    tenant_name: `Chez Chef ${n}`,
    business_type: 'restaurant',
    service_type: 'kitchen',
    service_name: 'Cuisine',
    // kitchen preset: dlc and lot on, vat off.
    service_features: { lot: { enabled: false }, vat: { enabled: true } },
    domain: 'food',
    extra_services: [
      {
        name: 'Salle',
        service_type: 'restaurant_dining',
        features: { barcode: { enabled: false }, prices: { selling_enabled: false } },
      },
    ],
    accept_terms: true,
    ...overrides,
  };
}

const featuresOf = async (tenantName: string) => {
  const rows = await t.db
    .selectFrom('services')
    .innerJoin('tenants', 'tenants.id', 'services.tenant_id')
    .select(['services.name', 'services.features'])
    .where('tenants.name', '=', tenantName)
    .orderBy('services.name')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.name, row.features]));
};

const rowsOf = async (body: { username: string; tenant_name: string }) => ({
  users: (await t.db.selectFrom('users').select('id').where('username', '=', body.username).execute()).length,
  tenants: (await t.db.selectFrom('tenants').select('id').where('name', '=', body.tenant_name).execute())
    .length,
  services: Object.keys(await featuresOf(body.tenant_name)).length,
});

describe('register with the modules chosen during onboarding (one transaction)', () => {
  it('REST: each service is stored with its preset and its modules on top', async () => {
    const body = restaurant();
    const res = await t.request('/api/auth/register/', { json: body });
    expect(res.status).toBe(201);

    const kitchen = presetFeatures('kitchen', 'food');
    const dining = presetFeatures('restaurant_dining', 'food');
    const expected = {
      Cuisine: {
        ...kitchen,
        lot: { ...kitchen.lot, enabled: false },
        vat: { ...kitchen.vat, enabled: true },
      },
      Salle: {
        ...dining,
        barcode: { ...dining.barcode, enabled: false },
        prices: { ...dining.prices, selling_enabled: false },
      },
    };
    expect(await featuresOf(body.tenant_name)).toEqual(expected);
    // The answer is what was stored: the web needs no second call.
    const answer = (await res.json()) as RegisterResult;
    expect(Object.fromEntries(answer.services.map((s) => [s.name, s.features]))).toEqual(expected);
    expect(expected.Cuisine.lot?.enabled).not.toBe(kitchen.lot?.enabled);
  });

  it('tRPC auth.register (the web onboarding) stores the modules too', async () => {
    const body = restaurant({ extra_services: [] });
    const result = await t.trpc().auth.register.mutate(body as z.input<typeof RegisterFormInput>);
    expect(result.access).toEqual(expect.any(String));
    const stored = await featuresOf(body.tenant_name);
    expect(Object.keys(stored)).toEqual(['Cuisine']);
    expect(stored.Cuisine?.lot).toEqual({ ...presetFeatures('kitchen', 'food').lot, enabled: false });
    expect(stored.Cuisine?.vat?.enabled).toBe(true);
    expect(stored.Cuisine?.dlc).toEqual(presetFeatures('kitchen', 'food').dlc);
  });

  it('an unknown module or a malformed toggle → 400 VALIDATION_ERROR naming it, nothing written', async () => {
    const unknown = restaurant({ service_features: { teleport: { enabled: true } } });
    const res = await t.request('/api/auth/register/', { json: unknown });
    expect(res.status).toBe(400);
    const error = (await res.json()) as ErrorBody;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(error.fields ?? {})).toEqual(['service_features']);
    expect(await rowsOf(unknown)).toEqual({ users: 0, tenants: 0, services: 0 });

    const malformed = restaurant({
      extra_services: [{ name: 'Salle', service_type: 'restaurant_dining', features: { dlc: { on: true } } }],
    });
    const again = await t.request('/api/auth/register/', { json: malformed });
    expect(again.status).toBe(400);
    expect(Object.keys(((await again.json()) as ErrorBody).fields ?? {})).toEqual([
      'extra_services.0.features.dlc',
    ]);
    expect(await rowsOf(malformed)).toEqual({ users: 0, tenants: 0, services: 0 });

    const trpcError = await t
      .trpc()
      .auth.register.mutate(unknown as never)
      .catch((e: unknown) => e);
    expect(trpcError).toBeInstanceOf(TRPCClientError);
    expect((trpcError as TRPCClientError<never>).data).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await rowsOf(unknown)).toEqual({ users: 0, tenants: 0, services: 0 });
  });

  it('more services than the trial allows, with modules → 403 LIMIT_MAX_SERVICES, nothing written', async () => {
    const body = restaurant({
      extra_services: ['B', 'C', 'D', 'E', 'F'].map((name) => ({
        name,
        service_type: 'other',
        features: { sku: { enabled: true } },
      })),
    });
    const res = await t.request('/api/auth/register/', { json: body });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'LIMIT_MAX_SERVICES', limit: 5 });
    expect(await rowsOf(body)).toEqual({ users: 0, tenants: 0, services: 0 });
  });

  it('the loser of a username race inside the transaction leaves no tenant, services or modules', async () => {
    const a = restaurant({ username: 'RaceChef', tenant_name: 'Race A' });
    const b = restaurant({ username: 'racechef', tenant_name: 'Race B' });
    const statuses = await Promise.all(
      [a, b].map((body) => t.request('/api/auth/register/', { json: body }).then((r) => r.status)),
    );
    expect([...statuses].sort()).toEqual([201, 409]);
    const counts = [await rowsOf(a), await rowsOf(b)].map((c) => c.tenants + c.services);
    expect([...counts].sort()).toEqual([0, 3]);
  });
});
