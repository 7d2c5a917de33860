import type { IsolationCase, IsolationFixture } from './harness';

const month = (fx: IsolationFixture) => fx.t.clock.now.toISOString().slice(0, 7);

/**
 * Exports: B aims at A's services; A's manager scoped to "Alpha Cuisine" aims at "Alpha Cave"; A's operator
 * may not export. Every refusal comes before the quota is touched, so nothing of A is written.
 */
export const cases: IsolationCase[] = [
  // GET /api/export-excel/ ---------------------------------------------------------------------------------
  {
    kind: 'rest',
    path: 'GET /api/export-excel/',
    expect: 404,
    name: "B exports A's service",
    call: (fx) => fx.b.owner.rest('GET', `/api/export-excel/?service=${fx.a.scoped.serviceId}&format=csv`),
  },
  {
    kind: 'rest',
    path: 'GET /api/export-excel/',
    expect: 404,
    name: "A's scoped manager exports the other service",
    call: (fx) =>
      fx.a.scopedManager.rest('GET', `/api/export-excel/?service=${fx.a.other.serviceId}&format=csv`),
  },
  {
    kind: 'rest',
    path: 'GET /api/export-excel/',
    expect: 403,
    name: "A's operator",
    call: (fx) => fx.a.operator.rest('GET', `/api/export-excel/?service=${fx.a.scoped.serviceId}&format=csv`),
  },
  {
    kind: 'rest',
    path: 'GET /api/export-excel/',
    expect: 'own-tenant-only',
    name: "B exports 'all' as CSV: only B's rows",
    call: (fx) => fx.b.owner.rest('GET', `/api/export-excel/?service=all&format=csv&month=${month(fx)}`),
  },

  // GET /api/export-excel/download -------------------------------------------------------------------------
  {
    kind: 'rest',
    path: 'GET /api/export-excel/download',
    expect: 'public',
    name: 'anonymous with a forged link',
    call: (fx) =>
      fx.anonymous.rest('GET', '/api/export-excel/download?token=eyJhbGciOiJIUzI1NiJ9.e30.forged'),
  },
  {
    kind: 'rest',
    path: 'GET /api/export-excel/download',
    expect: 'public',
    name: "anonymous with B's access token as the link",
    call: (fx) => fx.anonymous.rest('GET', `/api/export-excel/download?token=${fx.b.owner.token}`),
  },
  {
    kind: 'rest',
    path: 'GET /api/export-excel/download',
    expect: 'own-tenant-only',
    name: "B's own link: only B's rows",
    call: async (fx) => {
      const link = await fx.b.owner.trpc.exports.prepare.mutate({ service: 'all', format: 'csv' });
      return fx.anonymous.rest('GET', link.path);
    },
  },

  // tRPC ----------------------------------------------------------------------------------------------------
  {
    kind: 'trpc',
    path: 'exports.prepare',
    expect: 404,
    name: "B prepares A's service",
    call: (fx) => fx.b.owner.trpc.exports.prepare.mutate({ service: fx.a.scoped.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'exports.prepare',
    expect: 404,
    name: "A's scoped manager prepares the other service",
    call: (fx) => fx.a.scopedManager.trpc.exports.prepare.mutate({ service: fx.a.other.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'exports.prepare',
    expect: 403,
    name: "A's operator",
    call: (fx) => fx.a.operator.trpc.exports.prepare.mutate({ service: fx.a.scoped.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'exports.email',
    expect: 404,
    name: "B mails A's service to itself",
    call: (fx) =>
      fx.b.owner.trpc.exports.email.mutate({ service: fx.a.scoped.serviceId, email: 'thief@example.test' }),
  },
  {
    kind: 'trpc',
    path: 'exports.email',
    expect: 404,
    name: "A's scoped manager mails the other service",
    call: (fx) =>
      fx.a.scopedManager.trpc.exports.email.mutate({
        service: fx.a.other.serviceId,
        email: 'm@example.test',
      }),
  },
  {
    kind: 'trpc',
    path: 'exports.email',
    expect: 403,
    name: "A's operator",
    call: (fx) =>
      fx.a.operator.trpc.exports.email.mutate({ service: fx.a.scoped.serviceId, email: 'o@example.test' }),
  },
];
