import type { IsolationCase, IsolationFixture } from './harness';

/** The barcode of a seeded product (the fixture does not expose it). */
async function barcodeOf(fx: IsolationFixture, productId: string): Promise<string> {
  const row = await fx.t.db
    .selectFrom('products')
    .select('barcode')
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  return row.barcode ?? 'none';
}

const month = (fx: IsolationFixture) => fx.t.clock.now.toISOString().slice(0, 7);

/**
 * Inventory: B aims at A's services, products, categories and losses; A's members scoped to "Alpha Cuisine"
 * aim at "Alpha Cave". Every id of the other side answers 404 and nothing of A is read or written.
 */
export const cases: IsolationCase[] = [
  // products --------------------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'inventory.products.list',
    expect: 404,
    name: "B lists A's service",
    call: (fx) => fx.b.owner.trpc.inventory.products.list.query({ service_id: fx.a.scoped.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.list',
    expect: 404,
    name: "A's scoped operator lists the other service",
    call: (fx) => fx.a.operator.trpc.inventory.products.list.query({ service_id: fx.a.other.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.list',
    expect: 'own-tenant-only',
    name: 'B searches its own service for an A name',
    call: (fx) =>
      fx.b.owner.trpc.inventory.products.list.query({ service_id: fx.b.rows.serviceId, search: 'Alpha' }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.get',
    expect: 404,
    name: "B reads A's product",
    call: (fx) => fx.b.owner.trpc.inventory.products.get.query({ id: fx.a.scoped.productId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.get',
    expect: 404,
    name: "A's scoped operator reads the other service's product",
    call: (fx) => fx.a.operator.trpc.inventory.products.get.query({ id: fx.a.other.productId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.create',
    expect: 404,
    name: "B creates in A's service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.products.create.mutate({ service_id: fx.a.scoped.serviceId, name: 'Intrus' }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.create',
    expect: 404,
    name: "A's scoped manager creates in the other service",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.products.create.mutate({
        service_id: fx.a.other.serviceId,
        name: 'X',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.update',
    expect: 404,
    name: "B renames A's product",
    call: (fx) =>
      fx.b.owner.trpc.inventory.products.update.mutate({ id: fx.a.scoped.productId, name: 'Pwned' }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.update',
    expect: 404,
    name: "A's scoped manager updates the other service's product",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.products.update.mutate({ id: fx.a.other.productId, min_qty: 99 }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.archive',
    expect: 404,
    name: "B archives A's product",
    call: (fx) => fx.b.owner.trpc.inventory.products.archive.mutate({ id: fx.a.other.productId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.archive',
    expect: 404,
    name: "A's scoped manager archives the other service's product",
    call: (fx) => fx.a.scopedManager.trpc.inventory.products.archive.mutate({ id: fx.a.other.productId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.archive',
    expect: 403,
    name: "A's operator",
    call: (fx) => fx.a.operator.trpc.inventory.products.archive.mutate({ id: fx.a.scoped.productId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.restore',
    expect: 404,
    name: "B restores A's product",
    call: (fx) => fx.b.owner.trpc.inventory.products.restore.mutate({ id: fx.a.scoped.productId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.restore',
    expect: 404,
    name: "A's scoped manager restores the other service's product",
    call: (fx) => fx.a.scopedManager.trpc.inventory.products.restore.mutate({ id: fx.a.other.productId }),
  },

  // counts and lookup -----------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'inventory.counts.screen',
    expect: 404,
    name: "B reads A's count screen",
    call: (fx) =>
      fx.b.owner.trpc.inventory.counts.screen.query({ service_id: fx.a.scoped.serviceId, month: month(fx) }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.screen',
    expect: 404,
    name: "A's scoped operator reads the other service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.counts.screen.query({
        service_id: fx.a.other.serviceId,
        month: month(fx),
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.screen',
    expect: 'own-tenant-only',
    name: "A's scoped operator reads its own service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.counts.screen.query({
        service_id: fx.a.scoped.serviceId,
        month: month(fx),
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.progress',
    expect: 404,
    name: "B on A's service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.counts.progress.query({ service_id: fx.a.other.serviceId, month: month(fx) }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.progress',
    expect: 404,
    name: "A's scoped operator on the other service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.counts.progress.query({
        service_id: fx.a.other.serviceId,
        month: month(fx),
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.upsert',
    expect: 404,
    name: "B counts A's product in A's service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.counts.upsert.mutate({
        service_id: fx.a.scoped.serviceId,
        month: month(fx),
        lines: [{ product_id: fx.a.scoped.productId, quantity: 0 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.upsert',
    expect: 404,
    name: "B counts A's product through its own service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.counts.upsert.mutate({
        service_id: fx.b.rows.serviceId,
        month: month(fx),
        lines: [{ product_id: fx.a.scoped.productId, quantity: 0 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.upsert',
    expect: 404,
    name: "A's scoped operator counts the other service's product through its own service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.counts.upsert.mutate({
        service_id: fx.a.scoped.serviceId,
        month: month(fx),
        lines: [{ product_id: fx.a.other.productId, quantity: 0 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.clear',
    expect: 404,
    name: "B clears A's count",
    call: (fx) =>
      fx.b.owner.trpc.inventory.counts.clear.mutate({
        service_id: fx.a.scoped.serviceId,
        month: month(fx),
        product_ids: [fx.a.scoped.productId],
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.clear',
    expect: 'own-tenant-only',
    name: "B clears A's product id through its own service: nothing of A is touched",
    call: (fx) =>
      fx.b.owner.trpc.inventory.counts.clear.mutate({
        service_id: fx.b.rows.serviceId,
        month: month(fx),
        product_ids: [fx.a.scoped.productId],
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.clear',
    expect: 404,
    name: "A's scoped manager clears the other service",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.counts.clear.mutate({
        service_id: fx.a.other.serviceId,
        month: month(fx),
        product_ids: [fx.a.other.productId],
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.copyFromPreviousMonth',
    expect: 404,
    name: "B on A's service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.counts.copyFromPreviousMonth.mutate({
        service_id: fx.a.scoped.serviceId,
        month: month(fx),
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.copyFromPreviousMonth',
    expect: 404,
    name: "A's scoped manager on the other service",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.counts.copyFromPreviousMonth.mutate({
        service_id: fx.a.other.serviceId,
        month: month(fx),
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.suggest',
    expect: 404,
    name: "B asks for a suggestion in A's service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.products.suggest.query({
        service_id: fx.a.scoped.serviceId,
        barcode: '3017620422003',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.suggest',
    expect: 404,
    name: "A's scoped member asks in the other service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.products.suggest.query({
        service_id: fx.a.other.serviceId,
        barcode: '3017620422003',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.lookup',
    expect: 404,
    name: "B looks up in A's service",
    call: (fx) => fx.b.owner.trpc.inventory.lookup.query({ service_id: fx.a.scoped.serviceId, code: '1' }),
  },
  {
    kind: 'trpc',
    path: 'inventory.lookup',
    expect: 'own-tenant-only',
    name: "B scans A's barcode in its own service: no match",
    call: async (fx) =>
      fx.b.owner.trpc.inventory.lookup.query({
        service_id: fx.b.rows.serviceId,
        code: await barcodeOf(fx, fx.a.scoped.productId),
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.lookup',
    expect: 'own-tenant-only',
    name: "A's scoped operator scans the other service's barcode: no match",
    call: async (fx) =>
      fx.a.operator.trpc.inventory.lookup.query({
        service_id: fx.a.scoped.serviceId,
        code: await barcodeOf(fx, fx.a.other.productId),
      }),
  },

  // categories --------------------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'inventory.categories.list',
    expect: 404,
    name: "B lists A's categories",
    call: (fx) => fx.b.owner.trpc.inventory.categories.list.query({ service_id: fx.a.scoped.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.list',
    expect: 404,
    name: "A's scoped operator lists the other service",
    call: (fx) => fx.a.operator.trpc.inventory.categories.list.query({ service_id: fx.a.other.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.create',
    expect: 404,
    name: "B creates in A's service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.categories.create.mutate({
        service_id: fx.a.scoped.serviceId,
        name: 'Intrus',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.create',
    expect: 404,
    name: "A's scoped operator creates in the other service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.categories.create.mutate({ service_id: fx.a.other.serviceId, name: 'X' }),
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.rename',
    expect: 404,
    name: "B renames A's category",
    call: (fx) =>
      fx.b.owner.trpc.inventory.categories.rename.mutate({ id: fx.a.scoped.categoryId, name: 'Pwned' }),
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.rename',
    expect: 404,
    name: "A's scoped manager renames the other service's category",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.categories.rename.mutate({
        id: fx.a.other.categoryId,
        name: 'Pwned',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.rename',
    expect: 403,
    name: "A's operator",
    call: (fx) =>
      fx.a.operator.trpc.inventory.categories.rename.mutate({ id: fx.a.scoped.categoryId, name: 'Pwned' }),
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.delete',
    expect: 404,
    name: "B deletes A's category",
    call: (fx) => fx.b.owner.trpc.inventory.categories.delete.mutate({ id: fx.a.other.categoryId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.delete',
    expect: 404,
    name: "A's scoped manager deletes the other service's category",
    call: (fx) => fx.a.scopedManager.trpc.inventory.categories.delete.mutate({ id: fx.a.other.categoryId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.merge',
    expect: 404,
    name: "B merges A's category into A's other one",
    call: (fx) =>
      fx.b.owner.trpc.inventory.categories.merge.mutate({
        id: fx.a.other.categoryId,
        into_id: fx.a.scoped.categoryId,
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.merge',
    expect: 404,
    name: "B merges its own category into A's",
    call: async (fx) => {
      const own = await fx.b.owner.trpc.inventory.categories.create.mutate({
        service_id: fx.b.rows.serviceId,
        name: `B ${Date.now()}`,
      });
      return fx.b.owner.trpc.inventory.categories.merge.mutate({
        id: own.id,
        into_id: fx.a.scoped.categoryId,
      });
    },
  },
  {
    kind: 'trpc',
    path: 'inventory.categories.merge',
    expect: 404,
    name: "A's scoped manager merges the other service's category",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.categories.merge.mutate({
        id: fx.a.other.categoryId,
        into_id: fx.a.scoped.categoryId,
      }),
  },

  // losses ------------------------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'inventory.losses.list',
    expect: 404,
    name: "B lists A's losses",
    call: (fx) =>
      fx.b.owner.trpc.inventory.losses.list.query({ service_id: fx.a.scoped.serviceId, month: month(fx) }),
  },
  {
    kind: 'trpc',
    path: 'inventory.losses.list',
    expect: 404,
    name: "A's scoped operator lists the other service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.losses.list.query({ service_id: fx.a.other.serviceId, month: month(fx) }),
  },
  {
    kind: 'trpc',
    path: 'inventory.losses.create',
    expect: 404,
    name: "B records a loss of A's product through its own service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.losses.create.mutate({
        service_id: fx.b.rows.serviceId,
        product_id: fx.a.scoped.productId,
        quantity: 1,
        reason: 'theft',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.losses.create',
    expect: 404,
    name: "A's scoped operator records a loss in the other service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.losses.create.mutate({
        service_id: fx.a.other.serviceId,
        product_id: fx.a.other.productId,
        quantity: 1,
        reason: 'theft',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.losses.delete',
    expect: 404,
    name: "B deletes A's loss",
    call: (fx) => fx.b.owner.trpc.inventory.losses.delete.mutate({ id: fx.a.scoped.lossEventId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.losses.delete',
    expect: 404,
    name: "A's scoped manager deletes the other service's loss",
    call: (fx) => fx.a.scopedManager.trpc.inventory.losses.delete.mutate({ id: fx.a.other.lossEventId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.losses.delete',
    expect: 403,
    name: "A's operator deletes a loss it did not record",
    call: (fx) => fx.a.operator.trpc.inventory.losses.delete.mutate({ id: fx.a.scoped.lossEventId }),
  },

  // stats and alerts ------------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'inventory.stats',
    expect: 404,
    name: "B reads A's stats",
    call: (fx) =>
      fx.b.owner.trpc.inventory.stats.query({ service_id: fx.a.scoped.serviceId, month: month(fx) }),
  },
  {
    kind: 'trpc',
    path: 'inventory.stats',
    expect: 'own-tenant-only',
    name: 'B reads all of its services',
    call: (fx) => fx.b.owner.trpc.inventory.stats.query({ service_id: 'all', month: month(fx) }),
  },
  {
    kind: 'trpc',
    path: 'inventory.stats',
    expect: 404,
    name: "A's scoped manager reads the other service",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.stats.query({ service_id: fx.a.other.serviceId, month: month(fx) }),
  },
  {
    kind: 'trpc',
    path: 'inventory.stats',
    expect: 403,
    name: "A's scoped manager asks for all services",
    call: (fx) => fx.a.scopedManager.trpc.inventory.stats.query({ service_id: 'all', month: month(fx) }),
  },
  {
    kind: 'trpc',
    path: 'inventory.alerts',
    expect: 404,
    name: "B reads A's alerts",
    call: (fx) => fx.b.owner.trpc.inventory.alerts.query({ service_id: fx.a.other.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.alerts',
    expect: 'own-tenant-only',
    name: 'B reads alerts of all of its services',
    call: (fx) => fx.b.owner.trpc.inventory.alerts.query({ service_id: 'all' }),
  },
  {
    kind: 'trpc',
    path: 'inventory.alerts',
    expect: 404,
    name: "A's scoped operator reads the other service",
    call: (fx) => fx.a.operator.trpc.inventory.alerts.query({ service_id: fx.a.other.serviceId }),
  },
];
