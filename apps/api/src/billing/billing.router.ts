import { BillingStatus, CheckoutInput, CheckoutResult, PortalResult, SyncInput } from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { tenantProcedure } from '../trpc';
import { getBillingStatus, openPortal, startCheckout, syncCheckout } from './billing.service';

/** The web client's billing calls; the Stripe webhook is REST only (billing.rest.ts). */
export const billingRouter = {
  checkout: tenantProcedure('owner')
    .input(CheckoutInput)
    .output(CheckoutResult)
    .mutation(({ ctx, input }) => startCheckout(ctx.deps, ctx.actor, input)),
  portal: tenantProcedure('owner')
    .output(PortalResult)
    .mutation(({ ctx }) => openPortal(ctx.deps, ctx.actor)),
  sync: tenantProcedure('owner')
    .input(SyncInput)
    .output(BillingStatus)
    .mutation(({ ctx, input }) => syncCheckout(ctx.deps, ctx.actor, input)),
  status: tenantProcedure('owner')
    .output(BillingStatus)
    .query(({ ctx }) => getBillingStatus(ctx.deps, ctx.actor)),
} satisfies TRPCRouterRecord;
