import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

type Unit = 'pcs' | 'kg' | 'g' | 'l' | 'ml';
interface Seed {
  name: string;
  unit?: Unit;
  category?: string;
  purchase_price?: number;
  selling_price?: number;
  min_qty?: number;
  archived_at?: string;
}

async function seedProducts(
  f: TenantFixture,
  serviceIndex: number,
  seeds: Seed[],
): Promise<Record<string, string>> {
  const rows = await t.db
    .insertInto('products')
    .values(
      seeds.map((s) => ({
        tenant_id: f.tenantId,
        service_id: f.services[serviceIndex]!.id,
        name: s.name,
        unit: s.unit ?? 'pcs',
        category: s.category ?? null,
        purchase_price: s.purchase_price ?? null,
        selling_price: s.selling_price ?? null,
        min_qty: s.min_qty ?? null,
        archived_at: s.archived_at ?? null,
        created_at: '2026-09-01T00:00:00Z',
      })),
    )
    .returning(['id', 'name'])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}

/**
 * The hand-computed fixture: a dining room (both prices tracked, mixed units) counted in October and
 * November, with losses, plus a bar of one product for the all-services view.
 */
async function statsFixture(plan: 'BOUTIQUE' | 'PRO' = 'PRO') {
  const f = await createTenantFixture(t.db, t.config, {
    now: NOW,
    plan,
    services: [
      { name: 'Salle', service_type: 'restaurant_dining' },
      { name: 'Bar', service_type: 'bar' },
    ],
  });
  const [room, bar] = [f.services[0]!.id, f.services[1]!.id];
  const p = await seedProducts(f, 0, [
    { name: 'Vin rouge', category: 'Vins', purchase_price: 4.2, selling_price: 12, min_qty: 6 },
    { name: 'Whisky', category: 'Spiritueux', purchase_price: 18.5, selling_price: 45, min_qty: 2 },
    { name: 'Farine', category: 'Épicerie', unit: 'kg', purchase_price: 0.85, min_qty: 10 },
    { name: 'Citron', selling_price: 0.5 },
    { name: 'Sirop', category: 'Épicerie', purchase_price: 3.1, selling_price: 6 },
    {
      name: 'Ancien',
      category: 'Vins',
      purchase_price: 5,
      selling_price: 10,
      archived_at: '2026-10-20T00:00:00Z',
    },
  ]);
  const b = await seedProducts(f, 1, [{ name: 'Gin', purchase_price: 20 }]);
  const api = t.trpc(f.owner.token).inventory;
  await api.counts.upsert.mutate({
    service_id: room,
    month: '2026-10',
    lines: [
      { product_id: p['Vin rouge']!, quantity: 12 },
      { product_id: p.Whisky!, quantity: 2 },
      { product_id: p.Farine!, quantity: 8 },
      { product_id: p.Ancien!, quantity: 4 },
    ],
  });
  await api.counts.upsert.mutate({
    service_id: room,
    month: MONTH,
    lines: [
      { product_id: p['Vin rouge']!, quantity: 10 },
      { product_id: p.Whisky!, quantity: 3, container_status: 'OPENED', remaining_fraction: 0.5 },
      { product_id: p.Farine!, quantity: 12.345 },
      { product_id: p.Citron!, quantity: 20 },
    ],
  });
  await api.counts.upsert.mutate({
    service_id: bar,
    month: MONTH,
    lines: [{ product_id: b.Gin!, quantity: 2 }],
  });
  const loss = (
    product_id: string,
    quantity: number,
    reason: 'breakage' | 'expired' | 'theft' | 'other',
    extra = {},
  ) => api.losses.create.mutate({ service_id: room, product_id, quantity, reason, ...extra });
  await loss(p['Vin rouge']!, 2, 'breakage');
  await loss(p.Whisky!, 1, 'breakage');
  await loss(p.Farine!, 1500, 'expired', { unit: 'g' });
  await loss(p.Citron!, 5, 'theft');
  await loss(p['Vin rouge']!, 1, 'other', { occurred_at: '2026-10-30' });
  await api.losses.create.mutate({ service_id: bar, product_id: b.Gin!, quantity: 1, reason: 'breakage' });
  return { f, room, bar, p };
}

