import type { IsolationCase } from './harness';

/** assistant.ask and POST /api/ai/assistant/: a service id out of reach answers 404 before any model call. */
export const cases: IsolationCase[] = [
  {
    kind: 'trpc',
    path: 'assistant.ask',
    expect: 404,
    name: 'B owner asks about A’s service',
    call: (fx) => fx.b.owner.trpc.assistant.ask.mutate({ service_id: fx.a.other.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'assistant.ask',
    expect: 404,
    name: 'A operator scoped elsewhere asks about the other service',
    call: (fx) => fx.a.operator.trpc.assistant.ask.mutate({ service_id: fx.a.other.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'assistant.ask',
    expect: 404,
    name: 'A scoped manager asks about the other service',
    call: (fx) => fx.a.scopedManager.trpc.assistant.ask.mutate({ service_id: fx.a.other.serviceId }),
  },
  {
    kind: 'trpc',
    path: 'assistant.ask',
    expect: 'own-tenant-only',
    name: 'B owner without a service id reads only B',
    call: (fx) => fx.b.owner.trpc.assistant.ask.mutate({ question: 'Que faire ?' }),
  },
  {
    kind: 'trpc',
    path: 'assistant.ask',
    expect: 'own-tenant-only',
    name: 'A scoped operator without a service id reads only its service',
    call: (fx) => fx.a.operator.trpc.assistant.ask.mutate({}),
  },
  {
    kind: 'rest',
    path: 'POST /api/ai/assistant/',
    expect: 404,
    name: 'B owner asks about A’s service',
    call: (fx) => fx.b.owner.rest('POST', '/api/ai/assistant/', { service_id: fx.a.scoped.serviceId }),
  },
  {
    kind: 'rest',
    path: 'POST /api/ai/assistant/',
    expect: 404,
    name: 'A operator scoped elsewhere asks about the other service',
    call: (fx) => fx.a.operator.rest('POST', '/api/ai/assistant/', { service_id: fx.a.other.serviceId }),
  },
  {
    kind: 'rest',
    path: 'POST /api/ai/assistant/',
    expect: 'own-tenant-only',
    name: 'A scoped manager without a service id reads only its service',
    call: (fx) => fx.a.scopedManager.rest('POST', '/api/ai/assistant/', {}),
  },
];
