import { useTestDb } from '@stockscan/db/testing/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createMailer } from '../src/integrations/sendgrid';
import { buildServer, redactQuery } from '../src/server';

const testDb = await useTestDb();
const lines: string[] = [];
const config = loadConfig({ APP_SECRET: 'logging-secret-logging-secret-012345', LOG_LEVEL: 'info' });
const app = await buildServer(
  config,
  { db: testDb.db, stripe: null, openai: null, mailer: createMailer(config), now: () => new Date() },
  { logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } },
);
// A route that writes its own line (as the error handler does for a 500).
app.get('/__test/logs-an-error', (req, reply) => {
  req.log.error({ part: 'test' }, 'something went wrong');
  return reply.send({ ok: true });
});
afterAll(() => app.close());

describe('request logs', () => {
  it('never contain tokens carried in the query string or the Authorization header', async () => {
    await app.inject({
      method: 'GET',
      url: '/api/export-excel/download?token=eyJsecret.link.token&x=1',
      headers: { authorization: 'Bearer eyJsecret.access.token' },
    });
    const text = lines.join('\n');
    expect(text).toContain('/api/export-excel/download?token=[redacted]&x=1');
    expect(text).not.toContain('eyJsecret');
  });

  it('one line per request when it is answered: request id, method, route, status and latency', async () => {
    lines.length = 0;
    await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'line-1' } });
    await app.inject({ method: 'GET', url: '/trpc/system.config', headers: { 'x-request-id': 'line-2' } });
    await app.inject({ method: 'GET', url: '/api/nothing/here', headers: { 'x-request-id': 'line-3' } });

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.map((l) => l.msg)).toEqual(['request completed', 'request completed', 'request completed']);
    expect(logged[0]).toMatchObject({
      level: 30,
      reqId: 'line-1',
      req: { method: 'GET', url: '/health' },
      route: '/health',
      res: { statusCode: 200 },
    });
    expect(logged[1]).toMatchObject({
      reqId: 'line-2',
      route: 'trpc:system.config',
      res: { statusCode: 200 },
    });
    expect(logged[2]).toMatchObject({ reqId: 'line-3', route: 'unmatched', res: { statusCode: 404 } });
    for (const l of logged) expect(l.responseTime).toEqual(expect.any(Number));
  });

  it('an error a request logs itself carries its request id', async () => {
    lines.length = 0;
    await app.inject({ method: 'GET', url: '/__test/logs-an-error', headers: { 'x-request-id': 'err-1' } });

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged[0]).toMatchObject({ level: 50, reqId: 'err-1', part: 'test', msg: 'something went wrong' });
    expect(logged[1]).toMatchObject({ reqId: 'err-1', msg: 'request completed' });
  });

  it('redactQuery keeps the other parameters', () => {
    expect(redactQuery('/invitation/accept?token=abc')).toBe('/invitation/accept?token=[redacted]');
    expect(redactQuery('/billing/success?session_id=cs_1&lang=en')).toBe(
      '/billing/success?session_id=[redacted]&lang=en',
    );
    expect(redactQuery('/api/export-excel/?service=all&format=xlsx')).toBe(
      '/api/export-excel/?service=all&format=xlsx',
    );
  });
});
