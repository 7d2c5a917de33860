import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeServer, startFakeServer } from '@stockscan/testing/fake-http';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ean13CheckDigit, ean13Modules, writeBarcodeVideo } from './barcode-video';
import { navigate, openWatchedPage, registerBusiness, snap } from './journey-helpers';
import { sqlRows, trpc } from './offline-helpers';
import { ARTIFACTS, CHROMIUM, hasChromium, type Stack, startStack, VIEWPORTS } from './stack';

/**
 * Scanning on every phone (#17): with no BarcodeDetector in the browser (iPhone Safari, Firefox — here deleted
 * from window), the scanner loads the ZXing polyfill and its .wasm from our own origin (the CSP allows
 * WebAssembly, nothing from a CDN) and reads an EAN-13 from a camera — Chromium's fake camera playing a video of
 * the barcode drawn in code.
 */

const OWNER = { username: 'theo.comptoir', email: 'theo@comptoir.test', password: 'zinc-et-cuivre-26' };
const FIRST12 = '376012345678';
const CODE = `${FIRST12}${ean13CheckDigit(FIRST12)}`;
const PRODUCT = 'Limonade artisanale 33 cl';
const UNKNOWN = '3760000000017';

describe('an EAN-13 drawn in code', () => {
  it('has 95 modules, guards included, and the check digit of a real code', () => {
    expect(ean13CheckDigit('400638133393')).toBe('1');
    const modules = ean13Modules(CODE);
    expect(modules).toHaveLength(95);
    expect(modules.startsWith('101')).toBe(true);
    expect(modules.slice(45, 50)).toBe('01010');
    expect(() => ean13Modules('3760123456789')).toThrow();
  });
});

describe.skipIf(!hasChromium)('the scanner on a phone without BarcodeDetector, in a real browser', () => {
  let stack: Stack;
  let browser: Browser;
  let dir: string;
  let foodFacts: FakeServer;
  beforeAll(async () => {
    // Open Food Facts stands in locally: it knows one barcode the bar does not have yet.
    foodFacts = await startFakeServer((req) =>
      req.path === `/api/v2/product/${UNKNOWN}.json`
        ? {
            json: {
              status: 1,
              product: {
                product_name_fr: 'Limonade citron bio',
                brands: 'Lorina',
                categories: 'Boissons, Sodas, Limonades',
                quantity: '75 cl',
              },
            },
          }
        : { status: 404, json: { status: 0 } },
    );
    stack = await startStack({
      env: { OPENFOODFACTS_ENABLED: 'true', OPENFOODFACTS_BASE_URL: foodFacts.url },
    });
    dir = mkdtempSync(join(tmpdir(), 'stockscan-camera-'));
    const video = join(dir, 'ean13.y4m');
    writeBarcodeVideo(video, CODE);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await foodFacts?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the code through the polyfill (wasm from our origin) and pins the product to count; beep, count, next', async ({
    onTestFailed,
  }) => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: VIEWPORTS.phone,
      permissions: ['camera'],
    });
    // As on an iPhone: no native reader.
    await context.addInitScript(() => {
      delete (window as unknown as { BarcodeDetector?: unknown }).BarcodeDetector;
    });
    const { page, consoleErrors, failedRequests } = await openWatchedPage(context);
    const wasm: string[] = [];
    page.on('request', (request) => {
      if (/\.wasm(?:\?|$)/.test(request.url())) wasm.push(request.url());
    });
    onTestFailed(async () => {
      await page.screenshot({ path: join(ARTIFACTS, 'scanner-failed.png'), fullPage: true }).catch(() => {});
      console.error(JSON.stringify({ consoleErrors, failedRequests, wasm }), stack.logs.join(''));
    });

    await registerBusiness(page, stack, { ...OWNER, tenant: 'Le Comptoir' });
    const services = await trpc<{ id: string }[]>(page, 'services.list', undefined, 'GET');
    await trpc(page, 'inventory.products.create', {
      service_id: services[0]!.id,
      name: PRODUCT,
      unit: 'pcs',
      barcode: CODE,
    });
    await navigate(page, 'Inventaire');
    // The scanner opens on the tap (once: a tap that landed while the screen was still settling under CI's load
    // opened nothing, seen once — tapped again then; what is read and pinned is checked below all the same).
    const scanner = page.getByRole('dialog', { name: 'Scanner un produit' });
    const pinned = page.getByRole('region', { name: 'Produit scanné' });
    for (let tap = 0; tap < 2; tap++) {
      await page.getByRole('button', { name: 'Scanner un code-barres' }).last().click();
      const opened = await Promise.any([
        scanner.waitFor({ timeout: 10_000 }),
        pinned.getByText(PRODUCT, { exact: true }).waitFor({ timeout: 10_000 }),
      ]).then(
        () => true,
        () => false,
      );
      if (opened) break;
    }
    await pinned.getByText(PRODUCT, { exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
    expect(wasm.length).toBeGreaterThan(0);
    for (const url of wasm) expect(url.startsWith(stack.url)).toBe(true);
    await snap(page, 'scanner-01-found');

    // Count it, then "suivant": the scanner opens again for the next product.
    await pinned.getByLabel(`Quantité de ${PRODUCT}`).fill('12');
    await pinned.getByText('enregistré').waitFor();
    await pinned.getByRole('button', { name: 'Scanner le suivant' }).click();
    await page.getByRole('dialog', { name: 'Scanner un produit' }).waitFor();
    const rows = await sqlRows<{ quantity: string }>(
      stack,
      'select c.quantity::text from counts c join products p on p.id = c.product_id where p.barcode = $1',
      [CODE],
    );
    if (rows) expect(rows).toEqual([{ quantity: '12.000' }]);

    // An unknown code typed (a USB scanner; the camera, still on the first bottle, is left out here): the quick
    // add form, pre-filled from Open Food Facts.
    const typing = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: VIEWPORTS.phone,
      storageState: await context.storageState(),
    });
    await typing.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('no camera', 'NotAllowedError'));
    });
    const { page: second } = await openWatchedPage(typing);
    await second.goto(`${stack.url}/app/inventory`);
    await second.getByRole('button', { name: 'Scanner un code-barres' }).last().click();
    const dialog = second.getByRole('dialog', { name: 'Scanner un produit' });
    await dialog.getByLabel('Code-barres ou référence').fill(UNKNOWN);
    await dialog.getByRole('button', { name: 'Chercher' }).click();
    await second.getByRole('button', { name: 'Ajouter ce produit' }).click();
    const form = second.getByRole('form', { name: 'Ajouter un produit' });
    await form.getByText('Pré-rempli depuis Open Food Facts : vérifiez avant d’ajouter.').waitFor();
    expect(await form.getByLabel('Nom du produit').inputValue()).toBe('Lorina Limonade citron bio 75 cl');
    expect(await form.getByLabel('Catégorie').inputValue()).not.toBe('');
    expect(await form.getByLabel('Code-barres').inputValue()).toBe(UNKNOWN);
    await snap(second, 'scanner-02-open-food-facts');
    await form.getByRole('button', { name: 'Ajouter et compter' }).click();
    await second.getByText('« Lorina Limonade citron bio 75 cl » ajouté à Bar.').waitFor();
    expect(foodFacts.requests.map((r) => r.path)).toEqual([`/api/v2/product/${UNKNOWN}.json`]);
    expect(consoleErrors.filter((e) => /Content Security Policy|WebAssembly/i.test(e))).toEqual([]);
    await typing.close();
    await context.close();
  });
});
