import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as m0010 from '../src/migrations/0010_purchasing';
import { useTestDb } from '../src/testing/vitest';

const t = await useTestDb();

async function tenantWithService(name: string) {
  const tenant = await t.db
    .insertInto('tenants')
    .values({ name, slug: name.toLowerCase(), domain: 'food', business_type: 'bar' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const service = await t.db
    .insertInto('services')
    .values({
      tenant_id: tenant.id,
      name: 'Bar',
      service_type: 'bar',
      counting_mode: 'mixed',
      features: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { tenantId: tenant.id, serviceId: service.id };
}

describe('0010_purchasing', () => {
  it('turns the products’ free-text supplier into one supplier per tenant and name, and links them', async () => {
    await m0010.down(t.db);
    const a = await tenantWithService('A');
    const b = await tenantWithService('B');
    const insert = (tenant: { tenantId: string; serviceId: string }, name: string, supplier: string | null) =>
      sql`insert into products (tenant_id, service_id, name, unit, supplier)
          values (${tenant.tenantId}, ${tenant.serviceId}, ${name}, 'pcs', ${supplier})`.execute(t.db);
    await insert(a, 'Gin', 'Metro');
    await insert(a, 'Rhum', ' metro ');
    await insert(a, 'Vodka', 'Promocash');
    await insert(a, 'Eau', '  ');
    await insert(a, 'Sel', null);
    await insert(b, 'Gin', 'Metro');
    await m0010.up(t.db);

    const suppliers = await t.db
      .selectFrom('suppliers')
      .select(['tenant_id', 'name'])
      .orderBy('tenant_id')
      .orderBy('name')
      .execute();
    expect(suppliers.filter((s) => s.tenant_id === a.tenantId).map((s) => s.name)).toEqual([
      'Metro',
      'Promocash',
    ]);
    expect(suppliers.filter((s) => s.tenant_id === b.tenantId).map((s) => s.name)).toEqual(['Metro']);

    const linked = await t.db
      .selectFrom('products as p')
      .leftJoin('suppliers as s', 's.id', 'p.supplier_id')
      .select(['p.name', 'p.tenant_id', 's.name as supplier_name', 's.tenant_id as supplier_tenant'])
      .orderBy('p.name')
      .execute();
    for (const row of linked) if (row.supplier_tenant) expect(row.supplier_tenant).toBe(row.tenant_id);
    const ofA = Object.fromEntries(
      linked.filter((r) => r.tenant_id === a.tenantId).map((r) => [r.name, r.supplier_name]),
    );
    expect(ofA).toEqual({ Gin: 'Metro', Rhum: 'Metro', Vodka: 'Promocash', Eau: null, Sel: null });
  });

  it('keeps a supplier name unique per tenant among live suppliers only', async () => {
    const { tenantId } = await tenantWithService('C');
    const first = await t.db
      .insertInto('suppliers')
      .values({ tenant_id: tenantId, name: 'Brasseur' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      t.db.insertInto('suppliers').values({ tenant_id: tenantId, name: 'BRASSEUR' }).execute(),
    ).rejects.toThrow(/suppliers_tenant_name_live/);
    await t.db.updateTable('suppliers').set({ archived_at: new Date() }).where('id', '=', first.id).execute();
    await expect(
      t.db.insertInto('suppliers').values({ tenant_id: tenantId, name: 'Brasseur' }).execute(),
    ).resolves.toBeDefined();
  });

  it('refuses a transfer from a service to itself and a period status outside the enum', async () => {
    const { tenantId, serviceId } = await tenantWithService('D');
    await expect(
      t.db
        .insertInto('transfers')
        .values({
          tenant_id: tenantId,
          from_service_id: serviceId,
          to_service_id: serviceId,
          moved_on: '2026-03-02',
          month: '2026-03',
        })
        .execute(),
    ).rejects.toThrow(/check/);
    await expect(
      sql`insert into inventory_periods (tenant_id, service_id, month, status)
          values (${tenantId}, ${serviceId}, '2026-03', 'LOCKED')`.execute(t.db),
    ).rejects.toThrow(/check/);
  });
});
