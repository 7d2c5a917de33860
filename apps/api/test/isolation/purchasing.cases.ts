import type { IsolationCase } from './harness';

const MONTH = '2026-01';
const KEY = { idempotency_key: 'isolation-key' };

/**
 * Purchasing: B aims at A's suppliers, deliveries and transfers; A's members scoped to "Alpha Cuisine" aim at
 * "Alpha Cave". Every id of the other side answers 404 and nothing of A is read or written.
 */
export const cases: IsolationCase[] = [
  // suppliers -------------------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'purchasing.suppliers.list',
    expect: 'own-tenant-only',
    name: 'B lists its own suppliers',
    call: (fx) => fx.b.owner.trpc.purchasing.suppliers.list.query({ archived: false }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.suppliers.create',
    expect: 403,
    name: "A's operator",
    call: (fx) => fx.a.operator.trpc.purchasing.suppliers.create.mutate({ name: 'Intrus' }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.suppliers.create',
    expect: 'own-tenant-only',
    name: 'B creates a supplier named like A’s',
    call: (fx) => fx.b.owner.trpc.purchasing.suppliers.create.mutate({ name: 'Beta Metro' }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.suppliers.update',
    expect: 404,
    name: "B renames A's supplier",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.suppliers.update.mutate({ id: fx.a.purchasing.supplierId, name: 'Pwned' }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.suppliers.archive',
    expect: 404,
    name: "B archives A's supplier",
    call: (fx) => fx.b.owner.trpc.purchasing.suppliers.archive.mutate({ id: fx.a.purchasing.supplierId }),
  },
  {
    kind: 'trpc',
    path: 'inventory.products.update',
    expect: 404,
    name: "B links its product to A's supplier",
    call: (fx) =>
      fx.b.owner.trpc.inventory.products.update.mutate({
        id: fx.b.rows.productId,
        supplier_id: fx.a.purchasing.supplierId,
      }),
  },

  // receipts --------------------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'purchasing.receipts.list',
    expect: 404,
    name: "B lists A's service",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.receipts.list.query({ service_id: fx.a.scoped.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.receipts.list',
    expect: 404,
    name: "A's scoped operator lists the other service",
    call: (fx) =>
      fx.a.operator.trpc.purchasing.receipts.list.query({ service_id: fx.a.other.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.receipts.get',
    expect: 404,
    name: "B reads A's delivery",
    call: (fx) => fx.b.owner.trpc.purchasing.receipts.get.query({ id: fx.a.purchasing.scopedReceiptId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.receipts.get',
    expect: 404,
    name: "A's scoped operator reads the other service's delivery",
    call: (fx) => fx.a.operator.trpc.purchasing.receipts.get.query({ id: fx.a.purchasing.otherReceiptId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.receipts.create',
    expect: 404,
    name: "B delivers into A's service",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.receipts.create.mutate({
        service_id: fx.a.scoped.serviceId,
        received_on: '2026-01-05',
        lines: [{ product_id: fx.a.scoped.productId, quantity: 1 }],
        ...KEY,
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.receipts.create',
    expect: 404,
    name: "B delivers A's product through its own service",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.receipts.create.mutate({
        service_id: fx.b.rows.serviceId,
        received_on: '2026-01-05',
        lines: [{ product_id: fx.a.scoped.productId, quantity: 1 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.receipts.create',
    expect: 404,
    name: "B names A's supplier on its own delivery",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.receipts.create.mutate({
        service_id: fx.b.rows.serviceId,
        supplier_id: fx.a.purchasing.supplierId,
        received_on: '2026-01-05',
        lines: [{ product_id: fx.b.rows.productId, quantity: 1 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.receipts.create',
    expect: 404,
    name: "A's scoped operator delivers into the other service",
    call: (fx) =>
      fx.a.operator.trpc.purchasing.receipts.create.mutate({
        service_id: fx.a.other.serviceId,
        received_on: '2026-01-05',
        lines: [{ product_id: fx.a.other.productId, quantity: 1 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.receipts.delete',
    expect: 404,
    name: "B deletes A's delivery",
    call: (fx) => fx.b.owner.trpc.purchasing.receipts.delete.mutate({ id: fx.a.purchasing.scopedReceiptId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.receipts.delete',
    expect: 404,
    name: "A's scoped manager deletes the other service's delivery",
    call: (fx) =>
      fx.a.scopedManager.trpc.purchasing.receipts.delete.mutate({ id: fx.a.purchasing.otherReceiptId }),
  },

  // transfers -------------------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'purchasing.transfers.list',
    expect: 404,
    name: "B lists A's service",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.transfers.list.query({ service_id: fx.a.other.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.transfers.list',
    expect: 404,
    name: "A's scoped operator lists the other service",
    call: (fx) =>
      fx.a.operator.trpc.purchasing.transfers.list.query({ service_id: fx.a.other.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.transfers.pairs',
    expect: 404,
    name: "B pairs its product with A's catalogue",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.transfers.pairs.query({
        from_service_id: fx.b.rows.serviceId,
        to_service_id: fx.a.scoped.serviceId,
        product_ids: [fx.b.rows.productId],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.transfers.pairs',
    expect: 404,
    name: "A's scoped manager pairs the other service's product",
    call: (fx) =>
      fx.a.scopedManager.trpc.purchasing.transfers.pairs.query({
        from_service_id: fx.a.other.serviceId,
        to_service_id: fx.a.scoped.serviceId,
        product_ids: [fx.a.other.productId],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.transfers.create',
    expect: 404,
    name: "B moves stock into A's service",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.transfers.create.mutate({
        from_service_id: fx.b.rows.serviceId,
        to_service_id: fx.a.scoped.serviceId,
        moved_on: '2026-01-05',
        lines: [{ product_id: fx.b.rows.productId, quantity: 1 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.transfers.create',
    expect: 404,
    name: "B moves A's stock out of A's service",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.transfers.create.mutate({
        from_service_id: fx.a.other.serviceId,
        to_service_id: fx.b.rows.serviceId,
        moved_on: '2026-01-05',
        lines: [{ product_id: fx.a.other.productId, quantity: 1 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.transfers.create',
    expect: 404,
    name: "A's scoped manager takes from the other service",
    call: (fx) =>
      fx.a.scopedManager.trpc.purchasing.transfers.create.mutate({
        from_service_id: fx.a.other.serviceId,
        to_service_id: fx.a.scoped.serviceId,
        moved_on: '2026-01-05',
        lines: [{ product_id: fx.a.other.productId, quantity: 1 }],
      }),
  },

  // consumption report ----------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'inventory.usage.get',
    expect: 404,
    name: "B reads A's consumption",
    call: (fx) =>
      fx.b.owner.trpc.inventory.usage.get.query({ service_id: fx.a.scoped.serviceId, month: MONTH }),
  },
  {
    kind: 'trpc',
    path: 'inventory.usage.get',
    expect: 404,
    name: "A's scoped operator reads the other service's consumption",
    call: (fx) =>
      fx.a.operator.trpc.inventory.usage.get.query({ service_id: fx.a.other.serviceId, month: MONTH }),
  },

  // orders ----------------------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'purchasing.orders.suggest',
    expect: 404,
    name: "B asks a suggestion for A's service",
    call: (fx) => fx.b.owner.trpc.purchasing.orders.suggest.query({ service_id: fx.a.scoped.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.suggest',
    expect: 404,
    name: "A's scoped manager asks for the other service",
    call: (fx) =>
      fx.a.scopedManager.trpc.purchasing.orders.suggest.query({ service_id: fx.a.other.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.suggest',
    expect: 'own-tenant-only',
    name: 'B asks for its own service',
    call: (fx) => fx.b.owner.trpc.purchasing.orders.suggest.query({ service_id: fx.b.rows.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.list',
    expect: 404,
    name: "B lists A's orders",
    call: (fx) => fx.b.owner.trpc.purchasing.orders.list.query({ service_id: fx.a.scoped.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.list',
    expect: 404,
    name: "A's scoped operator lists the other service's orders",
    call: (fx) => fx.a.operator.trpc.purchasing.orders.list.query({ service_id: fx.a.other.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.get',
    expect: 404,
    name: "B reads A's order",
    call: (fx) => fx.b.owner.trpc.purchasing.orders.get.query({ id: fx.a.purchasing.scopedOrderId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.get',
    expect: 404,
    name: "A's scoped operator reads the other service's order",
    call: (fx) => fx.a.operator.trpc.purchasing.orders.get.query({ id: fx.a.purchasing.otherOrderId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.file',
    expect: 404,
    name: "B downloads A's order",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.orders.file.query({ id: fx.a.purchasing.scopedOrderId, format: 'xlsx' }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.file',
    expect: 404,
    name: "A's scoped operator downloads the other service's order",
    call: (fx) =>
      fx.a.operator.trpc.purchasing.orders.file.query({ id: fx.a.purchasing.otherOrderId, format: 'csv' }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.create',
    expect: 404,
    name: "B orders into A's service",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.orders.create.mutate({
        service_id: fx.a.scoped.serviceId,
        lines: [{ product_id: fx.a.scoped.productId, quantity: 1 }],
        ...KEY,
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.create',
    expect: 404,
    name: "B orders A's product through its own service",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.orders.create.mutate({
        service_id: fx.b.rows.serviceId,
        lines: [{ product_id: fx.a.scoped.productId, quantity: 1 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.create',
    expect: 404,
    name: "B names A's supplier on its own order",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.orders.create.mutate({
        service_id: fx.b.rows.serviceId,
        supplier_id: fx.a.purchasing.supplierId,
        lines: [{ product_id: fx.b.rows.productId, quantity: 1 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.create',
    expect: 403,
    name: "A's operator",
    call: (fx) =>
      fx.a.operator.trpc.purchasing.orders.create.mutate({
        service_id: fx.a.scoped.serviceId,
        lines: [{ product_id: fx.a.scoped.productId, quantity: 1 }],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.update',
    expect: 404,
    name: "B edits A's order",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.orders.update.mutate({ id: fx.a.purchasing.scopedOrderId, note: 'Pwned' }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.update',
    expect: 404,
    name: "A's scoped manager edits the other service's order",
    call: (fx) =>
      fx.a.scopedManager.trpc.purchasing.orders.update.mutate({
        id: fx.a.purchasing.otherOrderId,
        note: 'x',
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.send',
    expect: 404,
    name: "B sends A's order",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.orders.send.mutate({ id: fx.a.purchasing.scopedOrderId, ...KEY }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.send',
    expect: 404,
    name: "A's scoped manager sends the other service's order",
    call: (fx) => fx.a.scopedManager.trpc.purchasing.orders.send.mutate({ id: fx.a.purchasing.otherOrderId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.receive',
    expect: 404,
    name: "B receives A's order",
    call: (fx) =>
      fx.b.owner.trpc.purchasing.orders.receive.mutate({ id: fx.a.purchasing.scopedOrderId, ...KEY }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.receive',
    expect: 404,
    name: "A's scoped operator receives the other service's order",
    call: (fx) => fx.a.operator.trpc.purchasing.orders.receive.mutate({ id: fx.a.purchasing.otherOrderId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.cancel',
    expect: 404,
    name: "B cancels A's order",
    call: (fx) => fx.b.owner.trpc.purchasing.orders.cancel.mutate({ id: fx.a.purchasing.scopedOrderId }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.orders.cancel',
    expect: 404,
    name: "A's scoped manager cancels the other service's order",
    call: (fx) =>
      fx.a.scopedManager.trpc.purchasing.orders.cancel.mutate({ id: fx.a.purchasing.otherOrderId }),
  },
];
