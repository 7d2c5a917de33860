import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

/** #20 item 10: the smaller edges, each attacked as it was possible before the fix. */

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

async function trpcErrorOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return (error as TRPCClientError<never>).data as unknown as { code: string; http_status: number };
}

describe('a manager scoped to one service acts on that service only', () => {
  it('cannot rename the tenant, change its currency or create services (403 FORBIDDEN_ROLE); nothing changes', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', name: 'Chez Léa', now: NOW });
    const scoped = await addMemberFixture(t.db, t.config, f.tenantId, 'manager', f.services[0]!.id, NOW);
    const api = t.trpc(scoped.token);

    const rename = await trpcErrorOf(api.tenants.update.mutate({ name: 'Pwned' }));
    const currency = await trpcErrorOf(api.tenants.update.mutate({ currency_code: 'USD' }));
    const service = await trpcErrorOf(api.services.create.mutate({ name: 'Cave', service_type: 'bar' }));

    for (const error of [rename, currency, service])
      expect(error).toMatchObject({ code: 'FORBIDDEN_ROLE', http_status: 403 });
    const tenant = await t.db
      .selectFrom('tenants')
      .select(['name', 'currency_code'])
      .where('id', '=', f.tenantId)
      .executeTakeFirstOrThrow();
    expect(tenant).toEqual({ name: 'Chez Léa', currency_code: 'EUR' });
    const services = await t.db
      .selectFrom('services')
      .select('id')
      .where('tenant_id', '=', f.tenantId)
      .execute();
    expect(services).toHaveLength(1);
  });

  it('a manager of every service still can', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager', null, NOW);
    const api = t.trpc(manager.token);

    expect(await api.tenants.update.mutate({ name: 'Renommé', currency_code: 'CHF' })).toMatchObject({
      name: 'Renommé',
      currency_code: 'CHF',
    });
    expect(await api.services.create.mutate({ name: 'Cave', service_type: 'bar' })).toMatchObject({
      name: 'Cave',
    });
  });
});

describe('x-request-id', () => {
  it('a short safe token is kept; anything else is replaced by a fresh id (never echoed)', async () => {
    const kept = await t.request('/health', { headers: { 'x-request-id': 'edge-42.abc_Z' } });
    expect(kept.headers.get('x-request-id')).toBe('edge-42.abc_Z');

    for (const hostile of ['a'.repeat(65), '<script>alert(1)</script>', 'id with spaces', 'x;y=1']) {
      const res = await t.request('/health', { headers: { 'x-request-id': hostile } });
      expect(res.headers.get('x-request-id')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
  });
});

describe('product search', () => {
  it('% and _ in the term are plain characters, also for the SKU (no “match every SKU”)', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
    const service_id = f.services[0]!.id;
    await t.db
      .insertInto('products')
      .values([
        { tenant_id: f.tenantId, service_id, name: 'Gin', unit: 'pcs', internal_sku: 'SKU-1' },
        { tenant_id: f.tenantId, service_id, name: 'Rhum', unit: 'pcs', internal_sku: 'SKU-2' },
      ])
      .execute();
    const api = t.trpc(f.owner.token).inventory.products;
    const names = async (search: string) =>
      (await api.list.query({ service_id, search })).items.map((p) => p.name);

    expect(await names('%')).toEqual([]);
    expect(await names('SKU_1')).toEqual([]);
    expect(await names('SKU-%')).toEqual([]);
    expect(await names('sku-1')).toEqual(['Gin']);
  });
});

describe('losses.list is paginated', () => {
  it('120 losses come 50 at a time, newest first, every one once; the totals cover the month', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
    const service_id = f.services[0]!.id;
    const product = await t.db
      .insertInto('products')
      .values({ tenant_id: f.tenantId, service_id, name: 'Verre', unit: 'pcs', purchase_price: 1.5 })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Two losses per timestamp: the page boundary falls between equal times too.
    await t.db
      .insertInto('loss_events')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          tenant_id: f.tenantId,
          service_id,
          product_id: product.id,
          occurred_at: new Date(Date.UTC(2026, 10, 1, 0, Math.floor(i / 2))),
          inventory_month: MONTH,
          quantity: 1,
          unit: 'pcs' as const,
          reason: 'breakage' as const,
          created_by: f.owner.id,
          created_at: NOW,
        })),
      )
      .execute();
    const api = t.trpc(f.owner.token).inventory.losses;

    const first = await api.list.query({ service_id, month: MONTH });
    expect(first.items).toHaveLength(50);
    expect(first).toMatchObject({ total_count: 120, total_cost: 180, next_cursor: expect.any(String) });
    const seen = [...first.items];
    let cursor = first.next_cursor;
    while (cursor) {
      const page = await api.list.query({ service_id, month: MONTH, cursor });
      expect(page.items.length).toBeLessThanOrEqual(50);
      seen.push(...page.items);
      cursor = page.next_cursor;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((l) => l.id)).size).toBe(120);
    const times = seen.map((l) => l.occurred_at);
    expect(times).toEqual([...times].sort().reverse());

    const small = await api.list.query({ service_id, month: MONTH, limit: 7 });
    expect(small.items).toHaveLength(7);
    const tooMany = await trpcErrorOf(api.list.query({ service_id, month: MONTH, limit: 100_000 }));
    expect(tooMany).toMatchObject({ code: 'VALIDATION_ERROR', http_status: 400 });
  });
});
