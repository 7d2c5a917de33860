import type { TRPCRouterRecord } from '@trpc/server';

export const tenantsRouter = {} satisfies TRPCRouterRecord;
export const servicesRouter = {} satisfies TRPCRouterRecord;
