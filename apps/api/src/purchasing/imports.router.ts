import {
  ImportCommitInput,
  ImportCommitResult,
  ImportPreviewInput,
  ImportPreviewResult,
} from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { tenantProcedure } from '../trpc';
import { commitImport, previewImport } from './imports.service';

/** `purchasing.imports.*`: mutations because the file travels in the body (a preview still never writes). */
export const importsRouter = {
  preview: tenantProcedure()
    .input(ImportPreviewInput)
    .output(ImportPreviewResult)
    .mutation(({ ctx, input }) => previewImport(ctx.deps, ctx.actor, input)),
  commit: tenantProcedure()
    .input(ImportCommitInput)
    .output(ImportCommitResult)
    .mutation(({ ctx, input }) => commitImport(ctx.deps, ctx.actor, input, input.idempotency_key)),
} satisfies TRPCRouterRecord;
