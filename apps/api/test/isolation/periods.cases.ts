import type { IsolationCase } from './harness';

const MONTH = '2026-01';

/**
 * Review and close a month (SPEC §11): B aims at A's services and products; A's members scoped to one service
 * aim at the other one; operators neither review nor close.
 */
export const cases: IsolationCase[] = [
  {
    kind: 'trpc',
    path: 'inventory.periods.get',
    expect: 404,
    name: "B reads A's month",
    call: (fx) =>
      fx.b.owner.trpc.inventory.periods.get.query({ service_id: fx.a.scoped.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.get',
    expect: 404,
    name: "A's scoped operator reads the other service's month",
    call: (fx) =>
      fx.a.operator.trpc.inventory.periods.get.query({ service_id: fx.a.other.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.review',
    expect: 404,
    name: "B reviews A's month",
    call: (fx) =>
      fx.b.owner.trpc.inventory.periods.review.query({ service_id: fx.a.scoped.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.review',
    expect: 404,
    name: "A's scoped manager reviews the other service",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.periods.review.query({
        service_id: fx.a.other.serviceId,
        month: MONTH,
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.review',
    expect: 403,
    name: "A's operator",
    call: (fx) =>
      fx.a.operator.trpc.inventory.periods.review.query({ service_id: fx.a.scoped.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.mark',
    expect: 404,
    name: "B marks A's product in A's service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.periods.mark.mutate({
        service_id: fx.a.scoped.serviceId,
        month: MONTH,
        product_id: fx.a.scoped.productId,
        decision: 'RECOUNT',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.mark',
    expect: 404,
    name: "B marks A's product in its own service",
    call: (fx) =>
      fx.b.owner.trpc.inventory.periods.mark.mutate({
        service_id: fx.b.rows.serviceId,
        month: MONTH,
        product_id: fx.a.scoped.productId,
        decision: 'OK',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.mark',
    expect: 404,
    name: "A's scoped manager marks the other service's product",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.periods.mark.mutate({
        service_id: fx.a.other.serviceId,
        month: MONTH,
        product_id: fx.a.other.productId,
        decision: 'OK',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.mark',
    expect: 403,
    name: "A's operator",
    call: (fx) =>
      fx.a.operator.trpc.inventory.periods.mark.mutate({
        service_id: fx.a.scoped.serviceId,
        month: MONTH,
        product_id: fx.a.scoped.productId,
        decision: 'OK',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.close',
    expect: 404,
    name: "B closes A's month",
    call: (fx) =>
      fx.b.owner.trpc.inventory.periods.close.mutate({ service_id: fx.a.scoped.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.close',
    expect: 404,
    name: "A's scoped manager closes the other service's month",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.periods.close.mutate({
        service_id: fx.a.other.serviceId,
        month: MONTH,
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.close',
    expect: 403,
    name: "A's operator",
    call: (fx) =>
      fx.a.operator.trpc.inventory.periods.close.mutate({ service_id: fx.a.scoped.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.reopen',
    expect: 404,
    name: "B reopens A's month",
    call: (fx) =>
      fx.b.owner.trpc.inventory.periods.reopen.mutate({
        service_id: fx.a.scoped.serviceId,
        month: MONTH,
        reason: 'Intrusion',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.reopen',
    expect: 404,
    name: "A's scoped manager reopens the other service's month",
    call: (fx) =>
      fx.a.scopedManager.trpc.inventory.periods.reopen.mutate({
        service_id: fx.a.other.serviceId,
        month: MONTH,
        reason: 'Hors périmètre',
      }),
  },
  {
    kind: 'trpc',
    path: 'inventory.periods.reopen',
    expect: 403,
    name: "A's operator",
    call: (fx) =>
      fx.a.operator.trpc.inventory.periods.reopen.mutate({
        service_id: fx.a.scoped.serviceId,
        month: MONTH,
        reason: 'Je veux corriger',
      }),
  },
];
