import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { startTestApp } from './test-server';

/**
 * #21: the web build is served as a browser needs it on a phone — the precompressed copy the build wrote
 * (apps/web/precompress.ts) as the browser accepts it, hashed assets cached a year, everything else revalidated.
 * Checked on the wire (node:http, no transparent decompression), the headers a browser receives.
 */

const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-AbCd12_-.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(40)}</body></html>`;
const SCRIPT = `export const greeting = ${JSON.stringify('bonjour '.repeat(200))};\n`;
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg"/>';

const web = mkdtempSync(join(tmpdir(), 'stockscan-web-serving-'));
mkdirSync(join(web, 'assets'));
for (const [path, text] of [
  ['index.html', INDEX],
  ['assets/index-AbCd12_-.js', SCRIPT],
] as const) {
  writeFileSync(join(web, path), text);
  writeFileSync(join(web, `${path}.br`), brotliCompressSync(text));
  writeFileSync(join(web, `${path}.gz`), gzipSync(text));
}
writeFileSync(join(web, 'favicon.svg'), FAVICON);
// The offline app (#17): the service worker, its manifest, and a WebAssembly file as the scanner fetches it.
const SERVICE_WORKER = 'self.addEventListener("fetch", () => {});';
const MANIFEST = JSON.stringify({ name: 'StockScan', start_url: '/app/inventory', display: 'standalone' });
writeFileSync(join(web, 'sw.js'), SERVICE_WORKER);
writeFileSync(join(web, 'manifest.webmanifest'), MANIFEST);
writeFileSync(join(web, 'assets', 'reader-AbCd12_-.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));

const t = await startTestApp({ env: { WEB_DIST_DIR: web } });
const withCors = await startTestApp({
  testDb: t.testDb,
  env: { WEB_DIST_DIR: web, CORS_ALLOWED_ORIGINS: 'https://app.stockscan.example' },
});

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(base: string, path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: Raw): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body).toString();
  if (encoding === 'gzip') return gunzipSync(res.body).toString();
  return res.body.toString();
}

const BROWSER = 'gzip, deflate, br, zstd';
const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

describe('serving the web build', () => {
  it('a hashed asset: brotli to a browser that takes it, cached a year, immutable', async () => {
    const res = await get(t.url, '/assets/index-AbCd12_-.js', { 'accept-encoding': BROWSER });

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers['cache-control']).toBe(YEAR_IMMUTABLE);
    expect(res.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT));
    expect(decoded(res)).toBe(SCRIPT);
  });

  it('gzip when brotli is not accepted, the file itself when nothing is', async () => {
    const gzip = await get(t.url, '/assets/index-AbCd12_-.js', { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe(YEAR_IMMUTABLE);
    expect(decoded(gzip)).toBe(SCRIPT);

    const plain = await get(t.url, '/assets/index-AbCd12_-.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(YEAR_IMMUTABLE);
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('index.html at / is compressed and revalidated on every visit (no-cache)', async () => {
    const res = await get(t.url, '/', { accept: 'text/html', 'accept-encoding': BROWSER });

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(decoded(res)).toBe(INDEX);
  });

  it('an app route answered by the SPA fallback: index.html, compressed, no-cache', async () => {
    const res = await get(t.url, '/app/inventory?month=2026-05', {
      accept: 'text/html,application/xhtml+xml',
      'accept-encoding': 'gzip',
    });

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(decoded(res)).toBe(INDEX);
  });

  it('a file without a hash in its name (public/) is revalidated; without a compressed copy it goes as it is', async () => {
    const res = await get(t.url, '/favicon.svg', { 'accept-encoding': BROWSER });

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString()).toBe(FAVICON);
  });

  it('API answers are untouched: no year-long cache, no compressed-file vary', async () => {
    const res = await get(t.url, '/health', { 'accept-encoding': BROWSER });

    expect(res.status).toBe(200);
    expect(res.headers['cache-control'] ?? '').not.toContain('immutable');
    expect(res.headers.vary ?? '').not.toMatch(/accept-encoding/i);
  });

  it('with CORS on, an API answer varies on Origin only (no file of the web is involved)', async () => {
    const res = await get(withCors.url, '/health', {
      'accept-encoding': BROWSER,
      origin: 'https://app.stockscan.example',
    });

    expect(res.status).toBe(200);
    expect(res.headers.vary).toBe('Origin');
  });

  it('with CORS on, a file varies on both Origin and Accept-Encoding (a shared cache keeps them apart)', async () => {
    const res = await get(withCors.url, '/assets/index-AbCd12_-.js', {
      'accept-encoding': BROWSER,
      origin: 'https://app.stockscan.example',
    });

    const vary = (res.headers.vary ?? '').toLowerCase();
    expect(vary).toContain('origin');
    expect(vary).toContain('accept-encoding');
    expect(res.headers['content-encoding']).toBe('br');
  });

  it('the service worker is a script revalidated on every visit (an update is seen at once), at the root scope', async () => {
    const res = await get(t.url, '/sw.js', { 'accept-encoding': BROWSER });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(?:text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString()).toBe(SERVICE_WORKER);
  });

  it('the web app manifest is served as one, revalidated', async () => {
    const res = await get(t.url, '/manifest.webmanifest', { 'accept-encoding': BROWSER });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(res.body.toString())).toMatchObject({ display: 'standalone' });
  });

  it('a hashed .wasm (the barcode reader) comes from our origin as application/wasm, cached a year', async () => {
    const res = await get(t.url, '/assets/reader-AbCd12_-.wasm', { 'accept-encoding': BROWSER });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/wasm');
    expect(res.headers['cache-control']).toBe(YEAR_IMMUTABLE);
  });
});

/**
 * #21: the landing and the login page come with their first render and their stylesheets in the HTML
 * (apps/web/prerender-pages.ts); every other route gets the empty shell, and the CSP allows those style blocks.
 */
const prerendered = mkdtempSync(join(tmpdir(), 'stockscan-web-prerendered-'));
const LANDING =
  '<!doctype html><style>h1{color:teal}</style><div id="root" data-page="/"><h1>Bienvenue</h1></div>';
const LOGIN =
  '<!doctype html><style>form{margin:0}</style><div id="root" data-page="/login"><form></form></div>';
const SHELL = '<!doctype html><div id="root"></div>';
for (const [path, text] of [
  ['index.html', LANDING],
  ['login.html', LOGIN],
  ['shell.html', SHELL],
  [
    'pages.json',
    JSON.stringify({
      pages: { '/': 'index.html', '/login': 'login.html' },
      styleHashes: ['sha256-landingStyleHash=', 'sha256-loginStyleHash='],
    }),
  ],
] as const)
  writeFileSync(join(prerendered, path), text);
const withPages = await startTestApp({ testDb: t.testDb, env: { WEB_DIST_DIR: prerendered } });

describe('serving prerendered pages', () => {
  it('/ and /login are their prerendered pages, any other route the empty shell', async () => {
    const html = { accept: 'text/html' };
    expect(decoded(await get(withPages.url, '/', html))).toBe(LANDING);
    expect(decoded(await get(withPages.url, '/login', html))).toBe(LOGIN);
    expect(decoded(await get(withPages.url, '/pricing', html))).toBe(SHELL);
    // With a query the page may differ from its first render: the shell, which the app renders into.
    expect(decoded(await get(withPages.url, '/login?next=%2Fapp', html))).toBe(SHELL);
  });

  it('the CSP allows their style blocks by hash, and no other inline style', async () => {
    const res = await get(withPages.url, '/login', { accept: 'text/html' });
    const styleSrc = (res.headers['content-security-policy'] as string)
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('style-src '));
    expect(styleSrc).toBe("style-src 'self' 'sha256-landingStyleHash=' 'sha256-loginStyleHash='");
  });
});
