import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '../dist');
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

  it('does not ship the AutoDemo unless built with VITE_DEMO_MODE=true', () => {
    const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    const bundled = assets.some((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes('autodemo'));
    expect(bundled).toBe(process.env.VITE_DEMO_MODE === 'true');
  });
});
