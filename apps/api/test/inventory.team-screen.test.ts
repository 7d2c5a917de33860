import { failure } from '@stockscan/testing/trpc-failure';
import { describe, expect, it } from 'vitest';
import { addMemberFixture, createTenantFixture, type TenantFixture } from './fixtures';
import { startTestApp } from './test-server';

/** What the web count screen needs to count as a team: shelf order, per-location progress, others' lines. */

const NOW = new Date('2026-11-15T10:00:00Z');
const MONTH = '2026-11';
const t = await startTestApp({ now: NOW });

async function seedProducts(f: TenantFixture, names: string[]) {
  const rows = await t.db
    .insertInto('products')
    .values(
      names.map((name) => ({
        tenant_id: f.tenantId,
        service_id: f.services[0]!.id,
        name,
        unit: 'pcs' as const,
        purchase_price: 10,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  return names.map((n) => rows.find((r) => r.name === n)!.id);
}

describe('count screen in one location', () => {
  it('walks the shelves in order, then the products not listed there, page after page', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const owner = t.trpc(f.owner.token).inventory;
    const [, biere, , gin, rhum] = await seedProducts(f, ['Abricot', 'Bière', 'Cidre', 'Gin', 'Rhum']);
    const reserve = await owner.locations.create.mutate({ service_id, name: 'Réserve' });
    await owner.locations.setProducts.mutate({ id: reserve.id, product_ids: [rhum!, biere!, gin!] });

    const names: string[] = [];
    const shelves: (number | null)[] = [];
    let cursor: string | undefined;
    do {
      const page = await owner.counts.screen.query({
        service_id,
        month: MONTH,
        location_id: reserve.id,
        limit: 2,
        cursor,
      });
      names.push(...page.items.map((i) => i.product.name));
      shelves.push(...page.items.map((i) => i.shelf_position));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(['Rhum', 'Bière', 'Gin', 'Abricot', 'Cidre']);
    expect(shelves).toEqual([0, 1, 2, null, null]);

    // The whole service keeps its alphabetical order, with no shelf.
    const all = await owner.counts.screen.query({ service_id, month: MONTH });
    expect(all.items.map((i) => [i.product.name, i.shelf_position])).toEqual([
      ['Abricot', null],
      ['Bière', null],
      ['Cidre', null],
      ['Gin', null],
      ['Rhum', null],
    ]);
    // A cursor of one order is refused by the other.
    const first = await owner.counts.screen.query({ service_id, month: MONTH, limit: 1 });
    const refused = await failure(
      owner.counts.screen.query({
        service_id,
        month: MONTH,
        location_id: reserve.id,
        cursor: first.next_cursor ?? '',
      }),
    );
    expect(refused.data).toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('progress says how many listed products are counted in each location', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const owner = t.trpc(f.owner.token).inventory;
    const [a, b, c] = await seedProducts(f, ['A', 'B', 'C']);
    const bar = await owner.locations.create.mutate({ service_id, name: 'Bar' });
    const cave = await owner.locations.create.mutate({ service_id, name: 'Cave' });
    await owner.locations.setProducts.mutate({ id: bar.id, product_ids: [a!, b!] });
    await owner.counts.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [
        { product_id: a!, quantity: 1, location_id: bar.id },
        // Not listed in the bar, counted there anyway.
        { product_id: c!, quantity: 2, location_id: bar.id },
        { product_id: b!, quantity: 3, location_id: cave.id },
      ],
    });
    const progress = await owner.counts.progress.query({ service_id, month: MONTH });
    expect(progress.by_location).toEqual([
      { location_id: bar.id, name: 'Bar', counted: 2, listed: 2, listed_counted: 1 },
      { location_id: cave.id, name: 'Cave', counted: 1, listed: 0, listed_counted: 0 },
    ]);
    expect(progress).toMatchObject({ counted: 3, total: 3 });
  });
});

/** A bar with a gin and a rum, a cave, its owner's phone and an operator's. */
async function barWithTwoPhones() {
  const f = await createTenantFixture(t.db, t.config, { now: NOW });
  const service_id = f.services[0]!.id;
  const [gin, rhum] = await seedProducts(f, ['Gin', 'Rhum']);
  const op = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
  const owner = t.trpc(f.owner.token).inventory;
  const operator = t.trpc(op.token).inventory;
  const cave = await owner.locations.create.mutate({ service_id, name: 'Cave' });
  return { f, service_id, gin: gin!, rhum: rhum!, owner, operator, cave };
}

describe('counts.changes (other people’s lines, polled)', () => {
  it('returns the lines written since the last answer with who counted them, and again a little before', async () => {
    const { f, service_id, gin, rhum, owner, operator, cave } = await barWithTwoPhones();

    t.clock.set('2026-11-15T10:00:00Z');
    await owner.counts.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: gin, quantity: 4 }],
    });
    t.clock.set('2026-11-15T10:00:30Z');
    const first = await operator.counts.changes.query({ service_id, month: MONTH });
    expect(first.server_time).toBe('2026-11-15T10:00:30.000Z');
    expect(first.lines).toEqual([
      expect.objectContaining({
        product_id: gin,
        location_id: null,
        quantity: 4,
        counted_by: f.owner.id,
        counted_by_name: f.owner.username,
        updated_at: '2026-11-15T10:00:00.000Z',
      }),
    ]);

    t.clock.set('2026-11-15T10:01:00Z');
    await owner.counts.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: rhum, quantity: 2, location_id: cave.id }],
    });
    t.clock.set('2026-11-15T10:02:00Z');
    const next = await operator.counts.changes.query({ service_id, month: MONTH, since: first.server_time });
    expect(next.lines.map((l) => [l.product_id, l.location_id, l.quantity])).toEqual([[rhum, cave.id, 2]]);
    expect(next.truncated).toBe(false);

    // A write stamped 5 s before `since` (it committed late) still comes.
    const late = await operator.counts.changes.query({
      service_id,
      month: MONTH,
      since: '2026-11-15T10:01:05Z',
    });
    expect(late.lines.map((l) => l.product_id)).toEqual([rhum]);
    const quiet = await operator.counts.changes.query({ service_id, month: MONTH, since: next.server_time });
    expect(quiet.lines).toEqual([]);
  });

  it('a line cleared on one phone reaches the others as cleared; counted again, it is a line again', async () => {
    const { f, service_id, gin, rhum, owner, operator, cave } = await barWithTwoPhones();
    t.clock.set('2026-11-15T10:00:00Z');
    await operator.counts.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [
        { product_id: gin, quantity: 4 },
        { product_id: gin, quantity: 2, location_id: cave.id },
        { product_id: rhum, quantity: 1 },
      ],
    });
    t.clock.set('2026-11-15T10:00:30Z');
    const first = await operator.counts.changes.query({ service_id, month: MONTH });
    expect(first.cleared).toEqual([]);

    // The owner clears the gin in the cave only, then all the rhum.
    t.clock.set('2026-11-15T10:01:00Z');
    await owner.counts.clear.mutate({ service_id, month: MONTH, product_ids: [gin], location_id: cave.id });
    await owner.counts.clear.mutate({ service_id, month: MONTH, product_ids: [rhum] });
    t.clock.set('2026-11-15T10:01:30Z');
    const next = await operator.counts.changes.query({ service_id, month: MONTH, since: first.server_time });
    expect(next.cleared).toEqual([
      { product_id: gin, location_id: cave.id, cleared_at: '2026-11-15T10:01:00.000Z' },
      { product_id: rhum, location_id: null, cleared_at: '2026-11-15T10:01:00.000Z' },
    ]);
    expect(next.lines).toEqual([]);
    expect(
      await t.db
        .selectFrom('count_clears')
        .select(['cleared_by'])
        .where('tenant_id', '=', f.tenantId)
        .execute(),
    ).toEqual([{ cleared_by: f.owner.id }, { cleared_by: f.owner.id }]);

    // Counted again later: a phone that missed the last poll gets both, the line after its clearing (it keeps
    // the line); one that did not gets the line only.
    t.clock.set('2026-11-15T10:02:00Z');
    await operator.counts.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: rhum, quantity: 3 }],
    });
    const again = await operator.counts.changes.query({ service_id, month: MONTH, since: first.server_time });
    expect(again.cleared.map((c) => c.product_id)).toEqual([gin, rhum]);
    const upToDate = await operator.counts.changes.query({
      service_id,
      month: MONTH,
      since: next.server_time,
    });
    expect(upToDate.cleared).toEqual([]);
    expect(upToDate.lines.map((l) => l.product_id)).toEqual([rhum]);
    expect(again.lines.map((l) => [l.product_id, l.quantity, l.counted_at])).toEqual([
      [rhum, 3, '2026-11-15T10:02:00.000Z'],
    ]);
    // Clearing nothing leaves no trace; another tenant sees none of these.
    await owner.counts.clear.mutate({ service_id, month: MONTH, product_ids: [gin], location_id: cave.id });
    t.clock.set('2026-11-15T10:03:00Z');
    const quiet = await operator.counts.changes.query({ service_id, month: MONTH, since: again.server_time });
    expect(quiet.cleared).toEqual([]);
    const other = await createTenantFixture(t.db, t.config, { now: NOW });
    const stranger = await failure(
      t.trpc(other.owner.token).inventory.counts.changes.query({ service_id, month: MONTH }),
    );
    expect(stranger.data).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('blind counting hides a past month’s lines from operators, not from managers', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const [gin] = await seedProducts(f, ['Gin']);
    const owner = t.trpc(f.owner.token);
    t.clock.set(NOW);
    await owner.inventory.counts.upsert.mutate({
      service_id,
      month: '2026-10',
      lines: [{ product_id: gin!, quantity: 7 }],
    });
    await owner.services.update.mutate({ id: service_id, blind_counting: true });
    const op = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const operator = t.trpc(op.token).inventory;
    expect((await operator.counts.changes.query({ service_id, month: '2026-10' })).lines).toEqual([]);
    expect((await owner.inventory.counts.changes.query({ service_id, month: '2026-10' })).lines).toHaveLength(
      1,
    );
    // This month is not hidden: the operator sees the others' counts as they come.
    await owner.inventory.counts.upsert.mutate({
      service_id,
      month: MONTH,
      lines: [{ product_id: gin!, quantity: 1 }],
    });
    expect((await operator.counts.changes.query({ service_id, month: MONTH })).lines).toHaveLength(1);
  });
});

