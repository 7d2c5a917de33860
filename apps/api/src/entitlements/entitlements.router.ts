import type { TRPCRouterRecord } from '@trpc/server';

export const entitlementsRouter = {} satisfies TRPCRouterRecord;
