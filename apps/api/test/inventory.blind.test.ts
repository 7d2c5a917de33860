import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });

/** A bar with Gin counted 7 last month; an operator; blind counting switched on by the owner. */
async function blindBar(blind: boolean) {
  const f = await createTenantFixture(t.db, t.config, { now: NOW });
  const service_id = f.services[0]!.id;
  const gin = await t.db
    .insertInto('products')
    .values({ tenant_id: f.tenantId, service_id, name: 'Gin', unit: 'pcs', barcode: '1234567890128' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const owner = t.trpc(f.owner.token);
  await owner.inventory.counts.upsert.mutate({
    service_id,
    month: '2026-10',
    lines: [{ product_id: gin.id, quantity: 7 }],
  });
  const updated = await owner.services.update.mutate({ id: service_id, blind_counting: blind });
  expect(updated.blind_counting).toBe(blind);
  const op = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
  return { f, service_id, gin: gin.id, owner, operator: t.trpc(op.token) };
}

describe('blind counting', () => {
  it('operators see neither last month’s quantities nor copy from last month', async () => {
    const { service_id, operator } = await blindBar(true);
    const screen = await operator.inventory.counts.screen.query({ service_id, month: '2026-10' });
    expect(screen.items).toHaveLength(1);
    expect(screen.items[0]).toMatchObject({ count: null, lines: [], total: null });
    const counted = await operator.inventory.counts.screen.query({
      service_id,
      month: '2026-10',
      status: 'uncounted',
    });
    expect(counted.items[0]!.count).toBeNull();
    const lookup = await operator.inventory.lookup.query({ service_id, code: '1234567890128' });
    expect(lookup.last_counts).toEqual([]);
    const refused = await failure(
      operator.inventory.counts.copyFromPreviousMonth.mutate({ service_id, month: '2026-11' }),
    );
    expect(refused.data).toMatchObject({ code: 'FORBIDDEN_ROLE', httpStatus: 403 });
    expect(
      await t.db
        .selectFrom('counts')
        .select('id')
        .where('inventory_month', '=', '2026-11')
        .where('service_id', '=', service_id)
        .execute(),
    ).toEqual([]);
  });

  it('managers and owners still see them, and operators do when the service is not blind', async () => {
    const blind = await blindBar(true);
    const manager = await addMemberFixture(t.db, t.config, blind.f.tenantId, 'manager', null, NOW);
    for (const api of [blind.owner, t.trpc(manager.token)]) {
      const screen = await api.inventory.counts.screen.query({
        service_id: blind.service_id,
        month: '2026-10',
      });
      expect(screen.items[0]!.total).toBe(7);
      const lookup = await api.inventory.lookup.query({
        service_id: blind.service_id,
        code: '1234567890128',
      });
      expect(lookup.last_counts.map((c) => c.quantity)).toEqual([7]);
    }
    expect(
      await blind.owner.inventory.counts.copyFromPreviousMonth.mutate({
        service_id: blind.service_id,
        month: '2026-11',
      }),
    ).toMatchObject({ copied: 1 });

    const open = await blindBar(false);
    const screen = await open.operator.inventory.counts.screen.query({
      service_id: open.service_id,
      month: '2026-10',
    });
    expect(screen.items[0]!.total).toBe(7);
    expect(
      await open.operator.inventory.counts.copyFromPreviousMonth.mutate({
        service_id: open.service_id,
        month: '2026-11',
      }),
    ).toMatchObject({ copied: 1 });
  });
});