describe('inventory.categories.merge', () => {
  it('files every product of one category under the other and deletes it', async () => {
    const f = await createTenantFixture(t.db, t.config, { now: NOW });
    const service_id = f.services[0]!.id;
    const owner = t.trpc(f.owner.token).inventory;
    await owner.categories.create.mutate({ service_id, name: 'Bière' });
    await owner.categories.create.mutate({ service_id, name: 'Bières' });
    const [leffeId] = await t.db
      .insertInto('products')
      .values([
        { tenant_id: f.tenantId, service_id, name: 'Leffe', unit: 'pcs', category: 'Bière' },
        { tenant_id: f.tenantId, service_id, name: 'Chimay', unit: 'pcs', category: 'Bières' },
      ])
      .returning('id')
      .execute();
    await owner.products.archive.mutate({ id: leffeId!.id });
    const list = await owner.categories.list.query({ service_id });
    const from = list.items.find((c) => c.name === 'Bière')!;
    const into = list.items.find((c) => c.name === 'Bières')!;
    const merged = await owner.categories.merge.mutate({ id: from.id, into_id: into.id });
    expect(merged).toMatchObject({ id: into.id, name: 'Bières', product_count: 1 });
    expect((await owner.categories.list.query({ service_id })).items.map((c) => c.name)).toEqual(['Bières']);
    const leffe = await owner.products.get.query({ id: leffeId!.id });
    expect(leffe.product.category).toBe('Bières');
  });

  it('refuses a merge into itself, into another service, and by an operator', async () => {
    const f = await createTenantFixture(t.db, t.config, {
      now: NOW,
      services: [
        { name: 'Bar', service_type: 'bar' },
        { name: 'Cuisine', service_type: 'kitchen' },
      ],
    });
    const [one, two] = f.services;
    const owner = t.trpc(f.owner.token).inventory;
    const a = await owner.categories.create.mutate({ service_id: one!.id, name: 'Vins' });
    const b = await owner.categories.create.mutate({ service_id: two!.id, name: 'Vins' });
    expect((await failure(owner.categories.merge.mutate({ id: a.id, into_id: a.id }))).data).toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    expect((await failure(owner.categories.merge.mutate({ id: a.id, into_id: b.id }))).data).toMatchObject({
      code: 'NOT_FOUND',
    });
    const op = await addMemberFixture(t.db, t.config, f.tenantId, 'operator', null, NOW);
    const c = await owner.categories.create.mutate({ service_id: one!.id, name: 'Rouges' });
    expect(
      (await failure(t.trpc(op.token).inventory.categories.merge.mutate({ id: c.id, into_id: a.id }))).data,
    ).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect((await owner.categories.list.query({ service_id: one!.id })).items).toHaveLength(2);
  });
});
