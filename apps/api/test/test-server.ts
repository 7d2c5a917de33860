import { createDb, type Db } from '@stockscan/db';
import type { TestDb } from '@stockscan/db/testing';
import { useTestDb } from '@stockscan/db/testing/vitest';
import type { FakeServer } from '@stockscan/testing/fake-http';
import { fakeIntegrationsEnv, startFakeIntegrations } from '@stockscan/testing/fakes';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { type Config, loadConfig } from '../src/config';
import type { Deps } from '../src/deps';
import { createOpenAI } from '../src/integrations/openai';
import { createMailer } from '../src/integrations/sendgrid';
import { createStripe } from '../src/integrations/stripe';
import type { AppRouter } from '../src/router';
import { buildServer, type ServerDeps } from '../src/server';

export interface TestApp {
  app: FastifyInstance;
  url: string;
  db: TestDb['db'];
  testDb: TestDb;
  config: Config;
  deps: Deps;
  fakes: { stripe: FakeServer; sendgrid: FakeServer; openai: FakeServer };
  /** Every route the server registered (method + url pattern), tRPC and static included. */
  routes: { method: string; url: string }[];
  /** Moves the injected clock (services read time only through deps.now). */
  clock: { now: Date; set(date: Date | string): void; advance(ms: number): void };
  /** Typed tRPC client over HTTP; pass a token to act as a user. */
  trpc(token?: string, locale?: 'fr' | 'en'): TRPCClient<AppRouter>;
  /** fetch against the server with JSON helpers. */
  request(
    path: string,
    init?: { method?: string; token?: string; json?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  now?: Date | string;
  /** Reuse a database (e.g. two servers on one database). */
  testDb?: TestDb;
}

/**
 * One listening server per test file, on its own database, with the three SDKs pointed at local fakes.
 * Closed (and its database dropped) after the file.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const fakes = await startFakeIntegrations();
  const { stripe, sendgrid, openai } = fakes;
  const testDb = options.testDb ?? (await useTestDb());
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_SECRET: 'test-secret-test-secret-test-secret-0123',
    FRONTEND_URL: 'http://app.test',
    ...fakeIntegrationsEnv(fakes),
    WEB_DIST_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    // Test files sign up dozens of accounts from one address; the limit itself is tested with its own value.
    REGISTER_RATE_LIMIT: '1000/hour',
    ...options.env,
  });
  const clock = {
    now: new Date(options.now ?? Date.now()),
    set(date: Date | string) {
      clock.now = new Date(date);
    },
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  // Like main.ts: export cursors read from their own pool; DB_POOL_MAX sizes the main one when a test sets it.
  const pools: Db[] = [];
  const pool = async (poolMax: number) => {
    const { db } = await createDb({ databaseUrl: testDb.url, poolMax });
    pools.push(db);
    return db;
  };
  const db = testDb.url && options.env?.DB_POOL_MAX ? await pool(config.dbPoolMax) : testDb.db;
  const exportDb = testDb.url ? await pool(config.exports.maxConcurrentPerInstance) : testDb.db;
  const deps: ServerDeps = {
    db,
    exportDb,
    stripe: createStripe(config),
    mailer: createMailer(config),
    openai: createOpenAI(config),
    now: () => clock.now,
  };
  const routes: TestApp['routes'] = [];
  const app = await buildServer(config, deps, {
    logger: false,
    onRoute: (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;

  afterAll(async () => {
    // Every test of the file is done: a connection still open is one a test left behind (an upload the server
    // refused halfway, the client still pushing its body), which would hold close() until the hook times out.
    const closed = app.close();
    app.server.closeAllConnections();
    await closed;
    await Promise.all(pools.map((p) => p.destroy()));
    await fakes.close();
  });

  return {
    app,
    url,
    routes,
    db: testDb.db,
    testDb,
    config,
    deps: app.deps,
    fakes: { stripe, sendgrid, openai },
    clock,
    trpc(token, locale = 'fr') {
      return createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: `${url}/trpc`,
            maxItems: config.trpcMaxBatch,
            headers: () => ({
              'accept-language': locale,
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            }),
          }),
        ],
      });
    },
    request(path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      if (init.json !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${url}${path}`, {
        method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
        headers,
        ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      });
    },
  };
}
