import type { OrderSuggestInput, OrderSuggestion, OrderSuggestionGroup } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { suggestedOrder } from '@stockscan/entitlements';
import { loadExpectedOnHand } from '../inventory/expected-on-hand';
import { round2, round3, sumExact } from '../inventory/numbers';
import { loadService } from '../inventory/scope';
import type { Actor } from '../request/actor';
import { requirePurchaseOrders } from './plan-gate';

/** The live products of a service that have a par level, with their live supplier (archived: none). */
function productsWithPar(db: Db, tenantId: string, serviceId: string) {
  return db
    .selectFrom('products as p')
    .leftJoin('suppliers as s', (join) =>
      join
        .onRef('s.id', '=', 'p.supplier_id')
        .on('s.tenant_id', '=', tenantId)
        .on('s.archived_at', 'is', null),
    )
    .select([
      'p.id',
      'p.name',
      'p.unit',
      'p.pack_size',
      'p.par_level',
      'p.purchase_price',
      's.id as supplier_id',
      's.name as supplier_name',
      's.email as supplier_email',
    ])
    .where('p.tenant_id', '=', tenantId)
    .where('p.service_id', '=', serviceId)
    .where('p.archived_at', 'is', null)
    .where('p.par_level', 'is not', null)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

/** Per product, the quantity on the service's sent orders not received yet (what is on its way). */
async function onOrder(db: Db, tenantId: string, serviceId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('purchase_order_lines as l')
    .innerJoin('purchase_orders as o', (join) =>
      join.onRef('o.id', '=', 'l.order_id').on('o.tenant_id', '=', tenantId),
    )
    .select(['l.product_id', (eb) => eb.fn.sum<string>('l.quantity').as('quantity')])
    .where('l.tenant_id', '=', tenantId)
    .where('o.service_id', '=', serviceId)
    .where('o.status', '=', 'SENT')
    .groupBy('l.product_id')
    .execute();
  return new Map(rows.map((r) => [r.product_id, round3(Number(r.quantity))]));
}

/**
 * Suggested order of a service (PRO `purchase_orders`), per supplier: for each product with a par level,
 * max(0, par − expected on-hand − on order) rounded up to whole packs, at its purchase price. What sent orders
 * bring is on its way: ordering it again would double it (SPEC §11 says par − expected; the best tools, and a
 * manager who checks the suggestion the day after sending, count what is on order). Products at or above par
 * are left out (`at_par`), as are those whose shortfall is on order (`covered_by_orders`); products never
 * counted are listed apart, nothing to base a figure on.
 */
export async function suggestOrder(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  input: OrderSuggestInput,
): Promise<OrderSuggestion> {
  const service = await loadService(deps.db, actor, input.service_id);
  await requirePurchaseOrders(deps.db, actor.tenantId, deps.now());
  const products = await productsWithPar(deps.db, actor.tenantId, service.id);
  const [onHand, ordered] = await Promise.all([
    loadExpectedOnHand(
      deps.db,
      actor.tenantId,
      service.id,
      products.map((p) => p.id),
    ),
    onOrder(deps.db, actor.tenantId, service.id),
  ]);
  const groups = new Map<string | null, OrderSuggestionGroup>();
  const notCounted: OrderSuggestion['not_counted'] = [];
  let atPar = 0;
  let coveredByOrders = 0;
  for (const product of products) {
    const expected = onHand.get(product.id);
    if (!expected) {
      notCounted.push({ product_id: product.id, product_name: product.name });
      continue;
    }
    const onTheWay = ordered.get(product.id) ?? 0;
    const order = suggestedOrder({
      par_level: product.par_level,
      expected: expected.expected,
      on_order: onTheWay,
      pack_size: product.pack_size,
      whole_units: product.unit === 'pcs',
    });
    if (!order || order.quantity <= 0) {
      if (onTheWay > 0 && expected.expected < (product.par_level as number)) coveredByOrders += 1;
      else atPar += 1;
      continue;
    }
    const group = groups.get(product.supplier_id) ?? {
      supplier_id: product.supplier_id,
      supplier_name: product.supplier_name,
      supplier_email: product.supplier_email,
      lines: [],
      total_cost: 0,
    };
    groups.set(product.supplier_id, group);
    group.lines.push({
      product_id: product.id,
      product_name: product.name,
      unit: product.unit,
      pack_size: product.pack_size,
      par_level: product.par_level as number,
      expected: expected.expected,
      counted_month: expected.counted_month,
      counted: expected.counted,
      received: round3(expected.delivered + expected.transfers_in - expected.transfers_out),
      losses: expected.losses,
      sold: expected.sold,
      on_order: onTheWay,
      quantity: order.quantity,
      packs: order.packs,
      unit_cost: product.purchase_price,
      line_cost: product.purchase_price === null ? null : round2(order.quantity * product.purchase_price),
    });
  }
  for (const group of groups.values())
    group.total_cost = round2(sumExact(group.lines.map((l) => l.line_cost ?? 0)));
  const byName = (a: OrderSuggestionGroup, b: OrderSuggestionGroup) =>
    a.supplier_name === null
      ? 1
      : b.supplier_name === null
        ? -1
        : a.supplier_name.localeCompare(b.supplier_name, 'fr');
  return {
    service_id: service.id,
    groups: [...groups.values()].sort(byName),
    not_counted: notCounted,
    at_par: atPar,
    covered_by_orders: coveredByOrders,
  };
}
