import { describe, expect, it } from 'vitest';
import { startTestApp } from './test-server';

/**
 * CORS as the web on another origin sees it (CORS_ALLOWED_ORIGINS): the allowed origin is reflected, without
 * credentials (no cookie exists: the token travels in a header), any other gets no Allow-Origin, preflights are
 * answered before authentication, and every answer varies on Origin. Written against @fastify/cors, kept when the
 * API does it in its one request hook (#21).
 */

const WEB = 'https://app.stockscan.example';
const t = await startTestApp({ env: { CORS_ALLOWED_ORIGINS: `${WEB},https://other.stockscan.example` } });
const noCors = await startTestApp({ testDb: t.testDb });

describe('CORS', () => {
  it('a call from an allowed origin gets its origin back, without credentials, and varies on Origin', async () => {
    for (const path of ['/health', '/trpc/system.config', '/api/config/public', '/api/auth/me/']) {
      const res = await t.request(path, { headers: { origin: WEB } });

      expect(res.headers.get('access-control-allow-origin')).toBe(WEB);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('vary')?.split(/,\s*/)).toContain('Origin');
    }
  });

  it('another origin gets no Allow-Origin (the browser keeps the answer from the page)', async () => {
    const res = await t.request('/trpc/system.config', { headers: { origin: 'https://evil.example' } });

    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')?.split(/,\s*/)).toContain('Origin');
  });

  it('a preflight is answered 204 before authentication: methods, the asked headers, 10 minutes', async () => {
    const res = await t.request('/trpc/inventory.counts.upsert', {
      method: 'OPTIONS',
      headers: {
        origin: WEB,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });

    expect(res.status).toBe(204);
    expect(res.headers.get('content-length')).toBe('0');
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, idempotency-key',
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toBe('Origin, Access-Control-Request-Headers');
    expect(await res.text()).toBe('');
  });

  it('a preflight from another origin is answered without Allow-Origin; a malformed one is refused', async () => {
    const other = await t.request('/api/auth/login/', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.status).toBe(204);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const malformed = await t.request('/api/auth/login/', { method: 'OPTIONS', headers: { origin: WEB } });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toBe('Invalid Preflight Request');
  });

  it('without CORS_ALLOWED_ORIGINS: no CORS header, and OPTIONS is not a route', async () => {
    const res = await noCors.request('/trpc/system.config', { headers: { origin: WEB } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await noCors.request('/api/auth/login/', {
      method: 'OPTIONS',
      headers: { origin: WEB, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(404);
  });
});
