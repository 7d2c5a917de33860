import type { IsolationCase } from './harness';

/**
 * Locations (SPEC §11): B aims at A's services and locations; A's members scoped to one service aim at the
 * other service's; operators do not manage locations.
 */
export const cases: IsolationCase[] = [
  {
    kind: 'trpc',
    path: 'inventory.locations.list',
    expect: 404,
    name: "B lists A's service",
    call: (fx) => fx.b.owner.trpc.inventory.locations.list.query({ service_id: fx.a.scoped.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.list',
    expect: 404,
    name: "A's scoped operator lists the other service",
    call: (fx) => fx.a.operator.trpc.inventory.locations.list.query({ service_id: fx.a.other.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.create',
    expect: 404,
    name: "B creates in A's service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.locations.create.mutate({
        service_id: fx.a.scoped.serviceId,
        name: 'Intrus',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.create',
    expect: 404,
    name: "A's scoped manager creates in the other service",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.locations.create.mutate({
        service_id: fx.a.other.serviceId,
        name: 'X',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.create',
    expect: 403,
    name: "A's operator",
    call: (fx) =>
      fx.a.operator.trpc.inventory.locations.create.mutate({ service_id: fx.a.scoped.serviceId, name: 'X' }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.update',
    expect: 404,
    name: "B renames A's location",
    call: (fx) =>
      fx.b.owner.trpc.inventory.locations.update.mutate({
        id: fx.a.scoped.locationId,
        name: 'Pwned',
        position: 0,
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.update',
    expect: 404,
    name: "A's scoped manager moves the other service's location",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.locations.update.mutate({ id: fx.a.other.locationId, position: 3 }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.archive',
    expect: 404,
    name: "B archives A's location",
    call: (fx) => fx.b.owner.trpc.inventory.locations.archive.mutate({ id: fx.a.other.locationId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.archive',
    expect: 404,
    name: "A's scoped manager archives the other service's location",
    call: (fx) => fx.a.scopedManager.trpc.inventory.locations.archive.mutate({ id: fx.a.other.locationId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.products',
    expect: 404,
    name: "B reads A's location products",
    call: (fx) => fx.b.owner.trpc.inventory.locations.products.query({ id: fx.a.scoped.locationId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.products',
    expect: 404,
    name: "A's scoped operator reads the other service's location",
    call: (fx) => fx.a.operator.trpc.inventory.locations.products.query({ id: fx.a.other.locationId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.setProducts',
    expect: 404,
    name: "B fills A's location",
    call: (fx) =>
      fx.b.owner.trpc.inventory.locations.setProducts.mutate({ id: fx.a.scoped.locationId, product_ids: [] }),
  },
  {
    kind: 'trpc',
    path: 'inventory.locations.setProducts',
    expect: 404,
    name: "B puts A's product in its own location",
    call: async (fx) => {
      const own = await fx.b.owner.trpc.inventory.locations.create.mutate({
        service_id: fx.b.rows.serviceId,
        name: `B ${Date.now()}`,
      });
      return fx.b.owner.trpc.inventory.locations.setProducts.mutate({
        id: own.id,
        product_ids: [fx.a.scoped.productId],
      });
    },
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.upsert',
    expect: 404,
    name: "B counts its own product in A's location",
    call: async (fx) => {
      const month = fx.t.clock.now.toISOString().slice(0, 7);
      return fx.b.owner.trpc.inventory.counts.upsert.mutate({
        service_id: fx.b.rows.serviceId,
        month,
        lines: [{ product_id: fx.b.rows.productId, quantity: 1, location_id: fx.a.scoped.locationId }],
      });
    },
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.screen',
    expect: 'own-tenant-only',
    name: "B filters its own screen by A's location",
    call: (fx) =>
      fx.b.owner.trpc.inventory.counts.screen.query({
        service_id: fx.b.rows.serviceId,
        month: fx.t.clock.now.toISOString().slice(0, 7),
        location_id: fx.a.scoped.locationId,
      }),
  },
];

/** Spot checks: B aims at A's service and product; A's scoped operator at the other service. */
cases.push(
  {
    kind: 'trpc',
    path: 'inventory.spotChecks.list',
    expect: 404,
    name: "B lists A's spot checks",
    call: (fx) =>
      fx.b.owner.trpc.inventory.spotChecks.list.query({
        service_id: fx.a.scoped.serviceId,
        month: fx.t.clock.now.toISOString().slice(0, 7),
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.spotChecks.list',
    expect: 404,
    name: "A's scoped operator lists the other service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.spotChecks.list.query({
        service_id: fx.a.other.serviceId,
        month: fx.t.clock.now.toISOString().slice(0, 7),
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.spotChecks.create',
    expect: 404,
    name: "B checks A's product in its own service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.spotChecks.create.mutate({
        service_id: fx.b.rows.serviceId,
        product_id: fx.a.scoped.productId,
        quantity: 1,
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.spotChecks.create',
    expect: 404,
    name: "A's scoped operator checks the other service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.spotChecks.create.mutate({
        service_id: fx.a.other.serviceId,
        product_id: fx.a.other.productId,
        quantity: 1,
      }),
  },
);

/** Others' lines (count screen polling): B aims at A's service; A's scoped operator at the other service. */
cases.push(
  {
    kind: 'trpc',
    path: 'inventory.counts.changes',
    expect: 404,
    name: "B polls A's service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.counts.changes.query({
        service_id: fx.a.scoped.serviceId,
        month: fx.t.clock.now.toISOString().slice(0, 7),
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.counts.changes',
    expect: 404,
    name: "A's scoped operator polls the other service",
    call: (fx) =>
      fx.a.operator.trpc.inventory.counts.changes.query({
        service_id: fx.a.other.serviceId,
        month: fx.t.clock.now.toISOString().slice(0, 7),
      }),
  },
);
