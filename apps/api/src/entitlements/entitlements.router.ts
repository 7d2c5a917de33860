import { EntitlementsResponse } from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { tenantProcedure } from '../trpc';
import { getEntitlements } from './entitlements.service';

export const entitlementsRouter = {
  get: tenantProcedure()
    .output(EntitlementsResponse)
    .query(({ ctx }) => getEntitlements(ctx.deps.db, ctx.actor.tenantId, ctx.deps.now())),
} satisfies TRPCRouterRecord;