describe('inventory.stats — hand-computed', () => {
  it('values, categories, losses, change vs October and counted vs not counted for one service', async () => {
    const { f, room, p } = await statsFixture();
    const stats = await t.trpc(f.owner.token).inventory.stats.query({ service_id: room, month: MONTH });
    // November stock: Vin 10 × 4.20 = 42.00 | 120.00; Whisky (3 + ½) × 18.50 = 64.75 | 157.50;
    // Farine 12.345 × 0.85 = 10.49325 | 0; Citron 20 × (no price) = 0 | 10.00. Sirop live, not counted;
    // Ancien archived in October, not counted: not part of November.
    expect(stats).toMatchObject({
      month: MONTH,
      service_id: room,
      currency_code: 'EUR',
      retention_limited: false,
      totals: {
        stock_value_purchase: 117.24,
        stock_value_selling: 287.5,
        products: 5,
        counted: 4,
        not_counted: 1,
        // Vin 2 × 4.20 + Whisky 1 × 18.50 + Farine 1.5 kg × 0.85 + Citron (no price): 8.40 + 18.50 + 1.275 = 28.175
        losses_events: 4,
        losses_quantity: 1508,
        losses_cost: 28.18,
      },
      // October: Vin 12 × 4.20 + Whisky 2 × 18.50 + Farine 8 × 0.85 + Ancien 4 × 5 = 50.40 + 37 + 6.80 + 20
      previous: { month: '2026-10', stock_value_purchase: 114.2, stock_value_selling: 274, counted: 4 },
      change: { stock_value_purchase: 3.04, stock_value_selling: 13.5 },
    });
    expect(stats.by_category).toEqual([
      {
        category: 'Spiritueux',
        products: 1,
        counted: 1,
        stock_value_purchase: 64.75,
        stock_value_selling: 157.5,
      },
      { category: 'Vins', products: 1, counted: 1, stock_value_purchase: 42, stock_value_selling: 120 },
      { category: 'Épicerie', products: 2, counted: 1, stock_value_purchase: 10.49, stock_value_selling: 0 },
      { category: null, products: 1, counted: 1, stock_value_purchase: 0, stock_value_selling: 10 },
    ]);
    expect(stats.losses_by_reason).toEqual([
      { reason: 'breakage', events: 2, quantity: 3, cost: 26.9 },
      { reason: 'expired', events: 1, quantity: 1500, cost: 1.28 },
      { reason: 'theft', events: 1, quantity: 5, cost: 0 },
    ]);
    expect(stats.product_changes).toEqual([
      {
        product_id: p.Whisky,
        name: 'Whisky',
        category: 'Spiritueux',
        unit: 'pcs',
        quantity: 3.5,
        previous_quantity: 2,
        quantity_change: 1.5,
        value_purchase: 64.75,
        value_change: 27.75,
      },
      expect.objectContaining({
        name: 'Ancien',
        quantity: null,
        previous_quantity: 4,
        quantity_change: -4,
        value_change: -20,
      }),
      expect.objectContaining({
        name: 'Vin rouge',
        quantity_change: -2,
        value_purchase: 42,
        value_change: -8.4,
      }),
      expect.objectContaining({
        name: 'Farine',
        quantity: 12.345,
        quantity_change: 4.345,
        value_purchase: 10.49,
        value_change: 3.69,
      }),
      expect.objectContaining({ name: 'Citron', quantity: 20, previous_quantity: null, value_change: 0 }),
    ]);
    const limited = await t
      .trpc(f.owner.token)
      .inventory.stats.query({ service_id: room, month: MONTH, changes_limit: 1 });
    expect(limited.product_changes.map((c) => c.name)).toEqual(['Whisky']);
  });

  it('a previous month that was never counted gives no change (nothing to compare), not a change from 0', async () => {
    // Given: October counted, September never.
    const { f, room } = await statsFixture();

    const october = await t.trpc(f.owner.token).inventory.stats.query({ service_id: room, month: '2026-10' });

    expect(october.totals.stock_value_purchase).toBeGreaterThan(0);
    expect(october.previous).toMatchObject({ month: '2026-09', counted: 0, stock_value_purchase: 0 });
    expect(october.change).toBeNull();
    expect(october.product_changes).toEqual([]);
    expect(october.retention_limited).toBe(false);
  });

  it('all services (PRO multi_service_analytics) adds the bar: Gin 2 × 20 and its breakage', async () => {
    const { f } = await statsFixture('PRO');
    const stats = await t.trpc(f.owner.token).inventory.stats.query({ service_id: 'all', month: MONTH });
    expect(stats.totals).toMatchObject({
      stock_value_purchase: 157.24,
      stock_value_selling: 287.5,
      products: 6,
      counted: 5,
      losses_events: 5,
      losses_cost: 48.18,
    });
    expect(stats.losses_by_reason[0]).toEqual({ reason: 'breakage', events: 3, quantity: 4, cost: 46.9 });
  });

  it('all services without PRO → 403 FEATURE_NOT_INCLUDED; a scoped operator → 403 FORBIDDEN_ROLE', async () => {
    const { f, room } = await statsFixture('BOUTIQUE');
    const error = await failure(
      t.trpc(f.owner.token).inventory.stats.query({ service_id: 'all', month: MONTH }),
    );
    expect(error.data).toMatchObject({ code: 'FEATURE_NOT_INCLUDED', http_status: 403, upgrade_to: 'PRO' });
    const pro = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'PRO' });
    const operator = await addMemberFixture(
      t.db,
      t.config,
      pro.tenantId,
      'operator',
      pro.services[0]!.id,
      NOW,
    );
    const scoped = await failure(
      t.trpc(operator.token).inventory.stats.query({ service_id: 'all', month: MONTH }),
    );
    expect(scoped.data).toMatchObject({ code: 'FORBIDDEN_ROLE', http_status: 403 });
    const other = await failure(
      t.trpc(pro.owner.token).inventory.stats.query({ service_id: room, month: MONTH }),
    );
    expect(other.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
  });

  it('ESSENTIEL: October is out of its 14 days — empty with retention_limited; November has no previous', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'ESSENTIEL' });
    const service_id = f.services[0]!.id;
    const p = await seedProducts(f, 0, [{ name: 'Gin', purchase_price: 20 }]);
    await t.db
      .insertInto('counts')
      .values(
        ['2026-10', MONTH].map((inventory_month) => ({
          tenant_id: f.tenantId,
          service_id,
          product_id: p.Gin!,
          inventory_month,
          quantity: 3,
        })),
      )
      .execute();
    const api = t.trpc(f.owner.token).inventory;
    const october = await api.stats.query({ service_id, month: '2026-10' });
    expect(october).toMatchObject({
      retention_limited: true,
      totals: { stock_value_purchase: 0, products: 0, counted: 0 },
      by_category: [],
      previous: null,
      change: null,
      product_changes: [],
    });
    const november = await api.stats.query({ service_id, month: MONTH });
    expect(november).toMatchObject({
      retention_limited: true,
      totals: { stock_value_purchase: 60, products: 1, counted: 1 },
      previous: null,
      change: null,
      product_changes: [],
    });
  });
});

