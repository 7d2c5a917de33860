import {
  DeletedResult,
  IdInput,
  Receipt,
  ReceiptCreateInput,
  ReceiptListInput,
  ReceiptListResult,
  Supplier,
  SupplierCreateInput,
  SupplierListInput,
  SupplierListResult,
  SupplierUpdateInput,
  Transfer,
  TransferCreateInput,
  TransferListInput,
  TransferListResult,
  TransferPairsInput,
  TransferPairsResult,
} from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import { tenantProcedure } from '../trpc';
import { importsRouter } from './imports.router';
import { ordersRouter } from './orders.router';
import { createReceipt, deleteReceipt, getReceipt, listReceipts } from './receipts.service';
import { archiveSupplier, createSupplier, listSuppliers, updateSupplier } from './suppliers.service';
import { createTransfer, listTransfers, pairTransferProducts } from './transfers.service';

const suppliers = {
  list: tenantProcedure()
    .input(SupplierListInput)
    .output(SupplierListResult)
    .query(({ ctx, input }) => listSuppliers(ctx.deps.db, ctx.actor, input)),
  create: tenantProcedure('manager')
    .input(SupplierCreateInput)
    .output(Supplier)
    .mutation(({ ctx, input }) => createSupplier(ctx.deps, ctx.actor, input)),
  update: tenantProcedure('manager')
    .input(SupplierUpdateInput)
    .output(Supplier)
    .mutation(({ ctx, input }) => updateSupplier(ctx.deps, ctx.actor, input)),
  archive: tenantProcedure('manager')
    .input(IdInput)
    .output(Supplier)
    .mutation(({ ctx, input }) => archiveSupplier(ctx.deps, ctx.actor, input.id)),
} satisfies TRPCRouterRecord;

const receipts = {
  list: tenantProcedure()
    .input(ReceiptListInput)
    .output(ReceiptListResult)
    .query(({ ctx, input }) => listReceipts(ctx.deps.db, ctx.actor, input)),
  get: tenantProcedure()
    .input(IdInput)
    .output(Receipt)
    .query(({ ctx, input }) => getReceipt(ctx.deps.db, ctx.actor, input.id)),
  create: tenantProcedure()
    .input(ReceiptCreateInput)
    .output(Receipt)
    .mutation(({ ctx, input }) =>
      createReceipt(ctx.deps, ctx.actor, input, idempotencyKeyOf(input, ctx.req.headers)),
    ),
  delete: tenantProcedure()
    .input(IdInput)
    .output(DeletedResult)
    .mutation(({ ctx, input }) => deleteReceipt(ctx.deps, ctx.actor, input.id)),
} satisfies TRPCRouterRecord;

const transfers = {
  list: tenantProcedure()
    .input(TransferListInput)
    .output(TransferListResult)
    .query(({ ctx, input }) => listTransfers(ctx.deps.db, ctx.actor, input)),
  pairs: tenantProcedure()
    .input(TransferPairsInput)
    .output(TransferPairsResult)
    .query(({ ctx, input }) => pairTransferProducts(ctx.deps.db, ctx.actor, input)),
  create: tenantProcedure()
    .input(TransferCreateInput)
    .output(Transfer)
    .mutation(({ ctx, input }) =>
      createTransfer(ctx.deps, ctx.actor, input, idempotencyKeyOf(input, ctx.req.headers)),
    ),
} satisfies TRPCRouterRecord;

export const purchasingRouter = {
  suppliers,
  receipts,
  transfers,
  imports: importsRouter,
  orders: ordersRouter,
} satisfies TRPCRouterRecord;
