import { useTestDb } from '@stockscan/db/testing/vitest';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createMailer } from '../src/integrations/sendgrid';
import { hostnameOf, millisecondsText, requestLine } from '../src/observability/request-log';
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

  it('the line is written without pino but reads as pino writes it: one JSON line, whatever the URL holds', () => {
    const written: string[] = [];
    pino({ level: 'info' }, { write: (line: string) => void written.push(line) }).info(
      {
        reqId: 'r-1',
        req: { method: 'GET', url: '/a"b\\c\n{}?x=é', host: 'h', remoteAddress: '::1' },
        route: '/a',
        res: { statusCode: 404 },
        responseTime: 1.25,
      },
      'request completed',
    );

    const ours = requestLine(
      'r-1',
      { method: 'GET', url: '/a"b\\c\n{}?x=é', host: 'h', remoteAddress: '::1' },
      '/a',
      404,
      1.25,
    );

    expect(ours.endsWith('\n')).toBe(true);
    expect(ours.slice(0, -1)).not.toContain('\n');
    const { time: ourTime, ...ourFields } = JSON.parse(ours) as Record<string, unknown>;
    const { time: pinoTime, ...pinoFields } = JSON.parse(written[0]!) as Record<string, unknown>;
    expect(ourFields).toEqual(pinoFields);
    expect(Object.keys(ourFields)).toEqual(Object.keys(pinoFields));
    expect(Math.abs(Number(ourTime) - Number(pinoTime))).toBeLessThan(1_000);
    // Fields a request does not have are left out, as pino leaves out undefined.
    expect(
      JSON.parse(
        requestLine(
          'r-2',
          { method: 'GET', url: '/', host: undefined, remoteAddress: undefined },
          '/',
          200,
          1,
        ),
      ).req,
    ).toEqual({ method: 'GET', url: '/' });
  });

  it('every string is written as JSON.stringify writes it: quoted as is, or escaped where JSON needs it', () => {
    const values = [
      '/health',
      'a"b',
      'back\\slash',
      'tab\there',
      '\u0000\u001f\u007f',
      'é ü 漢字',
      'emoji 🍺',
      'lone \ud83c surrogate',
      'trailing \udf7a',
      '',
    ];
    for (const value of values) {
      const line = requestLine(
        value,
        { method: 'GET', url: value, host: value, remoteAddress: value },
        value,
        200,
        1,
      );
      const json = JSON.stringify(value);
      expect(line).toContain(`"reqId":${json},"req":{"method":"GET","url":${json},"host":${json}`);
      expect(line).toContain(`"remoteAddress":${json}},"route":${json},`);
      expect(JSON.parse(line).req.url).toBe(value);
    }
  });

  it('the latency is written to the microsecond, as the rounded number would be written', () => {
    const samples = [
      0, 0.0004, 0.0005, 0.001, 0.01, 0.05, 0.1, 0.25, 1, 1.25, 12.3456, 99.9995, 999.9996, 1234.5,
    ];
    for (let i = 0; i < 2_000; i++) samples.push(Math.random() * 10 ** (i % 5));
    for (const ms of samples) expect(millisecondsText(ms)).toBe(String(Math.round(ms * 1000) / 1000));
    expect(
      JSON.parse(
        requestLine(
          'r',
          { method: 'GET', url: '/', host: undefined, remoteAddress: undefined },
          '/',
          200,
          2.0004567,
        ),
      ).responseTime,
    ).toBe(2);
  });

  it('the host is written without its port, as Fastify gives the hostname', async () => {
    expect(
      ['shop.example', 'shop.example:8000', '127.0.0.1:80', '[::1]:8000', '[::1]', '[broken', ''].map(
        hostnameOf,
      ),
    ).toEqual(['shop.example', 'shop.example', '127.0.0.1', '[::1]', '[::1]', '', '']);
    lines.length = 0;
    await app.inject({ method: 'GET', url: '/health', headers: { host: '[::1]:8000' } });
    await app.inject({ method: 'GET', url: '/health', headers: { host: 'shop.example:8443' } });
    expect(lines.map((line) => (JSON.parse(line) as { req: { host: string } }).req.host)).toEqual([
      '[::1]',
      'shop.example',
    ]);
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
