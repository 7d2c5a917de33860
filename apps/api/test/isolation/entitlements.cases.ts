import type { IsolationCase } from './harness';

/** The entitlements document takes no id: each caller only ever reads its own tenant's plan and usage. */
export const cases: IsolationCase[] = [
  {
    kind: 'trpc',
    path: 'entitlements.get',
    expect: 'own-tenant-only',
    name: 'tenant B reads only its own plan',
    call: (fx) => fx.b.owner.trpc.entitlements.get.query(),
  },
  {
    kind: 'rest',
    path: 'GET /api/auth/me/org/entitlements',
    expect: 'own-tenant-only',
    name: 'tenant B reads only its own plan',
    call: (fx) => fx.b.owner.rest('GET', '/api/auth/me/org/entitlements'),
  },
  {
    kind: 'rest',
    path: 'GET /api/auth/me/org/entitlements',
    expect: 'public',
    name: 'anonymous gets 401, nothing of A',
    call: (fx) => fx.anonymous.rest('GET', '/api/auth/me/org/entitlements'),
  },
];
