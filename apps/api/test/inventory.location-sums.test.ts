/**
 * A product counted in several places: stats, alerts, exports and the assistant use the sum of its lines
 * (SPEC §11), never one line or each line twice.
 */
import { describe, expect, it } from 'vitest';
import { completion, sentContext, VALID_ANSWER } from './assistant-helpers';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

/** Gin (min 5, 10 €) counted 2 at the bar + 2.5 (opened) in the cellar; Rhum (min 1) 3 as a whole. */
async function twoPlaces() {
  const f = await createTenantFixture(t.db, t.config, { now: NOW, plan: 'PRO' });
  const service_id = f.services[0]!.id;
  const products = await t.db
    .insertInto('products')
    .values([
      { tenant_id: f.tenantId, service_id, name: 'Gin', unit: 'pcs', purchase_price: 10, min_qty: 5 },
      { tenant_id: f.tenantId, service_id, name: 'Rhum', unit: 'pcs', purchase_price: 20, min_qty: 1 },
    ])
    .returning(['id', 'name'])
    .execute();
  const gin = products.find((p) => p.name === 'Gin')!.id;
  const rum = products.find((p) => p.name === 'Rhum')!.id;
  const api = t.trpc(f.owner.token).inventory;
  const bar = await api.locations.create.mutate({ service_id, name: 'Bar' });
  const cave = await api.locations.create.mutate({ service_id, name: 'Cave' });
  await t.db
    .updateTable('services')
    .set({ features: JSON.stringify({ open_container_tracking: { enabled: true } }) })
    .where('id', '=', service_id)
    .execute();
  await api.counts.upsert.mutate({
    service_id,
    month: MONTH,
    lines: [
      { product_id: gin, quantity: 2, location_id: bar.id },
      {
        product_id: gin,
        quantity: 2,
        container_status: 'OPENED',
        remaining_fraction: 0.5,
        location_id: cave.id,
      },
      { product_id: rum, quantity: 3 },
    ],
  });
  return { f, service_id, gin, rum, api };
}

describe('sums over locations', () => {
  it('stats: the month value is the sum of the lines (4.5 × 10 + 3 × 20)', async () => {
    const { service_id, api } = await twoPlaces();
    const stats = await api.stats.query({ service_id, month: MONTH });
    expect(stats.totals).toMatchObject({ stock_value_purchase: 105, counted: 2, not_counted: 0 });
  });

  it('alerts: low stock compares the summed quantity with the minimum', async () => {
    const { service_id, api } = await twoPlaces();
    const alerts = await api.alerts.query({ service_id });
    expect(alerts.low_stock).toEqual([expect.objectContaining({ name: 'Gin', quantity: 4.5, min_qty: 5 })]);
  });

  it('exports: one row per product and month with the summed quantity', async () => {
    const { f, service_id } = await twoPlaces();
    const res = await t.request(`/api/export-excel/?service=${service_id}&format=csv&month=${MONTH}`, {
      token: f.owner.token,
    });
    expect(res.status).toBe(200);
    const lines = (await res.text()).split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Gin;;;4;pcs;Ouvert;0,5;/);
    expect(lines[1]).toMatch(/^Rhum;;;3;pcs;Scellé;/);
  });

  it('the assistant: totals and the low-stock list use the sum', async () => {
    const { f, service_id } = await twoPlaces();
    t.fakes.openai.reset();
    t.fakes.openai.handle(() => completion(JSON.stringify(VALID_ANSWER)));
    const res = await t.request('/api/ai/assistant/', {
      method: 'POST',
      token: f.owner.token,
      json: { service_id, question: 'Quel stock ?' },
    });
    expect(res.status).toBe(200);
    const context = sentContext(t.fakes.openai.requests[0]);
    expect(context.totals).toMatchObject({ products: 2, counted: 2, stock_value_purchase: 105 });
    expect(context.low_stock).toMatchObject({ count: 1, items: [{ name: 'Gin', quantity: 4.5 }] });
  });
});
