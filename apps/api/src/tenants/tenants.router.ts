import {
  ServiceCreateInput,
  ServiceDeleted,
  ServiceIdInput,
  ServiceUpdateInput,
  ServiceView,
  TenantUpdateInput,
  TenantView,
} from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { tenantProcedure } from '../trpc';
import { createService, deleteService, listServices, updateService } from './services.service';
import { updateTenant } from './tenants.service';

export const tenantsRouter = {
  update: tenantProcedure('manager')
    .input(TenantUpdateInput)
    .output(TenantView)
    .mutation(({ ctx, input }) => updateTenant(ctx.deps, ctx.actor, input)),
} satisfies TRPCRouterRecord;

export const servicesRouter = {
  list: tenantProcedure('operator')
    .output(z.array(ServiceView))
    .query(({ ctx }) => listServices(ctx.deps.db, ctx.actor)),
  create: tenantProcedure('manager')
    .input(ServiceCreateInput)
    .output(ServiceView)
    .mutation(({ ctx, input }) => createService(ctx.deps, ctx.actor, input)),
  update: tenantProcedure('manager')
    .input(ServiceUpdateInput)
    .output(ServiceView)
    .mutation(({ ctx, input: { id, ...patch } }) => updateService(ctx.deps, ctx.actor, id, patch)),
  delete: tenantProcedure('manager')
    .input(ServiceIdInput)
    .output(ServiceDeleted)
    .mutation(({ ctx, input }) => deleteService(ctx.deps, ctx.actor, input.id)),
} satisfies TRPCRouterRecord;
