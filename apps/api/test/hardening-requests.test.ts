import type { ErrorBody } from '@stockscan/contracts';
import { describe, expect, it } from 'vitest';
import { startTestApp } from './test-server';

// Issue #20 item 2 (one request, thousands of calls) and the /metrics part of item 9.
const t = await startTestApp();
const small = await startTestApp({ env: { TRPC_MAX_BATCH: '2' }, testDb: t.testDb });
const proxied = await startTestApp({ env: { TRUST_PROXY: 'loopback' }, testDb: t.testDb });

/** A raw tRPC batch of `n` logins, as a script would send it. */
function loginBatch(app: typeof t, n: number, prefix: string) {
  const paths = Array.from({ length: n }, () => 'auth.login').join(',');
  const input = Object.fromEntries(
    Array.from({ length: n }, (_, i) => [String(i), { username: `${prefix}-${i}`, password: 'guess-guess' }]),
  );
  return app.request(`/trpc/${paths}?batch=1`, { json: input });
}

const loginCounters = (prefix: string) =>
  t.db.selectFrom('rate_limits').select('key').where('key', 'like', `login:account:${prefix}-%`).execute();

describe('tRPC batches', () => {
  it(`a batch of 11 logins is refused whole with 400 BATCH_TOO_LARGE before any call runs`, async () => {
    const res = await loginBatch(t, 11, 'batch11');

    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      detail: 'Trop d’appels dans une seule requête.',
      code: 'BATCH_TOO_LARGE',
    });
    expect(await loginCounters('batch11')).toEqual([]);
  });

  it('a batch of 10 runs every call', async () => {
    const res = await loginBatch(t, 10, 'batch10');

    const answers = (await res.json()) as { error?: { data?: { code?: string } } }[];
    expect(answers).toHaveLength(10);
    expect(answers.every((a) => a.error?.data?.code === 'INVALID_CREDENTIALS')).toBe(true);
    expect(await loginCounters('batch10')).toHaveLength(10);
  });

  it('TRPC_MAX_BATCH sets the size, GET batches included; the typed client splits its batches to fit', async () => {
    const get = await small.request('/trpc/system.health,system.health,system.health?batch=1&input={}', {
      headers: { 'accept-language': 'en' },
    });
    expect(get.status).toBe(400);
    expect(await get.json()).toEqual({ detail: 'Too many calls in one request.', code: 'BATCH_TOO_LARGE' });

    const client = small.trpc();
    const answers = await Promise.all(Array.from({ length: 5 }, () => client.system.health.query()));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill('ok'));
  });
});

describe('body limits', () => {
  const big = 'x'.repeat(1024 * 1024 + 10);

  it('a body over 1 MB → 413 PAYLOAD_TOO_LARGE, on tRPC and REST, before anything runs', async () => {
    for (const path of ['/trpc/auth.login', '/api/auth/login/']) {
      const res = await t.request(path, { json: { username: 'big-body', password: big } });

      expect(res.status).toBe(413);
      expect((await res.json()) as ErrorBody).toEqual({
        detail: 'Requête trop volumineuse.',
        code: 'PAYLOAD_TOO_LARGE',
      });
    }
    expect(await loginCounters('big-body')).toEqual([]);
  });

  it('a chunked body (no Content-Length) is cut at 1 MB too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"username":"chunked","password":"'));
        if (sent > 2 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const upload = new AbortController();
    const res = await fetch(`${t.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
      signal: upload.signal,
    } as RequestInit);

    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    upload.abort(); // the rest of the body is not wanted: stop sending it
  });

  it('only a file upload procedure reads more than 1 MB, and not when batched with another call', async () => {
    const file = { kind: 'receipt', file_base64: 'QUJD'.repeat(400_000) };
    const upload = await t.request('/trpc/purchasing.imports.preview', { json: file });
    expect(upload.status).not.toBe(413);

    const mixed = await t.request('/trpc/system.health,purchasing.imports.preview?batch=1', {
      json: { '0': {}, '1': file },
    });
    expect(mixed.status).toBe(413);
    expect(await mixed.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('/metrics', () => {
  it('behind a trusted proxy every client looks local: no token configured → 404 even from loopback', async () => {
    const res = await proxied.request('/metrics');

    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
