import { describe, expect, it } from 'vitest';
import { startTestApp } from './test-server';

const t = await startTestApp();

describe('server foundation', () => {
  it('answers a typed tRPC call through httpBatchLink on the test database', async () => {
    const [a, b] = await Promise.all([t.trpc().system.health.query(), t.trpc().system.health.query()]);
    expect(a).toEqual({ status: 'ok', db: 'ok', version: expect.any(String) });
    expect(b.db).toBe('ok');
    expect(t.testDb.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('a tRPC answer goes out whole with a Content-Length; a jsonl batch still streams', async () => {
    const single = await t.request('/trpc/system.health');
    const body = await single.text();
    expect(single.status).toBe(200);
    expect(single.headers.get('content-type')).toBe('application/json');
    expect(single.headers.get('transfer-encoding')).toBeNull();
    expect(single.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(JSON.parse(body)).toMatchObject({ result: { data: { status: 'ok' } } });

    const failed = await t.request('/trpc/nope.nothing');
    expect(failed.status).toBe(404);
    expect(failed.headers.get('content-length')).toBe(String(Buffer.byteLength(await failed.text())));

    const streamed = await t.request('/trpc/system.health,system.health?batch=1&input={}', {
      headers: { 'trpc-accept': 'application/jsonl' },
    });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('transfer-encoding')).toBe('chunked');
    expect(streamed.headers.get('content-length')).toBeNull();
    expect((await streamed.text()).trim().split('\n').length).toBeGreaterThan(1);
  });

  it('GET /health pings the database', async () => {
    const res = await t.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', db: 'ok' });
  });

  it('unknown routes answer a JSON 404 with code NOT_FOUND', async () => {
    const res = await t.request('/api/does-not-exist/');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ detail: 'Introuvable.', code: 'NOT_FOUND' });
    const en = await t.request('/nope', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(await en.json()).toEqual({ detail: 'Not found.', code: 'NOT_FOUND' });
  });

  it('malformed JSON answers 400 VALIDATION_ERROR as JSON', async () => {
    const res = await fetch(`${t.url}/api/auth/login/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('an unknown tRPC procedure answers 404 with our code in error.data', async () => {
    const res = await t.request('/trpc/nothing.here');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { data: { code: string } } };
    expect(body.error.data.code).toBe('NOT_FOUND');
  });

  it('tags every response with a request id', async () => {
    const res = await t.request('/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
  });
});
