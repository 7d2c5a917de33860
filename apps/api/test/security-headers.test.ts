import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server';
import { startTestApp } from './test-server';

/**
 * #20 item 8: no CSP, frame-ancestors, HSTS, nosniff or Referrer-Policy anywhere, while tokens sit in
 * localStorage (an XSS was a 30-day takeover). Every answer, API and served web, now carries them.
 */

const web = mkdtempSync(join(tmpdir(), 'stockscan-web-'));
writeFileSync(
  join(web, 'index.html'),
  '<!doctype html><div id="root"></div><script type="module" src="/assets/a.js"></script>',
);
const t = await startTestApp({ env: { WEB_DIST_DIR: web } });
const elsewhere = await startTestApp({
  testDb: t.testDb,
  env: { WEB_DIST_DIR: web, VITE_API_BASE_URL: 'https://api.stockscan.example/' },
});

function directives(header: string | null): Map<string, string> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('security headers', () => {
  it('the served web page: strict CSP, no framing, nosniff, no referrer, no HSTS over plain http', async () => {
    const res = await t.request('/app/inventory', { headers: { accept: 'text/html' } });

    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(csp.get('script-src-attr')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('API answers and errors carry them too: nothing loads or frames, no sniffing, no referrer', async () => {
    for (const res of [
      await t.request('/health'),
      await t.request('/api/auth/me/'),
      await t.request('/trpc/system.config'),
      await t.request('/api/nothing/here'),
    ]) {
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-site');
      // What only a document needs stays on pages (#21: 600 of /health's 1,000 bytes).
      expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
      expect(res.headers.get('x-dns-prefetch-control')).toBeNull();
    }
    const page = await t.request('/app/inventory', { headers: { accept: 'text/html' } });
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('connect-src names the API origin the web was built for', async () => {
    const res = await elsewhere.request('/', { headers: { accept: 'text/html' } });
    expect(directives(res.headers.get('content-security-policy')).get('connect-src')).toBe(
      "'self' https://api.stockscan.example",
    );
  });

  it('production adds HSTS (a year, subdomains)', async () => {
    const app = await buildServer({ ...t.config, nodeEnv: 'production' }, { ...t.deps }, { logger: false });
    afterAll(() => app.close());

    const api = await app.inject({ method: 'GET', url: '/health' });
    const page = await app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });

    expect(api.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(page.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
