import {
  ExportEmailInput,
  ExportEmailResult,
  ExportPrepareInput,
  ExportPrepareResult,
} from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { tenantProcedure } from '../trpc';
import { emailExport, prepareExport } from './exports.service';

export const exportsRouter = {
  /** Checks the export now (JSON errors) and returns a 5-minute signed link for the browser to download. */
  prepare: tenantProcedure('manager')
    .input(ExportPrepareInput)
    .output(ExportPrepareResult)
    .mutation(({ ctx, input }) =>
      prepareExport(ctx.deps, ctx.actor, input, `${ctx.req.protocol}://${ctx.req.host}`),
    ),

  /** PRO `exports_email`: produces the file and mails it; says whether the mail went out. */
  email: tenantProcedure('manager')
    .input(ExportEmailInput)
    .output(ExportEmailResult)
    .mutation(({ ctx, input }) => emailExport(ctx.deps, ctx.actor, input, ctx.req.log)),
} satisfies TRPCRouterRecord;
