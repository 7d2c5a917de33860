import { HealthResponse } from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc';
import { checkHealth } from './health.service';

export const systemRouter = {
  health: publicProcedure.output(HealthResponse).query(({ ctx }) => checkHealth(ctx.deps)),
} satisfies TRPCRouterRecord;
