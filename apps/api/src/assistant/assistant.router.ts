import type { TRPCRouterRecord } from '@trpc/server';

export const assistantRouter = {} satisfies TRPCRouterRecord;
