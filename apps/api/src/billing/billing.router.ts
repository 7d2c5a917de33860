import type { TRPCRouterRecord } from '@trpc/server';

export const billingRouter = {} satisfies TRPCRouterRecord;
