import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDb, type TestDb } from '@stockscan/db/testing';
import { startServerProcess } from '@stockscan/testing/server-process';
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it, onTestFinished, vi } from 'vitest';
import {
  closeLogDestination,
  LOG_BATCH_BYTES,
  LOG_FLUSH_MS,
  logDestination,
} from '../src/observability/log-destination';

/**
 * #21: a write per log line was a system call and a thread-pool round trip per request. Lines now leave in
 * batches (LOG_BATCH_BYTES, at least every LOG_FLUSH_MS) unless stdout is a terminal or the level is debug — and
 * none is lost when the server stops.
 */

const folder = mkdtempSync(join(tmpdir(), 'stockscan-log-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const read = (file: string) => readFileSync(file, 'utf8');
/** The JSON lines a server process wrote so far. */
const logLines = (logs: string[]) =>
  logs
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{') && line.endsWith('}'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
/** The built server in a child process at this log level, on its own database; stopped after the test. */
async function serverAt(level: string) {
  const template = inject('dbTemplate');
  const testDb: TestDb | null = template.engine === 'postgres' ? await openTestDb(template) : null;
  onTestFinished(async () => {
    await testDb?.drop();
  });
  const server = await startServerProcess(
    {
      ...(testDb ? { DATABASE_URL: testDb.url! } : { PGLITE_DATA_DIR: join(folder, `pglite-${level}`) }),
      LOG_LEVEL: level,
    },
    { startTimeoutMs: 90_000 },
  );
  onTestFinished(() => server.stop());
  return server;
}
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('log destination', () => {
  it('keeps a few lines back, then writes them together within the flush interval', async () => {
    const file = join(folder, 'batched.log');
    const destination = logDestination(false, file);
    const log = pino({ base: null }, destination);
    onTestFinished(() => closeLogDestination(destination));

    log.info({ n: 1 }, 'first');
    log.info({ n: 2 }, 'second');
    await sleep(150);
    expect(read(file)).toBe('');

    await vi.waitFor(() => expect(read(file).split('\n').filter(Boolean)).toHaveLength(2), {
      timeout: LOG_FLUSH_MS + 2_000,
      interval: 50,
    });
    expect(read(file)).toContain('"msg":"second"');
  });

  it('writes as soon as a batch is full', async () => {
    const file = join(folder, 'full.log');
    const destination = logDestination(false, file);
    const log = pino({ base: null }, destination);
    onTestFinished(() => closeLogDestination(destination));
    const filler = 'x'.repeat(200);

    const lines = Math.ceil(LOG_BATCH_BYTES / 200) + 1;
    for (let n = 0; n < lines; n++) log.info({ n, filler }, 'line');

    await vi.waitFor(() => expect(read(file).length).toBeGreaterThan(LOG_BATCH_BYTES), {
      timeout: LOG_FLUSH_MS / 2,
      interval: 10,
    });
  });

  it('at a terminal, each line goes out at once', async () => {
    const file = join(folder, 'terminal.log');
    const destination = logDestination(true, file);
    const log = pino({ base: null }, destination);
    onTestFinished(() => closeLogDestination(destination));

    log.info('hello');

    await vi.waitFor(() => expect(read(file)).toContain('"msg":"hello"'), {
      timeout: LOG_FLUSH_MS / 2,
      interval: 10,
    });
  });

  it('at debug level, a server writes each line at once (someone is watching it live)', async () => {
    const server = await serverAt('debug');

    // Four requests in a row, each line awaited for 400 ms: batched, at most two of them would meet a flush.
    for (const id of ['live-1', 'live-2', 'live-3', 'live-4']) {
      const res = await fetch(`${server.url}/health`, { headers: { 'x-request-id': id } });
      expect(res.status).toBe(200);
      await vi.waitFor(
        () =>
          expect(logLines(server.logs)).toContainEqual(
            expect.objectContaining({ reqId: id, msg: 'request completed' }),
          ),
        { timeout: 400, interval: 10 },
      );
    }
  }, 120_000);

  it('a server stopped right after a request still writes its line', async () => {
    const server = await serverAt('info');

    const res = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'last-words' } });
    expect(res.status).toBe(200);
    await server.stop();

    expect(logLines(server.logs)).toContainEqual(
      expect.objectContaining({ reqId: 'last-words', msg: 'request completed', route: '/health' }),
    );
  }, 120_000);
});
