import type { Database } from '@stockscan/db';
import { useTestDb } from '@stockscan/db/testing/vitest';
import { Kysely, PostgresDialect } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config';
import { checkHealth, PING_TIMEOUT_MS } from '../src/system/health.service';

const testDb = await useTestDb();
const config = loadConfig({ APP_SECRET: 'health-secret-health-secret-health-0123' });

/** A database whose pool never hands out a connection (a hung server, a dead network). */
const hung = new Kysely<Database>({
  dialect: new PostgresDialect({
    pool: { connect: () => new Promise(() => {}), end: async () => {} } as never,
  }),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('checkHealth', () => {
  it('ok when the database answers', async () => {
    expect(await checkHealth({ db: testDb.db, config })).toEqual({
      status: 'ok',
      db: 'ok',
      version: config.version,
    });
  });

  it('a database that does not answer is "down" after 2 s (one watchdog, no timer per ping); others still pass', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    let answered: unknown;
    const pending = checkHealth({ db: hung, config }).then((health) => {
      answered = health;
    });

    await vi.advanceTimersByTimeAsync(PING_TIMEOUT_MS - 300);
    expect(answered).toBeUndefined();
    expect(await checkHealth({ db: testDb.db, config })).toMatchObject({ db: 'ok' });

    await vi.advanceTimersByTimeAsync(600);
    await pending;
    expect(answered).toEqual({ status: 'degraded', db: 'down', version: config.version });
    expect(vi.getTimerCount()).toBe(0); // the watchdog stops once no ping waits
  });
});
