import type { TRPCRouterRecord } from '@trpc/server';

export const exportsRouter = {} satisfies TRPCRouterRecord;
