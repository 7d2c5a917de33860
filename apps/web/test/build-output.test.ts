import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageScripts } from './page-scripts';

const web = join(import.meta.dirname, '..');
const dist = join(web, 'dist');
// The AutoDemo's root element carries data-testid="autodemo" (AutoDemo.tsx); the minifier may pick any quote.
const AUTODEMO_MARKER = /["'`]autodemo["'`]/;
/** #21: the landing's and the login page's JS, as the browser downloads it (the build's .gz copies): 100 kB. */
const PUBLIC_PAGE_BUDGET_GZIP_BYTES = 100_000;
/** #17: what the service worker downloads on its first install, files as stored (before compression): 1.5 MB. */
const PRECACHE_BUDGET_BYTES = 1_500_000;

/** The files the built service worker precaches (Workbox's manifest in dist/sw.js). */
function precachedFiles(build: string): string[] {
  const sw = readFileSync(join(build, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => (m[1] as string).replace(/^\//, ''));
}

function shipsAutoDemo(build: string): boolean {
  const assets = readdirSync(join(build, 'assets')).filter((f) => f.endsWith('.js'));
  return assets.some((f) => AUTODEMO_MARKER.test(readFileSync(join(build, 'assets', f), 'utf8')));
}

describe('the production build', () => {
  it('exists (turbo builds before testing)', () => {
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  });

  it.each([
    ['landing', 'Landing', 'index.html'],
    ['login page', 'LoginPage', 'login.html'],
  ])(
    `the %s runs at most ${PUBLIC_PAGE_BUDGET_GZIP_BYTES / 1000} kB of JS gzip (entry, its page, what they import), without the API client`,
    (name, page, html) => {
      const files = pageScripts(dist, page);
      expect(files.length).toBeGreaterThan(1);
      // A file too small for a compressed copy goes as it is.
      const sent = (f: string, ext: string) =>
        statSync(join(dist, existsSync(join(dist, `${f}${ext}`)) ? `${f}${ext}` : f)).size;
      const total = files.reduce((sum, f) => sum + sent(f, '.gz'), 0);
      const brotli = files.reduce((sum, f) => sum + sent(f, '.br'), 0);
      console.log(
        `${name} JS: ${(total / 1000).toFixed(1)} kB gzip, ${(brotli / 1000).toFixed(1)} kB brotli in ${files.length} files`,
      );
      expect(total).toBeLessThanOrEqual(PUBLIC_PAGE_BUDGET_GZIP_BYTES);
      // The tRPC client (and react-query with it) comes with the first call: the login page fetches it when its
      // form is used. Its error class keeps its name through minification.
      const preloaded = [
        ...readFileSync(join(dist, html), 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g),
      ].map((m) => m[1] as string);
      expect(preloaded.filter((f) => !files.includes(f))).toEqual([]);
      expect(files.filter((f) => readFileSync(join(dist, f), 'utf8').includes('TRPCClientError'))).toEqual(
        [],
      );
    },
  );

  it(`the service worker precaches at most ${PRECACHE_BUDGET_BYTES / 1e6} MB: the signed-in app, not the public pages`, () => {
    const files = precachedFiles(dist);
    const sizeOf = (f: string) => statSync(join(dist, f)).size;
    const sent = (f: string) => statSync(join(dist, existsSync(join(dist, `${f}.br`)) ? `${f}.br` : f)).size;
    const raw = files.reduce((sum, f) => sum + sizeOf(f), 0);
    const brotli = files.reduce((sum, f) => sum + sent(f), 0);
    const byType = new Map<string, { n: number; bytes: number }>();
    for (const f of files) {
      const ext = f.slice(f.lastIndexOf('.') + 1);
      const entry = byType.get(ext) ?? { n: 0, bytes: 0 };
      byType.set(ext, { n: entry.n + 1, bytes: entry.bytes + sizeOf(f) });
    }
    const largest = [...files].sort((a, b) => sizeOf(b) - sizeOf(a)).slice(0, 5);
    console.log(
      `precache: ${files.length} files, ${(raw / 1000).toFixed(1)} kB as stored, ${(brotli / 1000).toFixed(1)} kB sent (brotli) — ${[
        ...byType,
      ]
        .map(([ext, { n, bytes }]) => `${n} ${ext} ${(bytes / 1000).toFixed(1)} kB`)
        .join(', ')}; largest: ${largest.map((f) => `${f} ${(sizeOf(f) / 1000).toFixed(1)} kB`).join(', ')}`,
    );
    expect(files).toContain('index.html');
    expect(files.some((f) => /^assets\/CountPage-[\w-]{8}\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^assets\/Landing-[\w-]{8}\.js$/.test(f))).toBe(false);
    expect(files.some((f) => f.endsWith('.wasm'))).toBe(false);
    expect(raw).toBeLessThanOrEqual(PRECACHE_BUDGET_BYTES);
  });

  it('the landing does not register the service worker: only the signed-in app does', () => {
    const landing = pageScripts(dist, 'Landing')
      .map((f) => readFileSync(join(dist, f), 'utf8'))
      .join('\n');
    expect(landing).not.toMatch(/serviceWorker\.register/);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')) as {
      icons: { sizes: string }[];
      display: string;
    };
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('the landing does not load the API client: tRPC and react-query come with the first page that calls the API', () => {
    // Strings both libraries keep through minification; first proof that the build has them at all.
    const markers = [/TRPCClientError/, /No QueryClient set/];
    const all = readdirSync(join(dist, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dist, 'assets', f), 'utf8'))
      .join('\n');
    for (const marker of markers) expect(all).toMatch(marker);
    const landing = pageScripts(dist, 'Landing')
      .map((f) => readFileSync(join(dist, f), 'utf8'))
      .join('\n');
    for (const marker of markers) expect(landing).not.toMatch(marker);
  });

  it('every script, stylesheet and the page have brotli and gzip copies of the same bytes (served precompressed)', () => {
    const files = [
      'index.html',
      ...readdirSync(join(dist, 'assets'))
        .filter((f) => /\.(?:js|css)$/.test(f))
        .map((f) => `assets/${f}`),
    ].filter((f) => readFileSync(join(dist, f)).length >= 512);
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      const raw = readFileSync(join(dist, f));
      const br = readFileSync(join(dist, `${f}.br`));
      const gz = readFileSync(join(dist, `${f}.gz`));
      expect(brotliDecompressSync(br).equals(raw), `${f}.br`).toBe(true);
      expect(gunzipSync(gz).equals(raw), `${f}.gz`).toBe(true);
      expect(br.length, `${f}.br is smaller`).toBeLessThan(raw.length);
    }
  });

  it('index.html runs no inline script (the CSP allows scripts from our own origin only)', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/[^"]+\.js"/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  // The demo build plays its tour on the landing instead (vite.config.ts).
  it.skipIf(process.env.VITE_DEMO_MODE === 'true')(
    'the landing and the login page carry their first render and stylesheets (painted before any script), other routes an empty page',
    () => {
      const read = (f: string) => readFileSync(join(dist, f), 'utf8');
      const manifest = JSON.parse(read('pages.json')) as {
        pages: Record<string, string>;
        styleHashes: string[];
      };
      expect(manifest.pages).toEqual({ '/': 'index.html', '/login': 'login.html' });
      const landing = read('index.html');
      expect(landing).toMatch(/<div id="root" data-page="\/"><!--\$--><div class="public">/);
      expect(landing).toMatch(/<h1>[^<]+<\/h1>/);
      const login = read('login.html');
      expect(login).toContain('<div id="root" data-page="/login">');
      expect(login).toMatch(/<form[^>]*>[\s\S]*type="password"/);
      // Before the page runs, the form sends nothing (and never a password in a URL).
      expect(login).toMatch(/<form[^>]*method="post"/);
      expect(login).toMatch(/<button type="submit"[^>]*disabled=""/);
      expect(login).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/LoginPage-[\w-]{8}\.js">/);
      expect(read('shell.html')).toContain('<div id="root"></div>');
      expect(read('shell.html')).toMatch(
        /<link rel="stylesheet" crossorigin href="\/assets\/index-[\w-]{8}\.css">/,
      );
      for (const [page, rule] of [
        [landing, '.trades{'],
        [login, '.auth'],
      ] as const) {
        // Their stylesheets are in the page (no round trip before the first paint), allowed by the CSP's hash.
        expect(page).not.toMatch(/rel="stylesheet"/);
        const style = page.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
        expect(style).toContain('--ink:');
        expect(style).toContain(rule);
        expect(manifest.styleHashes).toContain(
          `sha256-${createHash('sha256').update(style).digest('base64')}`,
        );
        expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
        expect(page).not.toMatch(/\sstyle="/i);
      }
    },
  );

  it('does not ship the AutoDemo unless built with VITE_DEMO_MODE=true', { timeout: 180_000 }, () => {
    // First proof that the marker finds the AutoDemo where it is bundled, or its absence below would prove nothing.
    const demoDist = mkdtempSync(join(tmpdir(), 'stockscan-demo-build-'));
    try {
      execFileSync(
        process.execPath,
        [join(web, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', demoDist],
        {
          cwd: web,
          env: { ...process.env, VITE_DEMO_MODE: 'true' },
          stdio: 'pipe',
        },
      );
      expect(shipsAutoDemo(demoDist)).toBe(true);
    } finally {
      rmSync(demoDist, { recursive: true, force: true });
    }
    expect(shipsAutoDemo(dist)).toBe(process.env.VITE_DEMO_MODE === 'true');
  });
});
