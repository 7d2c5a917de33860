import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

async function seedProduct(f: TenantFixture, name: string, purchase_price: number | null) {
  const row = await t.db
    .insertInto('products')
    .values({ tenant_id: f.tenantId, service_id: f.services[0]!.id, name, unit: 'pcs', purchase_price })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Past months written straight to the table (one line each, the service as a whole). */
async function history(f: TenantFixture, productId: string, quantities: Record<string, number>) {
  await t.db
    .insertInto('counts')
    .values(
      Object.entries(quantities).map(([inventory_month, quantity]) => ({
        tenant_id: f.tenantId,
        service_id: f.services[0]!.id,
        product_id: productId,
        inventory_month,
        quantity,
      })),
    )
    .execute();
}

/** A bar: two rooms, an owner and an operator (Léa) counting November. */
async function bar() {
  t.clock.set(NOW);
  const f = await createTenantFixture(t.db, t.config, { now: NOW });
  const service_id = f.services[0]!.id;
  const owner = t.trpc(f.owner.token).inventory;
  const lea = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
  const op = t.trpc(lea.token).inventory;
  const salle = await owner.locations.create.mutate({ service_id, name: 'Bar' });
  const reserve = await owner.locations.create.mutate({ service_id, name: 'Réserve' });
  const p = {
    gin: await seedProduct(f, 'Gin', 20),
    vodka: await seedProduct(f, 'Vodka', 1),
    rhum: await seedProduct(f, 'Rhum', 15),
    whisky: await seedProduct(f, 'Whisky', 30),
    tonic: await seedProduct(f, 'Tonic', 0.5),
    sirop: await seedProduct(f, 'Sirop', 4),
    old: await seedProduct(f, 'Ancien', 4),
  };
  await t.db.updateTable('products').set({ archived_at: NOW }).where('id', '=', p.old).execute();
  await history(f, p.gin, { '2026-10': 10 });
  await history(f, p.vodka, { '2026-10': 10 });
  await history(f, p.rhum, { '2026-10': 1.5 });
  await history(f, p.whisky, { '2026-08': 2, '2026-09': 2, '2026-10': 7 });
  await history(f, p.tonic, { '2026-10': 12 });
  await history(f, p.old, { '2026-10': 3 });
  await owner.locations.setProducts.mutate({ id: reserve.id, product_ids: [p.gin, p.rhum, p.whisky] });

  await op.counts.upsert.mutate({
    service_id,
    month: MONTH,
    lines: [
      { product_id: p.gin, quantity: 12, location_id: salle.id, counted_at: '2026-11-15T09:50:00Z' },
      {
        product_id: p.rhum,
        quantity: 0,
        container_status: 'OPENED',
        remaining_fraction: 0.5,
        location_id: salle.id,
      },
      { product_id: p.whisky, quantity: 8, location_id: salle.id },
    ],
  });
  await owner.counts.upsert.mutate({
    service_id,
    month: MONTH,
    lines: [
      { product_id: p.gin, quantity: 8, location_id: reserve.id },
      {
        product_id: p.rhum,
        quantity: 1,
        container_status: 'OPENED',
        remaining_fraction: 0.3,
        location_id: reserve.id,
      },
      { product_id: p.vodka, quantity: 20 },
      { product_id: p.sirop, quantity: 2 },
    ],
  });
  return { f, service_id, owner, op, lea, salle, reserve, p };
}

describe('inventory.periods.review', () => {
  it('progress per place and counter, products missing since last month, suspicious products with their reasons and lines', async () => {
    const { f, service_id, owner, lea, salle, reserve, p } = await bar();

    const review = await owner.periods.review.query({ service_id, month: MONTH });

    expect(review.period).toMatchObject({ status: 'OPEN', month: MONTH });
    expect(review.previous_month).toBe('2026-10');
    expect(review.products).toEqual({ total: 6, counted: 5 });
    expect(review.by_location).toEqual([
      { location_id: null, name: null, counted: 2, expected: null, last_activity: NOW.toISOString() },
      { location_id: salle.id, name: 'Bar', counted: 3, expected: null, last_activity: NOW.toISOString() },
      { location_id: reserve.id, name: 'Réserve', counted: 2, expected: 3, last_activity: NOW.toISOString() },
    ]);
    expect(review.by_counter).toEqual(
      expect.arrayContaining([
        { user_id: lea.id, name: lea.username, lines: 3, products: 3, last_activity: NOW.toISOString() },
        {
          user_id: f.owner.id,
          name: f.owner.username,
          lines: 4,
          products: 4,
          last_activity: NOW.toISOString(),
        },
      ]),
    );
    expect(review.by_counter).toHaveLength(2);
    // Tonic was counted in October and not yet now; the archived product is not asked for.
    expect(review.missing).toEqual([
      { product_id: p.tonic, name: 'Tonic', category: null, unit: 'pcs', previous: 12 },
    ]);
    expect(review.missing_total).toBe(1);
    // Gin doubled (+100 %, 200 €); Vodka doubled too but is worth 10 € (under 20 €); Rhum has two bottles
    // open; Whisky is steady vs October but far above its usual (median 2).
    expect(review.suspicious.map((s) => [s.name, s.reasons, s.state])).toEqual([
      ['Gin', [{ kind: 'change', previous: 10, percent: 100, value: 200 }], 'TO_REVIEW'],
      ['Rhum', [{ kind: 'opened', containers: 2 }], 'TO_REVIEW'],
      ['Whisky', [{ kind: 'far_above', usual: 2, ratio: 4 }], 'TO_REVIEW'],
    ]);
    const gin = review.suspicious[0]!;
    expect(gin).toMatchObject({
      product_id: p.gin,
      total: 20,
      previous: 10,
      purchase_price: 20,
      decided_at: null,
    });
    expect(gin.lines).toEqual([
      expect.objectContaining({
        location_id: salle.id,
        location_name: 'Bar',
        quantity: 12,
        counted_by: lea.id,
        counted_by_name: lea.username,
        counted_at: '2026-11-15T09:50:00.000Z',
      }),
      expect.objectContaining({
        location_id: reserve.id,
        location_name: 'Réserve',
        quantity: 8,
        counted_by: f.owner.id,
      }),
    ]);
    expect(review.reviewed).toBe(0);
    expect(review.value_threshold).toBe(20);

    // A lower value threshold catches the cheaper doubling too.
    const strict = await owner.periods.review.query({ service_id, month: MONTH, value_threshold: 5 });
    expect(strict.suspicious.map((s) => s.name)).toEqual(['Gin', 'Rhum', 'Vodka', 'Whisky']);
  });

  it('"c’est correct" takes a product off the list until its count changes', async () => {
    const { service_id, owner, op, p, salle } = await bar();
    t.clock.set('2026-11-15T10:01:00Z');
    const mark = await owner.periods.mark.mutate({
      service_id,
      month: MONTH,
      product_id: p.gin,
      decision: 'OK',
    });
    expect(mark).toMatchObject({ product_id: p.gin, decision: 'OK', decided_at: '2026-11-15T10:01:00.000Z' });

    const after = await owner.periods.review.query({ service_id, month: MONTH });
    expect(after.suspicious.map((s) => s.name)).toEqual(['Rhum', 'Whisky']);
    expect(after.reviewed).toBe(1);

    t.clock.set('2026-11-15T10:02:00Z');
    await op.counts.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: p.gin, quantity: 30, location_id: salle.id }],
    });
    const changed = await owner.periods.review.query({ service_id, month: MONTH });
    expect(changed.suspicious.find((s) => s.name === 'Gin')).toMatchObject({ state: 'TO_REVIEW', total: 38 });
    expect(changed.reviewed).toBe(0);
  });

  it('"recompter" flags the product on the count screen until someone counts it again', async () => {
    const { f, service_id, owner, op, lea, p, salle } = await bar();
    t.clock.set('2026-11-15T10:01:00Z');
    const mailsBefore = t.fakes.sendgrid.requests.length;
    const asked = await owner.periods.mark.mutate({
      service_id,
      month: MONTH,
      product_id: p.whisky,
      decision: 'RECOUNT',
    });
    // Léa counted it: she is told by e-mail too (SendGrid is configured), in French, with the screen's link.
    expect(asked.emailed).toBe(1);
    const mails = t.fakes.sendgrid.requests.slice(mailsBefore);
    expect(mails).toHaveLength(1);
    const mail = JSON.parse(mails[0]!.body) as {
      personalizations: { to: { email: string }[] }[];
      subject: string;
      content: { value: string }[];
    };
    expect(mail.personalizations[0]?.to[0]?.email).toBe(`${lea.username}@example.test`);
    expect(mail.subject).toBe('À recompter : Whisky (Bar, novembre 2026)');
    expect(mail.content[0]?.value).toContain(
      `http://app.test/app/inventory?service=${service_id}&month=${MONTH}`,
    );
    // Asking again while the recount is pending mails nobody twice.
    const again = await owner.periods.mark.mutate({
      service_id,
      month: MONTH,
      product_id: p.whisky,
      decision: 'RECOUNT',
    });
    expect(again.emailed).toBe(0);
    expect(t.fakes.sendgrid.requests.length).toBe(mailsBefore + 1);

    const screen = await op.counts.screen.query({ service_id, month: MONTH });
    const flagged = screen.items.filter((i) => i.recount);
    expect(flagged.map((i) => [i.product.name, i.recount])).toEqual([
      ['Whisky', { requested_at: '2026-11-15T10:01:00.000Z', requested_by_name: f.owner.username }],
    ]);
    // Also seen from another place's list: the request is about the product.
    const barOnly = await op.counts.screen.query({ service_id, month: MONTH, location_id: salle.id });
    expect(barOnly.items.find((i) => i.product.id === p.whisky)?.recount).not.toBeNull();
    expect((await owner.periods.review.query({ service_id, month: MONTH })).suspicious.at(-1)).toMatchObject({
      name: 'Whisky',
      state: 'RECOUNT_REQUESTED',
      decided_by_name: f.owner.username,
    });

    t.clock.set('2026-11-15T10:03:00Z');
    await op.counts.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: p.whisky, quantity: 8, location_id: salle.id }],
    });
    const recounted = await op.counts.screen.query({ service_id, month: MONTH });
    expect(recounted.items.find((i) => i.product.id === p.whisky)?.recount).toBeNull();
    expect(
      (await owner.periods.review.query({ service_id, month: MONTH })).suspicious.find(
        (s) => s.name === 'Whisky',
      ),
    ).toMatchObject({ state: 'RECOUNTED' });
    expect(
      await t.db
        .selectFrom('audit_log')
        .select(['action', 'object_id'])
        .where('tenant_id', '=', f.tenantId)
        .where('action', 'like', 'period.review%')
        .execute(),
    ).toEqual([
      { action: 'period.review_recount', object_id: p.whisky },
      { action: 'period.review_recount', object_id: p.whisky },
    ]);
  });

  it('marks are for managers, on a product of the service', async () => {
    const { f, service_id, op } = await bar();
    const other = await createTenantFixture(t.db, t.config, { now: NOW });
    const foreign = await seedProduct(other, 'Gin ailleurs', 5);
    const refusals = await Promise.all(
      [
        op.periods.mark.mutate({ service_id, month: MONTH, product_id: foreign, decision: 'OK' }),
        t.trpc(f.owner.token).inventory.periods.mark.mutate({
          service_id,
          month: MONTH,
          product_id: foreign,
          decision: 'OK',
        }),
      ].map(failure),
    );
    expect(refusals.map((r) => r.data.code)).toEqual(['FORBIDDEN_ROLE', 'NOT_FOUND']);
    expect(
      await t.db.selectFrom('count_reviews').select('id').where('tenant_id', '=', f.tenantId).execute(),
    ).toEqual([]);
  });
});
