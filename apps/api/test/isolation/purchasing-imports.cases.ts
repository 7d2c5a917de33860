import type { IsolationCase, IsolationFixture } from './harness';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A delivery file naming A's product by its barcode and its name. */
async function fileNaming(fx: IsolationFixture, productId: string): Promise<string> {
  const row = await fx.t.db
    .selectFrom('products')
    .select(['barcode'])
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  return b64(`EAN;Désignation;Qté\n${row.barcode};Gin inconnu;3\n`);
}

const commitInput = (service_id: string, file_base64: string, key: string) => ({
  kind: 'receipt' as const,
  service_id,
  file_base64,
  mapping: { barcode: 0, name: 1, quantity: 2 },
  resolutions: [{ line: 2, action: 'create' as const }],
  idempotency_key: key,
});

/**
 * Delivery and till imports: B aims at A's services and products; A's scoped members aim at the other
 * service. B's own file naming A's barcode must not match A's product (matching reads one service only).
 */
export const cases: IsolationCase[] = [
  {
    kind: 'trpc',
    path: 'purchasing.imports.preview',
    expect: 404,
    name: "B previews a file into A's service",
    call: async (fx) =>
      fx.b.owner.trpc.purchasing.imports.preview.mutate({
        kind: 'receipt',
        service_id: fx.a.scoped.serviceId,
        file_base64: await fileNaming(fx, fx.b.rows.productId),
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.imports.preview',
    expect: 404,
    name: "A's scoped operator previews into the other service",
    call: async (fx) =>
      fx.a.operator.trpc.purchasing.imports.preview.mutate({
        kind: 'receipt',
        service_id: fx.a.other.serviceId,
        file_base64: await fileNaming(fx, fx.a.scoped.productId),
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.imports.preview',
    expect: 'own-tenant-only',
    name: "B's own file with A's barcode matches nothing of A",
    call: async (fx) => {
      const preview = await fx.b.owner.trpc.purchasing.imports.preview.mutate({
        kind: 'receipt',
        service_id: fx.b.rows.serviceId,
        file_base64: await fileNaming(fx, fx.a.scoped.productId),
      });
      if (preview.lines[0]?.match !== null) throw new Error('matched a product of another tenant');
      return preview;
    },
  },
  {
    kind: 'trpc',
    path: 'purchasing.imports.commit',
    expect: 404,
    name: "B commits a delivery into A's service",
    call: async (fx) =>
      fx.b.owner.trpc.purchasing.imports.commit.mutate(
        commitInput(fx.a.scoped.serviceId, await fileNaming(fx, fx.b.rows.productId), 'iso-import-b-into-a'),
      ),
  },
  {
    kind: 'trpc',
    path: 'purchasing.imports.commit',
    expect: 404,
    name: "B links a line of its own delivery to A's product",
    call: async (fx) =>
      fx.b.owner.trpc.purchasing.imports.commit.mutate({
        ...commitInput(fx.b.rows.serviceId, await fileNaming(fx, fx.b.rows.productId), 'iso-import-b-link-a'),
        resolutions: [{ line: 2, action: 'link', product_id: fx.a.scoped.productId }],
      }),
  },
  {
    kind: 'trpc',
    path: 'purchasing.imports.commit',
    expect: 404,
    name: "A's scoped manager commits till sales into the other service",
    call: async (fx) =>
      fx.a.scopedManager.trpc.purchasing.imports.commit.mutate({
        ...commitInput(fx.a.other.serviceId, await fileNaming(fx, fx.a.other.productId), 'iso-import-scoped'),
        kind: 'sales',
        month: fx.t.clock.now.toISOString().slice(0, 7),
      }),
  },
];
