import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../src/router';

export function trpcAt(url: string, token?: string): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({ url: `${url}/trpc`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) }),
    ],
  });
}

export async function postJson(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null), headers: res.headers };
}

let n = 0;
/** Registers a fresh bar through the documented REST path; returns its tokens and first service. */
export async function registerBar(url: string) {
  n += 1;
  const name = `res_${process.pid}_${Date.now().toString(36)}_${n}`;
  const res = await postJson(`${url}/api/auth/register/`, {
    username: name,
    password: 'Resilience-123',
    password_confirm: 'Resilience-123',
    email: `${name}@example.test`,
    tenant_name: `Bar ${name}`,
    business_type: 'bar',
    service_type: 'bar',
    service_name: 'Bar',
    domain: 'food',
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  const body = res.body as {
    access: string;
    refresh: string;
    services: { id: string }[];
    tenant: { id: string };
  };
  return {
    username: name,
    password: 'Resilience-123',
    access: body.access,
    serviceId: body.services[0]!.id,
    tenantId: body.tenant.id,
  };
}
