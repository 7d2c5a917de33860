import { useTestDb } from '@stockscan/db/testing/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createMailer } from '../src/integrations/sendgrid';
import { buildServer } from '../src/server';
import { createTenantFixture } from './fixtures';

/**
 * #21: plain tRPC calls are answered by http/trpc-calls.ts instead of tRPC's fetch adapter. Both servers below run
 * the same router on the same database, one with tRPC's own adapter for every call: each request gets the same
 * status, body, content type and vary from both.
 */

const testDb = await useTestDb();
const config = loadConfig({ APP_SECRET: 'trpc-calls-secret-trpc-calls-secret-0123', LOG_LEVEL: 'silent' });
const deps = {
  db: testDb.db,
  stripe: null,
  openai: null,
  mailer: createMailer(config),
  now: () => new Date(),
};
const lean = await buildServer(config, deps, { logger: false });
const stock = await buildServer(config, deps, { logger: false, trpcStockAdapter: true });
afterAll(async () => {
  await lean.close();
  await stock.close();
});
const f = await createTenantFixture(testDb.db, config, { plan: 'PRO' });
const serviceId = f.services[0]!.id;
const month = new Date().toISOString().slice(0, 7);
const auth = { authorization: `Bearer ${f.owner.token}` };
const json = { 'content-type': 'application/json' };
const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

const CASES: {
  name: string;
  method?: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** The content type tRPC's adapter answers with, where it is not JSON's. */
  stockType?: string;
}[] = [
  { name: 'a public query', url: '/trpc/system.config' },
  { name: 'a query with a token', url: '/trpc/entitlements.get', headers: auth },
  {
    name: 'a query with input',
    url: `/trpc/inventory.counts.screen?input=${input({ service_id: serviceId, month, limit: 5 })}`,
    headers: auth,
  },
  {
    name: 'a batch of two',
    url: `/trpc/system.config,entitlements.get?batch=1&input=${input({})}`,
    headers: auth,
  },
  { name: 'a batch without input', url: '/trpc/system.config,system.health?batch=1' },
  { name: 'a batch where one call is refused (207)', url: '/trpc/system.config,entitlements.get?batch=1' },
  { name: 'no token', url: '/trpc/entitlements.get' },
  { name: 'no token, in English', url: '/trpc/entitlements.get', headers: { 'accept-language': 'en' } },
  { name: 'a bad token', url: '/trpc/entitlements.get', headers: { authorization: 'Bearer nope' } },
  { name: 'an unknown procedure', url: '/trpc/nothing.here' },
  { name: 'an unknown procedure in a batch', url: '/trpc/system.config,nothing.here?batch=1' },
  { name: 'a query sent as POST', method: 'POST', url: '/trpc/system.config', headers: json, body: '{}' },
  { name: 'a mutation sent as GET', url: '/trpc/auth.logout' },
  { name: 'input that is not JSON', url: '/trpc/inventory.counts.screen?input=%7Bnope', headers: auth },
  {
    name: 'input the schema refuses',
    url: `/trpc/inventory.counts.screen?input=${input({ service_id: 'x', month: 'y' })}`,
    headers: auth,
  },
  { name: 'a batch whose input is no object', url: '/trpc/system.config?batch=1&input=3' },
  { name: 'repeated input: the first counts', url: `/trpc/system.config?input=${input({})}&input=x` },
  // tRPC's adapter sends this refusal (made before any call runs) as text/plain; it is JSON here.
  {
    name: 'queries and a mutation mixed',
    url: '/trpc/system.config,auth.logout?batch=1',
    stockType: 'text/plain;charset=UTF-8',
  },
  { name: 'a path with bad %-encoding', url: '/trpc/%E0%A4%A' },
  {
    name: 'a mutation',
    method: 'POST',
    url: '/trpc/auth.login',
    headers: json,
    body: JSON.stringify({ username: f.owner.username, password: 'not-the-password' }),
  },
  { name: 'a mutation with an empty body', method: 'POST', url: '/trpc/auth.login', headers: json, body: '' },
  {
    name: 'a mutation with a body that is not JSON',
    method: 'POST',
    url: '/trpc/auth.login',
    headers: json,
    body: '{',
  },
  {
    name: 'a batch of mutations',
    method: 'POST',
    url: '/trpc/auth.logout,auth.logout?batch=1',
    headers: json,
    body: JSON.stringify({ 0: { refresh: 'x' }, 1: {} }),
  },
];

/** What a client reads of an answer; the stack of an error (dev only) names the handler's own frames. */
function answer(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  const body = JSON.parse(res.body) as unknown;
  const strip = (item: unknown) => {
    const data = (item as { error?: { data?: { stack?: string } } }).error?.data;
    if (data) delete data.stack;
    return item;
  };
  return {
    status: res.statusCode,
    type: res.headers['content-type'],
    vary: res.headers.vary,
    body: Array.isArray(body) ? body.map(strip) : strip(body),
  };
}

describe('plain tRPC calls', () => {
  it.each(CASES)(
    '$name: the same answer as tRPC’s own adapter',
    async ({ method = 'GET', url, headers, body, stockType }) => {
      const request = {
        method,
        url,
        headers: { 'x-request-id': 'same-id', ...headers },
        ...(body === undefined ? {} : { payload: body }),
      };
      const expected = answer(await stock.inject(request));
      const actual = answer(await lean.inject(request));
      if (stockType) expect(expected.type).toBe(stockType);
      expect(actual).toEqual({ ...expected, type: 'application/json' });
      expect(actual.type).toBe('application/json');
    },
  );

  it('streamed batches (jsonl) still go through tRPC’s adapter', async () => {
    const res = await lean.inject({
      method: 'GET',
      url: '/trpc/system.config,system.health?batch=1',
      headers: { 'trpc-accept': 'application/jsonl' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
  });
});
