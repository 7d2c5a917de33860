import {
  AcceptInvitationInput,
  AcceptInvitationResult,
  InvitationCanceled,
  InvitationIdInput,
  InvitationPreview,
  InvitationTokenInput,
  InviteInput,
  InviteResult,
  MembershipIdInput,
  MembershipRemoved,
  MembershipUpdateInput,
  MembershipView,
  MembersSummary,
} from '@stockscan/contracts';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { publicProcedure, tenantProcedure } from '../trpc';
import { acceptInvitation, declineInvitation, previewInvitation } from './accept.service';
import { cancelInvitation, invite, resendInvitation } from './invitations.service';
import { listMemberships, removeMembership, updateMembership } from './memberships.service';
import { membersSummary } from './summary.service';

export const membersRouter = {
  invite: tenantProcedure('owner')
    .input(InviteInput)
    .output(InviteResult)
    .mutation(({ ctx, input }) => invite(ctx.deps, ctx.actor, input, ctx.req.log)),
  resendInvitation: tenantProcedure('owner')
    .input(InvitationIdInput)
    .output(InviteResult)
    .mutation(({ ctx, input }) => resendInvitation(ctx.deps, ctx.actor, input.id, ctx.req.log)),
  cancelInvitation: tenantProcedure('owner')
    .input(InvitationIdInput)
    .output(InvitationCanceled)
    .mutation(({ ctx, input }) => cancelInvitation(ctx.deps, ctx.actor, input.id)),
  list: tenantProcedure('owner')
    .output(z.array(MembershipView))
    .query(({ ctx }) => listMemberships(ctx.deps.db, ctx.actor)),
  update: tenantProcedure('owner')
    .input(MembershipUpdateInput)
    .output(MembershipView)
    .mutation(({ ctx, input: { id, ...patch } }) => updateMembership(ctx.deps, ctx.actor, id, patch)),
  remove: tenantProcedure('owner')
    .input(MembershipIdInput)
    .output(MembershipRemoved)
    .mutation(({ ctx, input }) => removeMembership(ctx.deps, ctx.actor, input.id)),
  summary: tenantProcedure('owner')
    .output(MembersSummary)
    .query(({ ctx }) => membersSummary(ctx.deps.db, ctx.actor, ctx.deps.now())),
  previewInvitation: publicProcedure
    .input(InvitationTokenInput)
    .output(InvitationPreview)
    .query(({ ctx, input }) => previewInvitation(ctx.deps, input.token)),
  acceptInvitation: publicProcedure
    .input(AcceptInvitationInput)
    .output(AcceptInvitationResult)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.deps, input, ctx.locale)),
  declineInvitation: publicProcedure
    .input(InvitationTokenInput)
    .output(InvitationCanceled)
    .mutation(({ ctx, input }) => declineInvitation(ctx.deps, input.token)),
} satisfies TRPCRouterRecord;