describe('inventory.alerts', () => {
  /** A grocery counted in November: stock vs min_qty, and expiry dates around the 30/90-day thresholds. */
  async function alertsFixture(plan: 'ESSENTIEL' | 'BOUTIQUE' | 'PRO') {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      plan,
      services: [{ name: 'Épicerie', service_type: 'grocery_food' }],
    });
    const service_id = f.services[0]!.id;
    const p = await seedProducts(f, 0, [
      { name: 'At min', min_qty: 5 },
      { name: 'Below min', min_qty: 5 },
      { name: 'Above min', min_qty: 5 },
      { name: 'No min' },
      { name: 'Expired' },
      { name: 'In 30 days' },
      { name: 'In 31 days' },
      { name: 'In 90 days' },
      { name: 'In 91 days' },
      { name: 'Empty expiring' },
      { name: 'Old count', min_qty: 10 },
    ]);
    await t.db
      .insertInto('counts')
      .values([
        ...(
          [
            ['At min', 5, null],
            ['Below min', 4.999, null],
            ['Above min', 5.001, null],
            ['No min', 0, null],
            ['Expired', 1, '2026-11-14'],
            ['In 30 days', 1, '2026-12-15'],
            ['In 31 days', 1, '2026-12-16'],
            ['In 90 days', 1, '2027-02-13'],
            ['In 91 days', 1, '2027-02-14'],
            ['Empty expiring', 0, '2026-11-20'],
          ] as const
        ).map(([name, quantity, expiry_date]) => ({
          tenant_id: f.tenantId,
          service_id,
          product_id: p[name]!,
          inventory_month: MONTH,
          quantity,
          expiry_date,
        })),
        // the latest count is the one that matters: 3 in October, 12 in November
        {
          tenant_id: f.tenantId,
          service_id,
          product_id: p['Old count']!,
          inventory_month: '2026-10',
          quantity: 3,
        },
        {
          tenant_id: f.tenantId,
          service_id,
          product_id: p['Old count']!,
          inventory_month: MONTH,
          quantity: 12,
        },
      ])
      .execute();
    return { f, service_id };
  }

  it('PRO: low stock at or under min_qty; expiry ≤ 30 days critical, ≤ 90 warning, none beyond or when empty', async () => {
    const { f, service_id } = await alertsFixture('PRO');
    const alerts = await t.trpc(f.owner.token).inventory.alerts.query({ service_id });
    expect(alerts).toMatchObject({ month: MONTH, today: '2026-11-15', not_included: [] });
    expect(alerts.low_stock!.map((a) => [a.name, a.quantity, a.min_qty])).toEqual([
      ['At min', 5, 5],
      ['Below min', 4.999, 5],
    ]);
    expect(alerts.expiry!.map((a) => [a.name, a.days_left, a.severity])).toEqual([
      ['Expired', -1, 'critical'],
      ['In 30 days', 30, 'critical'],
      ['In 31 days', 31, 'warning'],
      ['In 90 days', 90, 'warning'],
    ]);
    // October's view: only what was counted by then
    const october = await t.trpc(f.owner.token).inventory.alerts.query({ service_id, month: '2026-10' });
    expect(october.low_stock!.map((a) => [a.name, a.quantity, a.month])).toEqual([
      ['Old count', 3, '2026-10'],
    ]);
  });

  it('BOUTIQUE gets low stock only (expiry null, not included); ESSENTIEL → 403 FEATURE_NOT_INCLUDED', async () => {
    const boutique = await alertsFixture('BOUTIQUE');
    const alerts = await t
      .trpc(boutique.f.owner.token)
      .inventory.alerts.query({ service_id: boutique.service_id });
    expect(alerts.expiry).toBeNull();
    expect(alerts.not_included).toEqual(['alerts_expiry']);
    expect(alerts.low_stock).toHaveLength(2);
    const essentiel = await alertsFixture('ESSENTIEL');
    const error = await failure(
      t.trpc(essentiel.f.owner.token).inventory.alerts.query({ service_id: essentiel.service_id }),
    );
    expect(error.data).toMatchObject({
      code: 'FEATURE_NOT_INCLUDED',
      http_status: 403,
      upgrade_to: 'BOUTIQUE',
    });
  });

  it("another tenant's service → 404; a scoped operator cannot read another service's alerts", async () => {
    const { f, service_id } = await alertsFixture('PRO');
    const other = await createTenantFixture(t.db, t.config, {
      now: NOW,
      plan: 'PRO',
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const operator = await addMemberFixture(
      t.db,
      t.config,
      other.tenantId,
      'operator',
      other.services[0]!.id,
      NOW,
    );
    for (const call of [
      () => t.trpc(other.owner.token).inventory.alerts.query({ service_id }),
      () => t.trpc(operator.token).inventory.alerts.query({ service_id: other.services[1]!.id }),
    ]) {
      const error = await failure(call());
      expect(error.data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    }
    expect(
      (await t.trpc(f.owner.token).inventory.alerts.query({ service_id: 'all' })).low_stock,
    ).toHaveLength(2);
  });
});
