import type { IsolationCase } from './harness';

/**
 * Team: B's owner aims at A's memberships, invitation and services (404); A's managers and operators are
 * below the owner role every team route needs (403); the public invitation routes answer 404 to a forged token.
 */
export const cases: IsolationCase[] = [
  // invite
  {
    kind: 'trpc',
    path: 'members.invite',
    expect: 404,
    name: "B scopes an invitation to A's service",
    call: (fx) =>
      fx.b.owner.trpc.members.invite.mutate({
        email: 'iso-invite@example.test',
        role: 'operator',
        service_id: fx.a.other.serviceId,
      }),
  },
  {
    kind: 'trpc',
    path: 'members.invite',
    expect: 403,
    name: "A's scoped manager",
    call: (fx) =>
      fx.a.scopedManager.trpc.members.invite.mutate({ email: 'iso-invite@example.test', role: 'operator' }),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/memberships/',
    expect: 404,
    name: "B scopes an invitation to A's service",
    call: (fx) =>
      fx.b.owner.rest('POST', '/api/auth/memberships/', {
        email: 'iso-invite@example.test',
        role: 'manager',
        service_id: fx.a.scoped.serviceId,
      }),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/memberships/',
    expect: 403,
    name: "A's operator",
    call: (fx) =>
      fx.a.operator.rest('POST', '/api/auth/memberships/', {
        email: 'iso-invite@example.test',
        role: 'operator',
      }),
  },
  // resend / cancel
  {
    kind: 'trpc',
    path: 'members.resendInvitation',
    expect: 404,
    name: "B on A's invitation",
    call: (fx) => fx.b.owner.trpc.members.resendInvitation.mutate({ id: fx.a.invitationId }),
  },
  {
    kind: 'trpc',
    path: 'members.resendInvitation',
    expect: 403,
    name: "A's scoped manager",
    call: (fx) => fx.a.scopedManager.trpc.members.resendInvitation.mutate({ id: fx.a.invitationId }),
  },
  {
    kind: 'trpc',
    path: 'members.cancelInvitation',
    expect: 404,
    name: "B on A's invitation",
    call: (fx) => fx.b.owner.trpc.members.cancelInvitation.mutate({ id: fx.a.invitationId }),
  },
  {
    kind: 'trpc',
    path: 'members.cancelInvitation',
    expect: 403,
    name: "A's operator",
    call: (fx) => fx.a.operator.trpc.members.cancelInvitation.mutate({ id: fx.a.invitationId }),
  },
  // list
  {
    kind: 'trpc',
    path: 'members.list',
    expect: 'own-tenant-only',
    call: (fx) => fx.b.owner.trpc.members.list.query(),
  },
  {
    kind: 'trpc',
    path: 'members.list',
    expect: 403,
    name: "A's scoped manager",
    call: (fx) => fx.a.scopedManager.trpc.members.list.query(),
  },
  {
    kind: 'rest',
    path: 'GET /api/auth/memberships/',
    expect: 'own-tenant-only',
    call: (fx) => fx.b.owner.rest('GET', '/api/auth/memberships/'),
  },
  {
    kind: 'rest',
    path: 'GET /api/auth/memberships/',
    expect: 403,
    name: "A's operator",
    call: (fx) => fx.a.operator.rest('GET', '/api/auth/memberships/'),
  },
  // update
  {
    kind: 'trpc',
    path: 'members.update',
    expect: 404,
    name: "B on A's operator",
    call: (fx) => fx.b.owner.trpc.members.update.mutate({ id: fx.a.operator.membershipId, role: 'owner' }),
  },
  {
    kind: 'trpc',
    path: 'members.update',
    expect: 403,
    name: "A's scoped manager widens its own scope",
    call: (fx) =>
      fx.a.scopedManager.trpc.members.update.mutate({
        id: fx.a.scopedManager.membershipId,
        service_id: null,
      }),
  },
  {
    kind: 'rest',
    path: 'PATCH /api/auth/memberships/:id/',
    expect: 404,
    name: "B on A's owner",
    call: (fx) =>
      fx.b.owner.rest('PATCH', `/api/auth/memberships/${fx.a.owner.membershipId}/`, { role: 'operator' }),
  },
  {
    kind: 'rest',
    path: 'PATCH /api/auth/memberships/:id/',
    expect: 403,
    name: "A's operator promotes itself",
    call: (fx) =>
      fx.a.operator.rest('PATCH', `/api/auth/memberships/${fx.a.operator.membershipId}/`, { role: 'owner' }),
  },
  // remove
  {
    kind: 'trpc',
    path: 'members.remove',
    expect: 404,
    name: "B on A's scoped manager",
    call: (fx) => fx.b.owner.trpc.members.remove.mutate({ id: fx.a.scopedManager.membershipId }),
  },
  {
    kind: 'trpc',
    path: 'members.remove',
    expect: 403,
    name: "A's scoped manager on A's operator",
    call: (fx) => fx.a.scopedManager.trpc.members.remove.mutate({ id: fx.a.operator.membershipId }),
  },
  {
    kind: 'rest',
    path: 'DELETE /api/auth/memberships/:id/',
    expect: 404,
    name: "B on A's operator",
    call: (fx) => fx.b.owner.rest('DELETE', `/api/auth/memberships/${fx.a.operator.membershipId}/`),
  },
  {
    kind: 'rest',
    path: 'DELETE /api/auth/memberships/:id/',
    expect: 403,
    name: "A's operator on A's owner",
    call: (fx) => fx.a.operator.rest('DELETE', `/api/auth/memberships/${fx.a.owner.membershipId}/`),
  },
  // summary
  {
    kind: 'trpc',
    path: 'members.summary',
    expect: 'own-tenant-only',
    call: (fx) => fx.b.owner.trpc.members.summary.query(),
  },
  {
    kind: 'trpc',
    path: 'members.summary',
    expect: 403,
    name: "A's scoped manager",
    call: (fx) => fx.a.scopedManager.trpc.members.summary.query(),
  },
  {
    kind: 'rest',
    path: 'GET /api/auth/members/summary/',
    expect: 'own-tenant-only',
    call: (fx) => fx.b.owner.rest('GET', '/api/auth/members/summary/'),
  },
  {
    kind: 'rest',
    path: 'GET /api/auth/members/summary/',
    expect: 403,
    name: "A's operator",
    call: (fx) => fx.a.operator.rest('GET', '/api/auth/members/summary/'),
  },
  // public invitation routes: the raw token is the only key; a forged one finds nothing
  {
    kind: 'trpc',
    path: 'members.previewInvitation',
    expect: 404,
    name: 'forged token',
    call: (fx) => fx.anonymous.trpc.members.previewInvitation.query({ token: 'forged-token' }),
  },
  {
    kind: 'rest',
    path: 'GET /api/auth/invitations/accept/',
    expect: 404,
    name: 'forged token',
    call: (fx) => fx.b.owner.rest('GET', '/api/auth/invitations/accept/?token=forged-token'),
  },
  {
    kind: 'trpc',
    path: 'members.acceptInvitation',
    expect: 404,
    name: 'forged token',
    call: (fx) =>
      fx.anonymous.trpc.members.acceptInvitation.mutate({
        token: 'forged-token',
        password: 'isolation-password',
        password_confirm: 'isolation-password',
      }),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/invitations/accept/',
    expect: 404,
    name: 'forged token',
    call: (fx) =>
      fx.b.owner.rest('POST', '/api/auth/invitations/accept/', {
        token: 'forged-token',
        password: 'isolation-password',
        password_confirm: 'isolation-password',
      }),
  },
  {
    kind: 'trpc',
    path: 'members.declineInvitation',
    expect: 404,
    name: 'forged token',
    call: (fx) => fx.anonymous.trpc.members.declineInvitation.mutate({ token: 'forged-token' }),
  },
  {
    kind: 'rest',
    path: 'POST /api/auth/invitations/decline/',
    expect: 404,
    name: 'forged token',
    call: (fx) => fx.anonymous.rest('POST', '/api/auth/invitations/decline/', { token: 'forged-token' }),
  },
];
