import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPage, type Stack, screenshots, startStack } from './stack';

const web = resolve(import.meta.dirname, '..');
const demoDist = join(web, 'dist-demo');

describe.skipIf(!hasChromium)('AutoDemo (VITE_DEMO_MODE=true build)', () => {
  let stack: Stack;
  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [join(web, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', demoDist, '--emptyOutDir'],
      {
        cwd: web,
        env: { ...process.env, VITE_DEMO_MODE: 'true' },
        stdio: 'pipe',
      },
    );
    stack = await startStack({ webDist: demoDist });
  });
  afterAll(() => stack?.stop());

  it('is bundled in the demo build', () => {
    const assets = readdirSync(join(demoDist, 'assets')).filter((f) => f.endsWith('.js'));
    expect(assets.some((f) => readFileSync(join(demoDist, 'assets', f), 'utf8').includes('autodemo'))).toBe(
      true,
    );
  });

  it('plays the tour on the landing with zero requests to the API', async () => {
    const context = await stack.browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 375, height: 812 },
    });
    const { page, consoleErrors } = await openPage(context);
    const apiRequests: string[] = [];
    const otherHosts: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.origin !== stack.url) otherHosts.push(req.url());
      else if (/^\/(trpc|api|health|metrics)/.test(url.pathname)) apiRequests.push(url.pathname);
    });
    await page.goto(stack.url);
    const demo = page.getByTestId('autodemo');
    await demo.waitFor();
    const first = await demo.textContent();
    await page.waitForTimeout(5_000);
    await screenshots(page, '00-autodemo');
    expect(await demo.textContent()).not.toBe(first);
    expect(apiRequests).toEqual([]);
    expect(otherHosts).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
