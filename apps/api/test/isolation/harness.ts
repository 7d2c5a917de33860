/**
 * Tenant-isolation harness (SPEC §3: "another tenant's id answers 404").
 *
 * apps/api/test/isolation.test.ts lists EVERY tRPC procedure of appRouter and EVERY route the Fastify server
 * registered, and fails for any that no case covers. To cover yours, add a case to
 * apps/api/test/isolation/<domain>.cases.ts (create the file if needed; it must `export const cases`):
 *
 *   import type { IsolationCase } from './harness';
 *   export const cases: IsolationCase[] = [
 *     // tenant B's owner aims at tenant A's product → 404, nothing of A in the answer, nothing written to A
 *     { kind: 'trpc', path: 'inventory.products.get', expect: 404,
 *       call: (fx) => fx.b.owner.trpc.inventory.products.get.query({ id: fx.a.other.productId }) },
 *     // A's operator scoped to A's "scoped" service aims at the other service → 404
 *     { kind: 'rest', path: 'DELETE /api/auth/services/:id/', expect: 404,
 *       call: (fx) => fx.a.scopedManager.rest('DELETE', `/api/auth/services/${fx.a.other.serviceId}/`) },
 *   ];
 *
 * `path` is the tRPC path (`services.update`) or `METHOD /url/pattern/` exactly as registered
 * (`PATCH /api/auth/services/:id/`). Each case must really call it through `fx.<caller>.trpc` / `.rest` (the
 * harness records the calls and checks). Several cases may cover one path.
 * `expect`:
 *   404               status 404 NOT_FOUND (another tenant's id, or a service outside the caller's scope)
 *   403               status 403 (the caller's role is too low)
 *   'own-tenant-only' takes no foreign id and answers only about the caller's own tenant (any status < 500)
 *   'public'          no tenant involved (register, login, health…) (any status < 500)
 * Every case also checks: no 5xx, none of the caller's forbidden strings (tenant A's names and ids for B and
 * anonymous callers; the other service's for A's scoped members) in the answer, and — unless an A member
 * calls an own-tenant-only/public case — every row of tenant A unchanged.
 */

