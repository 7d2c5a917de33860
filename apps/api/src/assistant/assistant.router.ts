import { AssistantAskInput, AssistantResponse } from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { tenantProcedure } from '../trpc';
import { askAssistant } from './assistant.service';

export const assistantRouter = {
  ask: tenantProcedure()
    .input(AssistantAskInput)
    .output(AssistantResponse)
    .mutation(({ ctx, input }) =>
      askAssistant(ctx.deps, ctx.actor, input, {
        locale: ctx.locale,
        requestId: ctx.requestId,
        log: ctx.req.log,
      }),
    ),
} satisfies TRPCRouterRecord;
