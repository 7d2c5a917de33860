import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { capContext, contextBytes, MAX_CONTEXT_BYTES } from '../src/assistant/context-cap';
import type { AssistantContext } from '../src/assistant/context-types';
import {
  addCount,
  addLoss,
  addProduct,
  completion,
  seedBar,
  sentContext,
  VALID_ANSWER,
} from './assistant-helpers';
import { addMemberFixture, createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const t = await startTestApp({ now: NOW });
const fake = t.fakes.openai;

beforeEach(() => {
  fake.reset();
  fake.handle(() => completion(JSON.stringify(VALID_ANSWER)));
});

const TWO_SERVICES = [
  { name: 'Bar', service_type: 'bar' as const },
  { name: 'Cuisine', service_type: 'kitchen' as const },
];

async function twoServices(plan: 'BOUTIQUE' | 'PRO') {
  const f = await createTenantFixture(t.db, t.config, { plan, services: TWO_SERVICES, now: NOW });
  const [bar, kitchen] = f.services.map((s) => s.id) as [string, string];
  await seedBar(t.db, f.tenantId, bar);
  const beef = await addProduct(t.db, f.tenantId, kitchen, {
    name: 'Bœuf haché',
    unit: 'kg',
    purchase_price: 12,
  });
  await addCount(t.db, f.tenantId, kitchen, beef, '2026-11', 10);
  return { ...f, bar, kitchen };
}

async function ask(token: string, json: Record<string, unknown> = {}) {
  const res = await t.request('/api/ai/assistant/', { method: 'POST', token, json });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const aiRequests = async (tenantId: string) =>
  (
    await t.db
      .selectFrom('usage_events')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', 'ai_request')
      .execute()
  ).length;

describe('tenant isolation and service scope', () => {
  it('another tenant’s service id → 404 NOT_FOUND on REST and tRPC, nothing sent, nothing counted', async () => {
    const mine = await twoServices('PRO');
    const theirs = await twoServices('PRO');
    const rest = await ask(mine.owner.token, { service_id: theirs.bar });
    const trpc = await t
      .trpc(mine.owner.token)
      .assistant.ask.mutate({ service_id: theirs.bar })
      .catch((e: unknown) => e);

    expect(rest).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(trpc).toBeInstanceOf(TRPCClientError);
    expect((trpc as TRPCClientError<never>).data).toMatchObject({ code: 'NOT_FOUND', http_status: 404 });
    expect(fake.requests).toHaveLength(0);
    expect(await aiRequests(mine.tenantId)).toBe(0);
  });

  it('an operator scoped to the bar gets 404 for the kitchen, and only the bar without a service id', async () => {
    const f = await twoServices('PRO');
    const operator = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', f.bar, NOW);
    const kitchen = await ask(operator.token, { service_id: f.kitchen });
    const own = await ask(operator.token, {});

    expect(kitchen).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(own).toMatchObject({ status: 200, body: { mode: 'ai' } });
    expect(fake.requests).toHaveLength(1);
    const context = sentContext(fake.requests[0]);
    expect(context.services).toEqual(['Bar']);
    expect(context.totals).toMatchObject({ products: 4, stock_value_purchase: 45 });
    expect(JSON.stringify(context)).not.toContain('Bœuf');
  });

  it('the context holds only the asking tenant’s figures', async () => {
    const mine = await twoServices('PRO');
    const theirs = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
    const secret = await addProduct(t.db, theirs.tenantId, theirs.services[0]?.id as string, {
      name: 'Champagne secret',
      purchase_price: 900,
    });
    await addCount(t.db, theirs.tenantId, theirs.services[0]?.id as string, secret, '2026-11', 0);
    await ask(mine.owner.token, {});

    const context = sentContext(fake.requests[0]);
    expect(JSON.stringify(context)).not.toContain('Champagne');
    expect(context.totals).toMatchObject({ products: 5, counted: 4, stock_value_purchase: 165 });
  });
});

describe('which services the context covers', () => {
  it('PRO without a service id: every service, with a per-service breakdown', async () => {
    const f = await twoServices('PRO');
    await ask(f.owner.token, {});

    const context = sentContext(fake.requests[0]);
    expect(context.services).toEqual(['Bar', 'Cuisine']);
    expect(context.by_service).toEqual([
      expect.objectContaining({ name: 'Bar', products: 4, stock_value_purchase: 45 }),
      expect.objectContaining({ name: 'Cuisine', products: 1, stock_value_purchase: 120 }),
    ]);
  });

  it('BOUTIQUE (no multi-service analytics): the first service by default, the other one when asked', async () => {
    const f = await twoServices('BOUTIQUE');
    await ask(f.owner.token, {});
    await ask(f.owner.token, { service_id: f.kitchen });

    expect(sentContext(fake.requests[0])).toMatchObject({ services: ['Bar'], by_service: [] });
    expect(sentContext(fake.requests[1])).toMatchObject({
      services: ['Cuisine'],
      totals: { products: 1, counted: 1, stock_value_purchase: 120 },
    });
  });
});

describe('context contents', () => {
  it('alerts, losses by reason with cost, biggest changes and data quality of the month', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
    await seedBar(t.db, f.tenantId, f.services[0]?.id as string);
    await ask(f.owner.token, { month: '2026-11' });

    const context = sentContext(fake.requests[0]);
    expect(context).toMatchObject({
      today: '2026-11-15',
      retention_limited: false,
      out_of_stock: { count: 1, items: [{ name: 'Gin Bombay', unit: 'pcs', min_qty: 2 }] },
      low_stock: { count: 1, items: [{ name: 'Vodka Absolut', quantity: 2, min_qty: 3, unit: 'pcs' }] },
      expiring_soon: {
        count: 1,
        items: [{ name: 'Citrons', quantity: 5, unit: 'kg', expiry_date: '2026-11-25', days_left: 10 }],
      },
      losses: {
        events: 2,
        cost: 31.5,
        unpriced_events: 0,
        previous_cost: 20,
        by_reason: [
          { reason: 'breakage', events: 1, cost: 30 },
          { reason: 'expired', events: 1, cost: 1.5 },
        ],
        top_products: [
          { name: 'Vodka Absolut', events: 1, unit: 'pcs', cost: 30 },
          { name: 'Citrons', events: 1, unit: 'kg', cost: 1.5 },
        ],
      },
      biggest_changes: [
        { name: 'Gin Bombay', unit: 'pcs', previous_quantity: 4, quantity: 0, value_change: -80 },
        { name: 'Vodka Absolut', unit: 'pcs', previous_quantity: 6, quantity: 2, value_change: -60 },
      ],
      // Bar preset: selling price off (not reported); expiry dates on, and every item in stock has one.
      data_quality: {
        missing_purchase_price: 1,
        missing_selling_price: 0,
        missing_identifier: 1,
        missing_category: 0,
        counted_without_expiry: 0,
      },
      plan_features: expect.arrayContaining(['ai_assistant_basic', 'loss_management', 'alerts_expiry']),
    });
  });

  it('leaves out what the plan does not include: BOUTIQUE has no expiry alerts', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'BOUTIQUE', now: NOW });
    await seedBar(t.db, f.tenantId, f.services[0]?.id as string);
    await ask(f.owner.token, {});

    const context = sentContext(fake.requests[0]);
    expect(context).toMatchObject({ expiring_soon: null, low_stock: { count: 1 }, losses: { events: 2 } });
    // Consumption without the unexplained column (PRO), hence no gaps.
    expect(context.consumption).toMatchObject({ unexplained_cost: null, biggest_gaps: [] });
    expect(context.plan_features).not.toContain('alerts_expiry');
  });

  it('PRO with imported till sales: the month’s cost of goods and its biggest unexplained gaps', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
    const service = f.services[0]?.id as string;
    const gin = await addProduct(t.db, f.tenantId, service, { name: 'Gin', purchase_price: 20 });
    const vodka = await addProduct(t.db, f.tenantId, service, { name: 'Vodka', purchase_price: 15 });
    for (const [product, october, november, sold, revenue] of [
      [gin, 10, 4, 3, 90],
      [vodka, 6, 2, 4, 80],
    ] as const) {
      await addCount(t.db, f.tenantId, service, product, '2026-10', october);
      await addCount(t.db, f.tenantId, service, product, '2026-11', november);
      await t.db
        .insertInto('sales_lines')
        .values({
          tenant_id: f.tenantId,
          service_id: service,
          month: '2026-11',
          product_id: product,
          quantity_sold: sold,
          revenue,
          import_id: null,
        })
        .execute();
    }
    await ask(f.owner.token, { month: '2026-11' });

    // Gin: 6 used, 3 sold → 3 missing (60 €); Vodka: 4 used, 4 sold → no gap.
    expect(sentContext(fake.requests[0]).consumption).toEqual({
      usage_cost: 180,
      unexplained_cost: 60,
      cost_pct: 105.88,
      missing_count: 0,
      biggest_gaps: [{ name: 'Gin', unit: 'pcs', unexplained: 3, cost: 60 }],
    });
  });

  it('an opened container counts its remaining fraction in the stock value', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'BOUTIQUE', now: NOW });
    const service = f.services[0]?.id as string;
    const rum = await addProduct(t.db, f.tenantId, service, { name: 'Rhum', unit: 'l', purchase_price: 20 });
    await addCount(t.db, f.tenantId, service, rum, '2026-11', 2, {
      container_status: 'OPENED',
      remaining_fraction: 0.25,
      expiry_date: '2030-01-01',
    });
    await ask(f.owner.token, {});

    expect(sentContext(fake.requests[0]).totals).toMatchObject({ counted: 1, stock_value_purchase: 45 });
  });

  it('retention: a 14-day history plan sees this month but neither last month nor older ones', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'ESSENTIEL', now: NOW });
    await t.db
      .updateTable('tenants')
      .set({
        entitlement_overrides: JSON.stringify({
          features: { ai_assistant_basic: true, loss_management: true },
          limits: { ai_requests_month: 5 },
        }),
      })
      .where('id', '=', f.tenantId)
      .execute();
    const service = f.services[0]?.id as string;
    await seedBar(t.db, f.tenantId, service);
    const old = await addProduct(t.db, f.tenantId, service, { name: 'Vieux stock', purchase_price: 10 });
    await addCount(t.db, f.tenantId, service, old, '2026-08', 7);
    await ask(f.owner.token, {});
    await ask(f.owner.token, { month: '2026-08' });

    expect(sentContext(fake.requests[0])).toMatchObject({
      plan: 'ESSENTIEL',
      retention_limited: true,
      totals: { counted: 3, stock_value_purchase: 45 },
      previous: null,
      biggest_changes: [],
      losses: { cost: 31.5, previous_cost: null },
    });
    expect(sentContext(fake.requests[1])).toMatchObject({
      month: '2026-08',
      retention_limited: true,
      totals: { products: 0, counted: 0, stock_value_purchase: 0 },
      losses: { events: 0 },
      out_of_stock: null,
    });
  });

  it('stays under 8 KB with many long-named alerts: top lists, full counters', async () => {
    const f = await createTenantFixture(t.db, t.config, { plan: 'PRO', now: NOW });
    const service = f.services[0]?.id as string;
    const long = 'Produit au nom vraiment très long pour remplir le contexte de l’assistant numéro';
    for (let i = 0; i < 40; i++) {
      const id = await addProduct(t.db, f.tenantId, service, {
        name: `${long} ${i}`,
        purchase_price: 5,
        min_qty: 10,
      });
      await addCount(t.db, f.tenantId, service, id, '2026-11', i % 2 === 0 ? 0 : 1, {
        expiry_date: '2026-11-20',
      });
      await addCount(t.db, f.tenantId, service, id, '2026-10', 20);
      await addLoss(t.db, f.tenantId, service, id, '2026-11', 1, 'pcs', 'theft');
    }
    await ask(f.owner.token, {});

    const context = sentContext(fake.requests[0]) as unknown as AssistantContext;
    expect(contextBytes(context)).toBeLessThanOrEqual(MAX_CONTEXT_BYTES);
    expect(context.out_of_stock?.count).toBe(20);
    expect(context.low_stock?.count).toBe(20);
    expect(context.expiring_soon?.count).toBe(20);
    expect(context.out_of_stock?.items.length).toBeLessThanOrEqual(8);
    expect(context.losses).toMatchObject({ events: 40, cost: 200 });
    expect(context.out_of_stock?.items[0]?.name.length).toBeLessThanOrEqual(60);
  });
});

describe('capContext', () => {
  it('halves the longest lists until the JSON fits, keeping every counter', () => {
    const item = { name: 'x'.repeat(60), unit: 'pcs' as const, min_qty: 1 };
    const big = {
      month: '2026-11',
      out_of_stock: { count: 500, items: Array.from({ length: 500 }, () => item) },
      low_stock: { count: 0, items: [] },
      expiring_soon: { count: 0, items: [] },
      losses: { top_products: [] },
      biggest_changes: [],
      by_service: [],
      services: ['Bar'],
    } as unknown as AssistantContext;

    const capped = capContext(big, 4096);

    expect(contextBytes(capped)).toBeLessThanOrEqual(4096);
    expect(capped.out_of_stock?.count).toBe(500);
    expect(capped.out_of_stock?.items.length).toBeGreaterThan(10);
    expect(big.out_of_stock?.items).toHaveLength(500);
  });
});
