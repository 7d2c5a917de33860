import type { IsolationCase } from './harness';

/** Health and metrics: no tenant; the metrics text must name routes, never a tenant's ids or names. */
export const cases: IsolationCase[] = [
  {
    kind: 'trpc',
    path: 'system.health',
    expect: 'public',
    call: (fx) => fx.anonymous.trpc.system.health.query(),
  },
  {
    kind: 'trpc',
    path: 'system.config',
    expect: 'public',
    call: (fx) => fx.anonymous.trpc.system.config.query(),
  },
  {
    kind: 'rest',
    path: 'GET /api/config/public',
    expect: 'public',
    call: (fx) => fx.anonymous.rest('GET', '/api/config/public'),
  },
  { kind: 'rest', path: 'GET /health', expect: 'public', call: (fx) => fx.anonymous.rest('GET', '/health') },
  {
    kind: 'rest',
    path: 'GET /metrics',
    expect: 'public',
    name: 'no tenant names or ids in the metrics text',
    call: (fx) => fx.anonymous.rest('GET', '/metrics'),
  },
];
