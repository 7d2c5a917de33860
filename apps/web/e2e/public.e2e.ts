import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPage, type Stack, screenshots, startStack } from './stack';

describe.skipIf(!hasChromium)('public pages in a real browser', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('landing and status render from the built app without console errors', async () => {
    const context = await stack.browser.newContext({ locale: 'fr-FR' });
    const { page, consoleErrors } = await openPage(context);
    await page.goto(stack.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshots(page, '00-landing');
    await page.goto(`${stack.url}/status`);
    await page.getByTestId('status').waitFor();
    expect(await page.getByTestId('status').textContent()).toMatch(/opérationnel/);
    await screenshots(page, '00-status');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
