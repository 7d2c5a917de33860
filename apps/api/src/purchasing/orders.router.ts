import {
  IdInput,
  OrderCreateInput,
  OrderFile,
  OrderFileInput,
  OrderListInput,
  OrderListResult,
  OrderReceiveInput,
  OrderReceiveResult,
  OrderSendInput,
  OrderSendResult,
  OrderSuggestInput,
  OrderSuggestion,
  OrderUpdateInput,
  PurchaseOrder,
} from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import { tenantProcedure } from '../trpc';
import { receiveOrder } from './order-receive';
import { sendOrder } from './order-send';
import { suggestOrder } from './order-suggestion';
import { cancelOrder, createOrder, getOrder, listOrders, orderFile, updateOrder } from './orders.service';

/** purchasing.orders (SPEC §11): managers order, anyone of the service may receive what came. */
export const ordersRouter = {
  suggest: tenantProcedure('manager')
    .input(OrderSuggestInput)
    .output(OrderSuggestion)
    .query(({ ctx, input }) => suggestOrder(ctx.deps, ctx.actor, input)),
  list: tenantProcedure()
    .input(OrderListInput)
    .output(OrderListResult)
    .query(({ ctx, input }) => listOrders(ctx.deps.db, ctx.actor, input)),
  get: tenantProcedure()
    .input(IdInput)
    .output(PurchaseOrder)
    .query(({ ctx, input }) => getOrder(ctx.deps.db, ctx.actor, input.id)),
  file: tenantProcedure()
    .input(OrderFileInput)
    .output(OrderFile)
    .query(({ ctx, input }) => orderFile(ctx.deps, ctx.actor, input)),
  create: tenantProcedure('manager')
    .input(OrderCreateInput)
    .output(PurchaseOrder)
    .mutation(({ ctx, input }) =>
      createOrder(ctx.deps, ctx.actor, input, idempotencyKeyOf(input, ctx.req.headers)),
    ),
  update: tenantProcedure('manager')
    .input(OrderUpdateInput)
    .output(PurchaseOrder)
    .mutation(({ ctx, input }) => updateOrder(ctx.deps, ctx.actor, input)),
  send: tenantProcedure('manager')
    .input(OrderSendInput)
    .output(OrderSendResult)
    .mutation(({ ctx, input }) =>
      sendOrder(ctx.deps, ctx.actor, input, idempotencyKeyOf(input, ctx.req.headers)),
    ),
  receive: tenantProcedure()
    .input(OrderReceiveInput)
    .output(OrderReceiveResult)
    .mutation(({ ctx, input }) =>
      receiveOrder(ctx.deps, ctx.actor, input, idempotencyKeyOf(input, ctx.req.headers)),
    ),
  cancel: tenantProcedure('manager')
    .input(IdInput)
    .output(PurchaseOrder)
    .mutation(({ ctx, input }) => cancelOrder(ctx.deps, ctx.actor, input.id)),
} satisfies TRPCRouterRecord;
