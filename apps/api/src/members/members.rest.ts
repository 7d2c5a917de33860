import {
  AcceptInvitationInput,
  InvitationTokenInput,
  InviteInput,
  MembershipIdInput,
  MembershipPatch,
} from '@stockscan/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';
import { restRoute } from '../http/rest';
import { acceptInvitation, declineInvitation, previewInvitation } from './accept.service';
import { invite } from './invitations.service';
import { listMemberships, removeMembership, updateMembership } from './memberships.service';
import { membersSummary } from './summary.service';

/** REST adapters of SPEC §7 for this domain (thin: parse → service → map errors). */
export function registerMembersRoutes(app: FastifyInstance, deps: Deps): void {
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/memberships/',
    auth: 'owner',
    body: InviteInput,
    status: 201,
    handler: ({ actor, body, req }) => invite(deps, actor, body, req.log),
  });
  restRoute(app, deps, {
    method: 'GET',
    url: '/api/auth/memberships/',
    auth: 'owner',
    handler: ({ actor }) => listMemberships(deps.db, actor),
  });
  restRoute(app, deps, {
    method: 'PATCH',
    url: '/api/auth/memberships/:id/',
    auth: 'owner',
    params: MembershipIdInput,
    body: MembershipPatch,
    handler: ({ actor, params, body }) => updateMembership(deps, actor, params.id, body),
  });
  restRoute(app, deps, {
    method: 'DELETE',
    url: '/api/auth/memberships/:id/',
    auth: 'owner',
    params: MembershipIdInput,
    status: 204,
    handler: async ({ actor, params }) => {
      await removeMembership(deps, actor, params.id);
    },
  });
  restRoute(app, deps, {
    method: 'GET',
    url: '/api/auth/members/summary/',
    auth: 'owner',
    handler: ({ actor }) => membersSummary(deps.db, actor, deps.now()),
  });
  restRoute(app, deps, {
    method: 'GET',
    url: '/api/auth/invitations/accept/',
    auth: 'public',
    query: InvitationTokenInput,
    handler: ({ query }) => previewInvitation(deps, query.token),
  });
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/invitations/accept/',
    auth: 'public',
    body: AcceptInvitationInput,
    handler: ({ body, ctx }) => acceptInvitation(deps, body, ctx.locale),
  });
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/invitations/decline/',
    auth: 'public',
    body: InvitationTokenInput,
    handler: ({ body }) => declineInvitation(deps, body.token),
  });
}
