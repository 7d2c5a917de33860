import { type ErrorBody, presetFeatures, type ServiceView } from '@stockscan/contracts';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const t = await startTestApp();

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError))
    throw new Error(`expected a tRPC error, got ${JSON.stringify(error)}`);
  return (error.data as { code: string; http_status: number }).code;
};

const auditOf = (tenantId: string, action: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['action', 'object_id', 'user_id', 'meta'])
    .where('tenant_id', '=', tenantId)
    .where('action', '=', action)
    .execute();

describe('services', () => {
  it('create applies the preset of the type; features given on create merge onto it (REST 201)', async () => {
    const f = await createTenantFixture(t.db, t.config);
    const res = await t.request('/api/auth/services/', {
      token: f.owner.token,
      json: { name: 'Boutique', service_type: 'retail_general' },
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as ServiceView;
    expect(created).toMatchObject({
      name: 'Boutique',
      service_type: 'retail_general',
      counting_mode: 'unit',
    });
    expect(created.features).toEqual(presetFeatures('retail_general', 'food'));

    const custom = await t.trpc(f.owner.token).services.create.mutate({
      name: 'Cave',
      service_type: 'bar',
      counting_mode: 'volume',
      features: { lot: { enabled: false }, prices: { selling_enabled: true } },
    });
    const preset = presetFeatures('bar', 'food');
    expect(custom.counting_mode).toBe('volume');
    expect(custom.features).toEqual({
      ...preset,
      lot: { enabled: false, recommended: true },
      prices: { ...preset.prices, selling_enabled: true },
    });
    const audit = await auditOf(f.tenantId, 'service.create');
    expect(audit.map((a) => a.object_id).sort()).toEqual([created.id, custom.id].sort());
    expect(audit[0]?.user_id).toBe(f.owner.id);
  });

  it('unknown feature keys and bad types → 400', async () => {
    const f = await createTenantFixture(t.db, t.config);
    const res = await t.request('/api/auth/services/', {
      token: f.owner.token,
      json: { name: 'X', service_type: 'bar', features: { teleport: { enabled: true } } },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).code).toBe('VALIDATION_ERROR');
  });

  it('PATCH renames and merges features into the current ones; audit records the change', async () => {
    const f = await createTenantFixture(t.db, t.config);
    const bar = f.services[0]!;
    await t.trpc(f.owner.token).services.update.mutate({ id: bar.id, features: { vat: { enabled: false } } });
    const res = await t.request(`/api/auth/services/${bar.id}/`, {
      method: 'PATCH',
      token: f.owner.token,
      json: { name: 'Bar du port', features: { suppliers: { enabled: true } } },
    });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as ServiceView;
    const preset = presetFeatures('bar', 'food');
    expect(updated.name).toBe('Bar du port');
    expect(updated.features).toEqual({
      ...preset,
      vat: { enabled: false, recommended: true },
      suppliers: { enabled: true, recommended: false },
    });
    const audit = await auditOf(f.tenantId, 'service.update');
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => a.meta)).toContainEqual({
      changes: { name: 'Bar du port' },
      features: { suppliers: { enabled: true } },
    });
  });

  it('names are unique per tenant, any case → 409 DUPLICATE_NAME on create and rename', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const res = await t.request('/api/auth/services/', {
      token: f.owner.token,
      json: { name: 'BAR', service_type: 'bar' },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      code: 'DUPLICATE_NAME',
      detail: 'Un service porte déjà ce nom dans votre organisation.',
    });
    expect(
      await codeOf(t.trpc(f.owner.token).services.update.mutate({ id: f.services[1]!.id, name: 'bar' })),
    ).toBe('DUPLICATE_NAME');
    // Another tenant may use the name.
    const g = await createTenantFixture(t.db, t.config, {
      services: [{ name: 'Cuisine', service_type: 'kitchen' }],
    });
    expect(
      (await t.trpc(g.owner.token).services.create.mutate({ name: 'Bar', service_type: 'bar' })).name,
    ).toBe('Bar');
  });

  it('LIMIT_MAX_SERVICES against the effective plan: an expired BOUTIQUE falls back to ESSENTIEL (1 service)', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      plan: 'BOUTIQUE',
      plan_source: 'PAID',
      license_expires_at: new Date(Date.now() - 86_400_000),
    });
    const res = await t.request('/api/auth/services/', {
      token: f.owner.token,
      json: { name: 'Cuisine', service_type: 'kitchen' },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'LIMIT_MAX_SERVICES', limit: 1, current: 1 });
    expect(
      await t.db.selectFrom('services').select('id').where('tenant_id', '=', f.tenantId).execute(),
    ).toHaveLength(1);
  });

  it('parallel creates at the edge of the plan: exactly the allowed number gets through', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'BOUTIQUE' });
    const results = await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) =>
        t.request('/api/auth/services/', { token: f.owner.token, json: { name, service_type: 'other' } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 403, 403, 403]);
    const rows = await t.db.selectFrom('services').select('id').where('tenant_id', '=', f.tenantId).execute();
    expect(rows).toHaveLength(2);
  });

  it('list: every member; an operator scoped to one service sees only that one', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', f.services[1]!.id);
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager');
    const all = await t.trpc(manager.token).services.list.query();
    expect(all.map((s) => s.name)).toEqual(['Bar', 'Cuisine']);
    const res = await t.request('/api/auth/services/', { token: operator.token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ServiceView[]).map((s) => s.name)).toEqual(['Cuisine']);
  });

  it('roles: operators cannot create, update or delete (403); a scoped manager gets 404 on other services', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const [bar, cuisine] = [f.services[0]!, f.services[1]!];
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', bar.id);
    const scopedManager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager', bar.id);
    const op = t.trpc(operator.token);
    expect(await codeOf(op.services.create.mutate({ name: 'X', service_type: 'other' }))).toBe(
      'FORBIDDEN_ROLE',
    );
    expect(await codeOf(op.services.update.mutate({ id: bar.id, name: 'Y' }))).toBe('FORBIDDEN_ROLE');
    expect(await codeOf(op.services.delete.mutate({ id: bar.id }))).toBe('FORBIDDEN_ROLE');
    const rest = await t.request(`/api/auth/services/${bar.id}/`, {
      method: 'DELETE',
      token: operator.token,
    });
    expect(rest.status).toBe(403);

    const mgr = t.trpc(scopedManager.token);
    expect(await codeOf(mgr.services.update.mutate({ id: cuisine.id, name: 'Z' }))).toBe('NOT_FOUND');
    expect(await codeOf(mgr.services.delete.mutate({ id: cuisine.id }))).toBe('NOT_FOUND');
    expect((await mgr.services.update.mutate({ id: bar.id, name: 'Bar 2' })).name).toBe('Bar 2');
  });

  it('delete: 409 SERVICE_NOT_EMPTY while it holds products (archived too) or scoped members; else 204 + audit', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
        { name: 'Terrasse', service_type: 'other' },
      ],
    });
    const [bar, cuisine, terrasse] = [f.services[0]!, f.services[1]!, f.services[2]!];
    await t.db
      .insertInto('products')
      .values({
        tenant_id: f.tenantId,
        service_id: bar.id,
        name: 'Old gin',
        unit: 'pcs',
        archived_at: new Date(),
      })
      .execute();
    const withProducts = await t.request(`/api/auth/services/${bar.id}/`, {
      method: 'DELETE',
      token: f.owner.token,
    });
    expect(withProducts.status).toBe(409);
    const body = (await withProducts.json()) as ErrorBody;
    expect(body.code).toBe('SERVICE_NOT_EMPTY');
    expect(body.detail).toContain('1 produit(s), archivés compris');

    await addMemberFixture(t.db, t.config, f.tenantId, 'operator', cuisine.id);
    const error = await t
      .trpc(f.owner.token, 'en')
      .services.delete.mutate({ id: cuisine.id })
      .catch((e: unknown) => e);
    expect((error as TRPCClientError<never>).data).toMatchObject({ code: 'SERVICE_NOT_EMPTY' });
    expect((error as Error).message).toContain('1 member(s) are scoped to this service');

    const ok = await t.request(`/api/auth/services/${terrasse.id}/`, {
      method: 'DELETE',
      token: f.owner.token,
    });
    expect(ok.status).toBe(204);
    expect(await t.db.selectFrom('services').select('id').where('id', '=', terrasse.id).execute()).toEqual(
      [],
    );
    expect((await auditOf(f.tenantId, 'service.delete')).map((a) => a.object_id)).toEqual([terrasse.id]);
    const again = await t.request(`/api/auth/services/${terrasse.id}/`, {
      method: 'DELETE',
      token: f.owner.token,
    });
    expect(again.status).toBe(404);
  });

  it('malformed ids → 400; unknown ids → 404', async () => {
    const f = await createTenantFixture(t.db, t.config);
    const bad = await t.request('/api/auth/services/not-a-uuid/', {
      method: 'PATCH',
      token: f.owner.token,
      json: { name: 'x' },
    });
    expect(bad.status).toBe(400);
    const unknown = await t.request('/api/auth/services/6f1c1c2e-8d0a-4d2b-9a57-1f1f1f1f1f1f/', {
      method: 'PATCH',
      token: f.owner.token,
      json: { name: 'x' },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('tenants.update', () => {
  it('owner or manager change the name (slug follows) and the currency (ISO 4217); audit keeps before/after', async () => {
    const f = await createTenantFixture(t.db, t.config, { name: 'Old name' });
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager');
    const updated = await t
      .trpc(manager.token)
      .tenants.update.mutate({ name: 'Café Élise', currency_code: 'CHF' });
    expect(updated).toMatchObject({ id: f.tenantId, name: 'Café Élise', currency_code: 'CHF' });
    const row = await t.db
      .selectFrom('tenants')
      .select(['slug', 'currency_code'])
      .where('id', '=', f.tenantId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ slug: 'cafe-elise', currency_code: 'CHF' });
    const audit = await auditOf(f.tenantId, 'tenant.update');
    expect(audit).toEqual([
      expect.objectContaining({
        user_id: manager.id,
        meta: {
          changes: { name: 'Café Élise', slug: 'cafe-elise', currency_code: 'CHF' },
          before: { name: 'Old name', slug: expect.any(String), currency_code: 'EUR' },
        },
      }),
    ]);
  });

  it('currency must be 3 upper-case letters of a real ISO 4217 code → else 400', async () => {
    const f = await createTenantFixture(t.db, t.config);
    for (const currency_code of ['eur', 'EURO', 'QQQ']) {
      const error = await t
        .trpc(f.owner.token)
        .tenants.update.mutate({ currency_code })
        .catch((e: unknown) => e);
      expect((error as TRPCClientError<never>).data).toMatchObject({
        code: 'VALIDATION_ERROR',
        fields: { currency_code: expect.any(String) },
      });
    }
  });

  it('an operator → 403 FORBIDDEN_ROLE, nothing changed', async () => {
    const f = await createTenantFixture(t.db, t.config, { name: 'Stays' });
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator');
    expect(await codeOf(t.trpc(operator.token).tenants.update.mutate({ name: 'Hacked' }))).toBe(
      'FORBIDDEN_ROLE',
    );
    const row = await t.db
      .selectFrom('tenants')
      .select('name')
      .where('id', '=', f.tenantId)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Stays');
  });
});
