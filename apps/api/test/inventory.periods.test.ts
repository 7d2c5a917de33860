import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

async function seedProduct(f: TenantFixture, name: string, purchase_price: number | null = null) {
  const row = await t.db
    .insertInto('products')
    .values({ tenant_id: f.tenantId, service_id: f.services[0]!.id, name, unit: 'pcs', purchase_price })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const countsOf = (tenantId: string) =>
  t.db
    .selectFrom('counts')
    .select(['product_id', 'inventory_month', 'quantity', 'location_id'])
    .where('tenant_id', '=', tenantId)
    .orderBy('product_id')
    .orderBy('inventory_month')
    .execute();

const auditOf = (tenantId: string, action: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['user_id', 'object_id', 'meta'])
    .where('tenant_id', '=', tenantId)
    .where('action', '=', action)
    .orderBy('created_at')
    .execute();

describe('inventory.periods: close and reopen', () => {
  it('a month is OPEN until closed; closing says who and when, audits, and refuses every count and loss write', async () => {
    t.clock.set(NOW);
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const gin = await seedProduct(f, 'Gin', 12);
    const rum = await seedProduct(f, 'Rhum', 15);
    const owner = t.trpc(f.owner.token).inventory;
    const manager = await addMemberFixture(t.db, t.config, f.tenantId, 'manager', null, NOW);
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const op = t.trpc(operator.token).inventory;
    await op.counts.upsert.mutate({ service_id, month: MONTH, lines: [{ product_id: gin, quantity: 4 }] });
    await owner.counts.upsert.mutate({
      service_id,
      month: '2026-10',
      lines: [{ product_id: rum, quantity: 2 }],
    });
    const loss = await op.losses.create.mutate({
      service_id,
      product_id: gin,
      quantity: 1,
      reason: 'breakage',
    });

    expect(await op.periods.get.query({ service_id, month: MONTH })).toMatchObject({
      status: 'OPEN',
      closed_by: null,
      closed_at: null,
    });

    t.clock.set('2026-11-15T10:05:00Z');
    const closed = await t.trpc(manager.token).inventory.periods.close.mutate({ service_id, month: MONTH });
    expect(closed).toEqual({
      service_id,
      month: MONTH,
      status: 'CLOSED',
      closed_by: manager.id,
      closed_by_name: manager.username,
      closed_at: '2026-11-15T10:05:00.000Z',
      reopened_by: null,
      reopened_by_name: null,
      reopened_at: null,
      reopen_reason: null,
    });
    expect(await op.periods.get.query({ service_id, month: MONTH })).toEqual(closed);
    expect(await auditOf(f.tenantId, 'period.close')).toEqual([
      { user_id: manager.id, object_id: service_id, meta: { month: MONTH, lines: 1, products: 1 } },
    ]);

    const before = await countsOf(f.tenantId);
    const lossesBefore = await t.db
      .selectFrom('loss_events')
      .selectAll()
      .where('tenant_id', '=', f.tenantId)
      .execute();
    const writes = [
      op.counts.upsert.mutate({ service_id, month: MONTH, lines: [{ product_id: rum, quantity: 9 }] }),
      op.counts.clear.mutate({ service_id, month: MONTH, product_ids: [gin] }),
      owner.counts.copyFromPreviousMonth.mutate({ service_id, month: MONTH }),
      op.losses.create.mutate({
        service_id,
        product_id: gin,
        quantity: 1,
        reason: 'theft',
        occurred_at: '2026-11-10',
      }),
      op.losses.delete.mutate({ id: loss.id }),
      owner.periods.mark.mutate({ service_id, month: MONTH, product_id: gin, decision: 'OK' }),
    ];
    for (const refused of await Promise.all(writes.map(failure)))
      expect(refused.data).toMatchObject({ code: 'MONTH_CLOSED', http_status: 409 });
    expect(await countsOf(f.tenantId)).toEqual(before);
    expect(
      await t.db.selectFrom('loss_events').selectAll().where('tenant_id', '=', f.tenantId).execute(),
    ).toEqual(lossesBefore);
    // The message is French by default, English on request.
    const en = await failure(
      t.trpc(operator.token, 'en').inventory.counts.upsert.mutate({
        service_id,
        month: MONTH,
        lines: [{ product_id: rum, quantity: 9 }],
      }),
    );
    expect(en.message).toBe('This month is closed: reopen it to change it.');

    // Another month of the same service, and reading, still work.
    await op.counts.upsert.mutate({
      service_id,
      month: '2026-10',
      lines: [{ product_id: gin, quantity: 3 }],
    });
    const screen = await op.counts.screen.query({ service_id, month: MONTH });
    expect(screen.items.find((i) => i.product.id === gin)?.total).toBe(4);
    // Closing again changes nothing (no second audit, same closer).
    expect(await owner.periods.close.mutate({ service_id, month: MONTH })).toEqual(closed);
    expect(await auditOf(f.tenantId, 'period.close')).toHaveLength(1);
  });

  it('reopening needs a reason, is audited and shown; the month takes writes again', async () => {
    t.clock.set(NOW);
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const gin = await seedProduct(f, 'Gin');
    const owner = t.trpc(f.owner.token).inventory;
    await owner.periods.close.mutate({ service_id, month: MONTH });

    const noReason = await failure(owner.periods.reopen.mutate({ service_id, month: MONTH, reason: '  ' }));
    expect(noReason.data).toMatchObject({ code: 'VALIDATION_ERROR', fields: { reason: expect.any(String) } });
    expect((await owner.periods.get.query({ service_id, month: MONTH })).status).toBe('CLOSED');

    t.clock.set('2026-11-15T10:06:00Z');
    const reopened = await owner.periods.reopen.mutate({
      service_id,
      month: MONTH,
      reason: 'Livraison oubliée dans la réserve',
    });
    expect(reopened).toMatchObject({
      status: 'OPEN',
      closed_by: f.owner.id,
      closed_at: NOW.toISOString(),
      reopened_by: f.owner.id,
      reopened_by_name: f.owner.username,
      reopened_at: '2026-11-15T10:06:00.000Z',
      reopen_reason: 'Livraison oubliée dans la réserve',
    });
    expect(await auditOf(f.tenantId, 'period.reopen')).toEqual([
      {
        user_id: f.owner.id,
        object_id: service_id,
        meta: { month: MONTH, reason: 'Livraison oubliée dans la réserve' },
      },
    ]);
    const written = await owner.counts.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: gin, quantity: 2 }],
    });
    expect(written.applied).toBe(1);
    // Reopening an open month changes nothing.
    expect(await owner.periods.reopen.mutate({ service_id, month: MONTH, reason: 'encore' })).toEqual(
      reopened,
    );
    expect(await auditOf(f.tenantId, 'period.reopen')).toHaveLength(1);
  });

  it('manager+ and BOUTIQUE+ close; reading the month is for every member and plan; a future month cannot close', async () => {
    t.clock.set(NOW);
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const op = t.trpc(operator.token).inventory.periods;
    const refused = await Promise.all(
      [
        op.close.mutate({ service_id, month: MONTH }),
        op.reopen.mutate({ service_id, month: MONTH, reason: 'erreur' }),
        op.review.query({ service_id, month: MONTH }),
      ].map(failure),
    );
    for (const r of refused) expect(r.data).toMatchObject({ code: 'FORBIDDEN_ROLE', http_status: 403 });
    const future = await failure(
      t.trpc(f.owner.token).inventory.periods.close.mutate({ service_id, month: '2026-12' }),
    );
    expect(future.data).toMatchObject({ code: 'VALIDATION_ERROR', fields: { month: expect.any(String) } });

    const free = await createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL', now: NOW });
    const freeService = free.services[0]!.id;
    const freeApi = t.trpc(free.owner.token).inventory.periods;
    const notIncluded = await Promise.all(
      [
        freeApi.close.mutate({ service_id: freeService, month: MONTH }),
        freeApi.review.query({ service_id: freeService, month: MONTH }),
      ].map(failure),
    );
    for (const r of notIncluded)
      expect(r.data).toMatchObject({ code: 'FEATURE_NOT_INCLUDED', http_status: 403 });
    expect((await freeApi.get.query({ service_id: freeService, month: MONTH })).status).toBe('OPEN');
    expect(
      await t.db
        .selectFrom('inventory_periods')
        .select('id')
        .where('tenant_id', '=', free.tenantId)
        .execute(),
    ).toEqual([]);
    // A month closed before a downgrade can still be reopened (and corrected).
    await t.db
      .insertInto('inventory_periods')
      .values({ tenant_id: free.tenantId, service_id: freeService, month: '2026-10', status: 'CLOSED' })
      .execute();
    expect(
      (await freeApi.reopen.mutate({ service_id: freeService, month: '2026-10', reason: 'Erreur de saisie' }))
        .status,
    ).toBe('OPEN');
  });
});
