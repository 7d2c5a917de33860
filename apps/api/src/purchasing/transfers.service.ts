import type {
  Transfer,
  TransferCreateInput,
  TransferListInput,
  TransferListResult,
  TransferPairsInput,
  TransferPairsResult,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { runIdempotent } from '../idempotency/idempotency';
import { iso } from '../inventory/dates';
import { assertMonthOpen } from '../inventory/month-open';
import { round2, round3, sumExact } from '../inventory/numbers';
import { loadService } from '../inventory/scope';
import type { Actor } from '../request/actor';
import { requireStockControl } from './plan-gate';
import { assertNotFuture } from './receipts.service';
import { findCounterpart, pairProducts } from './transfer-pairing';

type PurchasingDeps = Pick<Deps, 'db' | 'now'>;

/** Transfers with their lines, in the order asked (ids), names of both services and of the source products. */
async function loadTransfers(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<Omit<Transfer, 'created_products'>[]> {
  if (ids.length === 0) return [];
  const [heads, lines] = await Promise.all([
    db
      .selectFrom('transfers as t')
      .innerJoin('services as sf', 'sf.id', 't.from_service_id')
      .innerJoin('services as st', 'st.id', 't.to_service_id')
      .select([
        't.id',
        't.from_service_id',
        'sf.name as from_service_name',
        't.to_service_id',
        'st.name as to_service_name',
        't.moved_on',
        't.month',
        't.note',
        't.created_by',
        't.created_at',
      ])
      .where('t.tenant_id', '=', tenantId)
      .where('t.id', 'in', ids)
      .execute(),
    db
      .selectFrom('transfer_lines as tl')
      .innerJoin('products as p', 'p.id', 'tl.from_product_id')
      .select([
        'tl.transfer_id',
        'tl.from_product_id',
        'tl.to_product_id',
        'p.name as product_name',
        'p.unit',
        'tl.quantity',
        'tl.unit_cost',
      ])
      .where('tl.tenant_id', '=', tenantId)
      .where('tl.transfer_id', 'in', ids)
      .orderBy('tl.transfer_id')
      .orderBy('tl.position')
      .execute(),
  ]);
  const byId = new Map(heads.map((h) => [h.id, h]));
  return ids.flatMap((id) => {
    const head = byId.get(id);
    if (!head) return [];
    const own = lines
      .filter((l) => l.transfer_id === id)
      .map(({ transfer_id: _t, ...l }) => ({ ...l, quantity: round3(l.quantity) }));
    return [
      {
        ...head,
        created_at: iso(head.created_at),
        total_cost: round2(sumExact(own.map((l) => l.quantity * (l.unit_cost ?? 0)))),
        lines: own,
      },
    ];
  });
}

/**
 * Moves stock from one service to another of the tenant (BOUTIQUE+ `stock_control`), at cost, as one document
 * written in one transaction: each line pairs the product on both sides (created in the destination when
 * missing). Both months must be open. Additive: a replay of the same idempotency key answers the first one.
 */
export async function createTransfer(
  deps: PurchasingDeps,
  actor: Actor,
  input: TransferCreateInput,
  key?: string,
): Promise<Transfer> {
  const now = deps.now();
  const { idempotency_key: _key, ...request } = input;
  const [from, to] = await Promise.all([
    loadService(deps.db, actor, input.from_service_id),
    loadService(deps.db, actor, input.to_service_id),
  ]);
  await requireStockControl(deps.db, actor.tenantId, now);
  assertNotFuture(input.moved_on, now, 'moved_on');
  const month = input.moved_on.slice(0, 7);
  return runIdempotent(
    deps.db,
    { tenantId: actor.tenantId, key, operation: 'purchasing.transfers.create', request, now },
    async (tx) => {
      // Both months held open, in id order: two opposite transfers never wait on each other.
      for (const serviceId of [from.id, to.id].sort())
        await assertMonthOpen(tx, actor.tenantId, serviceId, month);
      const ids = [...new Set(input.lines.map((l) => l.product_id))];
      const sources = await tx
        .selectFrom('products')
        .selectAll()
        .where('tenant_id', '=', actor.tenantId)
        .where('service_id', '=', from.id)
        .where('id', 'in', ids)
        .execute();
      const byId = new Map(sources.map((s) => [s.id, s]));
      const unknown = input.lines.findIndex((l) => !byId.has(l.product_id));
      if (unknown >= 0)
        throw new AppError('NOT_FOUND', undefined, {
          [`lines.${unknown}.product_id`]: 'Produit introuvable dans le service de départ.',
        });
      const { pairs, created } = await pairProducts(tx, actor.tenantId, to.id, sources, now);
      const transfer = await tx
        .insertInto('transfers')
        .values({
          tenant_id: actor.tenantId,
          from_service_id: from.id,
          to_service_id: to.id,
          moved_on: input.moved_on,
          month,
          note: input.note ?? null,
          created_by: actor.userId,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('transfer_lines')
        .values(
          input.lines.map((line, index) => ({
            tenant_id: actor.tenantId,
            transfer_id: transfer.id,
            from_product_id: line.product_id,
            to_product_id: pairs.get(line.product_id) as string,
            position: index,
            quantity: line.quantity,
            unit_cost: line.unit_cost ?? byId.get(line.product_id)?.purchase_price ?? null,
          })),
        )
        .execute();
      await recordAudit(tx, {
        tenant_id: actor.tenantId,
        user_id: actor.userId,
        action: 'transfer.create',
        object_type: 'transfer',
        object_id: transfer.id,
        meta: { from_service_id: from.id, to_service_id: to.id, lines: input.lines.length, created },
        at: now,
      });
      const [loaded] = await loadTransfers(tx, actor.tenantId, [transfer.id]);
      return { ...(loaded as Omit<Transfer, 'created_products'>), created_products: created };
    },
  );
}

/** Transfers that left or entered the service in the month, newest first (readable on every plan). */
export async function listTransfers(
  db: Db,
  actor: Actor,
  input: TransferListInput,
): Promise<TransferListResult> {
  const service = await loadService(db, actor, input.service_id);
  const rows = await db
    .selectFrom('transfers')
    .select(['id', 'from_service_id', 'to_service_id'])
    .where('tenant_id', '=', actor.tenantId)
    .where('month', '=', input.month)
    .where((eb) => eb.or([eb('from_service_id', '=', service.id), eb('to_service_id', '=', service.id)]))
    .orderBy('moved_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const items = await loadTransfers(
    db,
    actor.tenantId,
    rows.map((r) => r.id),
  );
  return { month: input.month, items: items.map((t) => ({ ...t, created_products: [] })) };
}

/**
 * What a transfer of these products would pair them with, written nowhere (the form shows it line by line):
 * the destination product matched by barcode, SKU then name, or null when the transfer would create it.
 */
export async function pairTransferProducts(
  db: Db,
  actor: Actor,
  input: TransferPairsInput,
): Promise<TransferPairsResult> {
  const [from, to] = await Promise.all([
    loadService(db, actor, input.from_service_id),
    loadService(db, actor, input.to_service_id),
  ]);
  const ids = [...new Set(input.product_ids)];
  const sources = await db
    .selectFrom('products')
    .select(['id', 'barcode', 'internal_sku', 'name'])
    .where('tenant_id', '=', actor.tenantId)
    .where('service_id', '=', from.id)
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const unknown = input.product_ids.findIndex((id) => !byId.has(id));
  if (unknown >= 0)
    throw new AppError('NOT_FOUND', undefined, {
      [`product_ids.${unknown}`]: 'Produit introuvable dans le service de départ.',
    });
  const items = [];
  for (const id of ids) {
    const found = await findCounterpart(db, actor.tenantId, to.id, byId.get(id) as (typeof sources)[number]);
    items.push({ product_id: id, to_product_id: found?.id ?? null, to_product_name: found?.name ?? null });
  }
  return { items };
}
