import { HealthResponse, PublicConfig } from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc';
import { checkHealth } from './health.service';
import { publicConfig } from './public-config.service';

export const systemRouter = {
  health: publicProcedure.output(HealthResponse).query(({ ctx }) => checkHealth(ctx.deps)),
  config: publicProcedure.output(PublicConfig).query(({ ctx }) => publicConfig(ctx.deps.config)),
} satisfies TRPCRouterRecord;