import { createTRPCClient, httpLink, type TRPCClient, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../src/router';
import type { TestApp } from '../test-server';
import type { PurchasingRows } from './purchasing-fixture';

export type Expectation = 404 | 403 | 'public' | 'own-tenant-only';

export interface IsolationCase {
  kind: 'trpc' | 'rest';
  /** tRPC procedure path, or `METHOD /url/pattern/` as registered. */
  path: string;
  expect: Expectation;
  /** Optional words shown in the test name (who calls, on what). */
  name?: string;
  call: (fx: IsolationFixture) => Promise<unknown>;
}

export interface Caller {
  label: string;
  /** Tenant A's member? (their own-tenant calls may legitimately write to A). */
  memberOfA: boolean;
  token: string | null;
  trpc: TRPCClient<AppRouter>;
  rest(method: string, url: string, json?: unknown): Promise<Response>;
  /** Strings this caller must never read (names and ids it has no right to). */
  forbidden: string[];
}

export interface TenantRows {
  serviceId: string;
  serviceName: string;
  productId: string;
  productName: string;
  countId: string;
  categoryId: string;
  lossEventId: string;
  locationId: string;
}

export interface IsolationFixture {
  t: TestApp;
  /** The victim: two services; its scoped members see only `scoped`. */
  a: {
    tenantId: string;
    tenantName: string;
    owner: Caller & { userId: string; membershipId: string };
    /** Operator scoped to `scoped`. */
    operator: Caller & { userId: string; membershipId: string };
    /** Manager scoped to `scoped`: passes manager role checks, must still get 404 on `other`. */
    scopedManager: Caller & { userId: string; membershipId: string };
    scoped: TenantRows;
    other: TenantRows;
    invitationId: string;
    invitationEmail: string;
    purchasing: PurchasingRows;
  };
  /** The attacker: owner of another tenant with its own rows. */
  b: { tenantId: string; owner: Caller & { userId: string }; rows: TenantRows };
  anonymous: Caller;
  /** A valid, unique registration body (tRPC shape, terms accepted). */
  registration(): RegistrationBody;
  /** A freshly registered tenant + owner (for destructive own-account cases: delete, logout…). */
  newAccount(): Promise<Caller & { username: string; password: string; refresh: string; tenantId: string }>;
}

export interface RegistrationBody {
  username: string;
  password: string;
  password_confirm: string;
  email: string;
  tenant_name: string;
  business_type: 'bar';
  service_type: 'bar';
  service_name: string;
  domain: 'food';
  accept_terms: true;
}

/** What one case did: the calls it made (for the path check). */
export interface CallLog {
  trpc: string[];
  rest: { method: string; path: string }[];
  callers: Set<Caller>;
}

export const callLog: CallLog = { trpc: [], rest: [], callers: new Set() };

export function resetCallLog(): void {
  callLog.trpc.length = 0;
  callLog.rest.length = 0;
  callLog.callers.clear();
}

export function makeCaller(
  t: TestApp,
  label: string,
  token: string | null,
  forbidden: string[],
  memberOfA = false,
): Caller {
  const caller: Caller = {
    label,
    memberOfA,
    token,
    forbidden,
    trpc: createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${t.url}/trpc`,
          headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
          fetch: (input, init) => {
            const url = new URL(String(input));
            for (const path of url.pathname.replace(/^\/trpc\//, '').split(',')) callLog.trpc.push(path);
            callLog.callers.add(caller);
            return fetch(input as string, init as RequestInit);
          },
        }),
      ],
    }),
    rest(method, url, json) {
      callLog.rest.push({ method, path: new URL(url, t.url).pathname });
      callLog.callers.add(caller);
      return t.request(url, { method, ...(token ? { token } : {}), ...(json === undefined ? {} : { json }) });
    },
  };
  return caller;
}

export interface Outcome {
  status: number;
  code: string | undefined;
  text: string;
}

/** Runs a case's call and reduces any answer (Response, tRPC data or tRPC error) to status + text. */
export async function settle(call: Promise<unknown>): Promise<Outcome> {
  try {
    const value = await call;
    if (value instanceof Response) {
      const text = await value.text();
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { code?: string }).code;
      } catch {
        code = undefined;
      }
      return { status: value.status, code, text };
    }
    return { status: 200, code: undefined, text: JSON.stringify(value) ?? '' };
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = (error.data ?? {}) as { code?: string; http_status?: number };
      return {
        status: data.http_status ?? 500,
        code: data.code,
        text: JSON.stringify({ message: error.message, data: error.data }),
      };
    }
    throw error;
  }
}

/** `/api/auth/services/:id/` → a regex matching concrete urls of that route. */
export function routeMatcher(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) =>
      segment.startsWith(':')
        ? '[^/]+'
        : segment === '*'
          ? '.*'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

/** Did the case's calls reach the path it claims to cover? */
export function reached(c: IsolationCase): boolean {
  if (c.kind === 'trpc') return callLog.trpc.includes(c.path);
  const [method, pattern] = c.path.split(' ') as [string, string];
  const matcher = routeMatcher(pattern);
  return callLog.rest.some((r) => r.method === method && matcher.test(r.path));
}

const TRPC_DOMAINS: Record<string, string> = { services: 'tenants' };
const REST_DOMAINS: [RegExp, string][] = [
  [/^\/api\/auth\/services\//, 'tenants'],
  [/^\/api\/auth\/(memberships|members|invitations)\//, 'members'],
  [/^\/api\/auth\/billing\//, 'billing'],
  [/^\/api\/auth\/me\/org\/entitlements/, 'entitlements'],
  [/^\/api\/auth\//, 'auth'],
  [/^\/api\/export/, 'exports'],
  [/^\/api\/ai\//, 'assistant'],
  [/^\/(health|metrics)/, 'system'],
  [/^\/api\/config\//, 'system'],
];

/** Which case file should cover a tRPC path or a `METHOD /url` route. */
export function domainOf(kind: 'trpc' | 'rest', path: string): string {
  if (kind === 'trpc') {
    const first = path.split('.')[0] ?? '<domain>';
    return TRPC_DOMAINS[first] ?? first;
  }
  const url = path.split(' ')[1] ?? '';
  return REST_DOMAINS.find(([pattern]) => pattern.test(url))?.[1] ?? '<domain>';
}
