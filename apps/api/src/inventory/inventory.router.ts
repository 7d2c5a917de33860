import type { TRPCRouterRecord } from '@trpc/server';

export const inventoryRouter = {} satisfies TRPCRouterRecord;
