import { describe, expect, it } from 'vitest';
import { loadExpectedOnHand } from '../src/inventory/expected-on-hand';
import { createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });

async function product(f: TenantFixture, serviceIndex: number, name: string, unit: 'pcs' | 'kg' = 'pcs') {
  const row = await t.db
    .insertInto('products')
    .values({
      tenant_id: f.tenantId,
      service_id: f.services[serviceIndex]!.id,
      name,
      unit,
      barcode: name === 'Gin' ? '3000000000011' : null,
      purchase_price: 20,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const loss = (
  f: TenantFixture,
  serviceId: string,
  productId: string,
  month: string,
  quantity: number,
  unit: 'pcs' | 'g' = 'pcs',
) =>
  t.db
    .insertInto('loss_events')
    .values({
      tenant_id: f.tenantId,
      service_id: serviceId,
      product_id: productId,
      occurred_at: new Date(`${month}-03T10:00:00Z`),
      inventory_month: month,
      quantity,
      unit,
      reason: 'breakage',
    })
    .execute();

const sale = (f: TenantFixture, serviceId: string, productId: string, month: string, quantity: number) =>
  t.db
    .insertInto('sales_lines')
    .values({
      tenant_id: f.tenantId,
      service_id: serviceId,
      month,
      product_id: productId,
      quantity_sold: quantity,
      revenue: quantity * 9,
      import_id: null,
    })
    .execute();

/**
 * The bar's gin: counted in September (superseded) and October (4 + 6 and an opened bottle at 0.25 in the bar
 * place), then in November a delivery, a transfer in from the reserve and one back out, a loss and till sales.
 * October's own flows sit before October's closing count and must not be added again.
 */
async function seedBar() {
  const f = await createTenantFixture(t.db, t.config, {
    plan: 'PRO',
    services: [
      { name: 'Réserve', service_type: 'bar' },
      { name: 'Bar', service_type: 'bar' },
    ],
    now: NOW,
  });
  const [reserve, bar] = [f.services[0]!.id, f.services[1]!.id];
  const api = t.trpc(f.owner.token);
  const reserveGin = await product(f, 0, 'Gin');
  const gin = await product(f, 1, 'Gin');
  const lemons = await product(f, 1, 'Citrons', 'kg');
  const neverCounted = await product(f, 1, 'Sirop');
  const place = await api.inventory.locations.create.mutate({ service_id: bar, name: 'Bar' });
  await api.inventory.counts.upsert.mutate({
    service_id: bar,
    month: '2026-09',
    lines: [{ product_id: gin, quantity: 3 }],
  });
  await api.inventory.counts.upsert.mutate({
    service_id: bar,
    month: '2026-10',
    lines: [
      { product_id: gin, quantity: 4 },
      {
        product_id: gin,
        quantity: 6,
        location_id: place.id,
        container_status: 'OPENED',
        remaining_fraction: 0.25,
      },
      { product_id: lemons, quantity: 2.5 },
    ],
  });
  await api.inventory.counts.upsert.mutate({
    service_id: reserve,
    month: '2026-10',
    lines: [{ product_id: reserveGin, quantity: 100 }],
  });
  const deliver = (received_on: string, product_id: string, quantity: number) =>
    api.purchasing.receipts.create.mutate({
      service_id: bar,
      received_on,
      lines: [{ product_id, quantity }],
    });
  await deliver('2026-10-20', gin, 100);
  await deliver('2026-11-05', gin, 12);
  await deliver('2026-11-06', neverCounted, 7);
  const move = (from: string, to: string, moved_on: string, product_id: string, quantity: number) =>
    api.purchasing.transfers.create.mutate({
      from_service_id: from,
      to_service_id: to,
      moved_on,
      lines: [{ product_id, quantity }],
    });
  await move(reserve, bar, '2026-10-25', reserveGin, 50);
  await move(reserve, bar, '2026-11-10', reserveGin, 5);
  await move(bar, reserve, '2026-11-12', gin, 2);
  await loss(f, bar, gin, '2026-10', 9);
  await loss(f, bar, gin, '2026-11', 1.5);
  await loss(f, bar, lemons, '2026-11', 300, 'g');
  await sale(f, bar, gin, '2026-10', 40);
  await sale(f, bar, gin, '2026-11', 3.5);
  return { f, bar, reserve, gin, lemons, neverCounted, reserveGin, api };
}

describe('expected on-hand (SPEC §11)', () => {
  it('spot check: last count + deliveries + transfers in − out − losses − sold of the months after it', async () => {
    const { bar, gin, api } = await seedBar();
    const counted = 4 + 6 + 0.25;
    const expected = counted + 12 + 5 - 2 - 1.5 - 3.5;
    expect(expected).toBe(20.25);

    const check = await api.inventory.spotChecks.create.mutate({
      service_id: bar,
      product_id: gin,
      quantity: 19,
    });

    expect(check).toMatchObject({ quantity: 19, expected, difference: 19 - expected });
    const stored = await t.db
      .selectFrom('spot_checks')
      .select(['expected', 'difference'])
      .where('id', '=', check.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ expected: 20.25, difference: -1.25 });
  });

  it('one call gives every counted product of a service with what its figure is made of', async () => {
    const { f, bar, reserve, gin, lemons, neverCounted, reserveGin } = await seedBar();

    const all = await loadExpectedOnHand(t.db, f.tenantId, bar);

    expect([...all.keys()].sort()).toEqual([gin, lemons].sort());
    expect(all.get(gin)).toEqual({
      product_id: gin,
      counted_month: '2026-10',
      counted: 10.25,
      delivered: 12,
      transfers_in: 5,
      transfers_out: 2,
      losses: 1.5,
      sold: 3.5,
      expected: 20.25,
    });
    // 300 g lost of a product counted in kg.
    expect(all.get(lemons)).toMatchObject({ counted: 2.5, losses: 0.3, expected: 2.2 });
    expect(all.has(neverCounted)).toBe(false);
    // The reserve: 100 counted, 50 and 5 sent (October's is before its count), 2 back.
    const reserveSide = await loadExpectedOnHand(t.db, f.tenantId, reserve, [reserveGin]);
    expect(reserveSide.get(reserveGin)).toMatchObject({ transfers_in: 2, transfers_out: 5, expected: 97 });
    expect(await loadExpectedOnHand(t.db, f.tenantId, bar, [])).toEqual(new Map());
    // Another tenant's call with the same ids sees nothing.
    const other = await createTenantFixture(t.db, t.config, { now: NOW });
    expect((await loadExpectedOnHand(t.db, other.tenantId, bar, [gin])).size).toBe(0);
  });

  it('a count of the current month is the latest figure: that month’s flows sit before it', async () => {
    const { bar, gin, api } = await seedBar();
    await api.inventory.counts.upsert.mutate({
      service_id: bar,
      month: '2026-11',
      lines: [{ product_id: gin, quantity: 18 }],
    });

    const check = await api.inventory.spotChecks.create.mutate({
      service_id: bar,
      product_id: gin,
      quantity: 18,
    });

    expect(check).toMatchObject({ expected: 18, difference: 0 });
  });
});
