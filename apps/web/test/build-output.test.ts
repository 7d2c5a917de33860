import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const web = join(import.meta.dirname, '..');
const dist = join(web, 'dist');
// The AutoDemo's root element carries data-testid="autodemo" (AutoDemo.tsx); the minifier may pick any quote.
const AUTODEMO_MARKER = /["'`]autodemo["'`]/;
const BUDGET_GZIP_BYTES = 250 * 1024;

/** Scripts the landing page loads before any route chunk: the entry and its static imports. */
function initialScripts(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  return [...new Set([...entries, ...preloads])];
}

function shipsAutoDemo(build: string): boolean {
  const assets = readdirSync(join(build, 'assets')).filter((f) => f.endsWith('.js'));
  return assets.some((f) => AUTODEMO_MARKER.test(readFileSync(join(build, 'assets', f), 'utf8')));
}

describe('the production build', () => {
  it('exists (turbo builds before testing)', () => {
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  });

  it(`keeps the initial JS under ${BUDGET_GZIP_BYTES / 1024} KB gzip`, () => {
    const files = initialScripts();
    expect(files.length).toBeGreaterThan(0);
    const total = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
    console.log(`initial JS: ${(total / 1024).toFixed(1)} KB gzip in ${files.length} file(s)`);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
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
