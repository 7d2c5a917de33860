import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navigate, newContext, openWatchedPage, registerBusiness, snap } from './journey-helpers';
import { answersKept, controlledByServiceWorker, sqlRows, trpc } from './offline-helpers';
import { ARTIFACTS, hasChromium, type Stack, startStack } from './stack';

/**
 * Counting like a bartender, anywhere (#17): beers counted in cartons + loose bottles, an opened gin weighed on
 * a kitchen scale, then the cellar with no signal — the count screen opens after a reload, takes counts, a spot
 * check and a loss, keeps them through another reload, and sends them once when the network is back.
 */

const OWNER = { username: 'nina.cave', email: 'nina@cave-a-biere.test', password: 'cellier-2026' };
const TENANT = 'La Cave à Bière';
const LEFFE = 'Bière Leffe 33 cl';
const GIN = 'Gin Citadelle 70 cl';
const SIROP = 'Sirop de sucre 1 L';

const row = (page: Page, name: string) => page.locator('.count-list > li').filter({ hasText: name }).first();

interface CountRow {
  name: string;
  quantity: string;
  container_status: string;
  remaining_fraction: string | null;
  weight_g: string | null;
}

async function countsOf(stack: Stack): Promise<Map<string, CountRow> | null> {
  const rows = await sqlRows<CountRow>(
    stack,
    `select p.name, c.quantity::text, c.container_status, c.remaining_fraction::text, c.weight_g::text
       from counts c join products p on p.id = c.product_id order by p.name`,
  );
  return rows && new Map(rows.map((r) => [r.name, r]));
}

describe.skipIf(!hasChromium)('counting in cartons, weighing, and offline, in a real browser', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('cartons + units and a weighed bottle are stored as units and a fraction; offline counts, a spot check and a loss survive reloads and are sent once', async ({
    onTestFailed,
  }) => {
    const context = await newContext(stack);
    const { page, consoleErrors, failedRequests } = await openWatchedPage(context);
    onTestFailed(async () => {
      await page.screenshot({ path: join(ARTIFACTS, 'offline-failed.png'), fullPage: true }).catch(() => {});
      console.error(JSON.stringify({ consoleErrors, failedRequests }), stack.logs.join(''));
    });

    // 1. A bar and its catalogue: beers by the carton of 24, a syrup; the gin through the product form.
    await registerBusiness(page, stack, { ...OWNER, tenant: TENANT });
    const services = await trpc<{ id: string }[]>(page, 'services.list', undefined, 'GET');
    const serviceId = services[0]!.id;
    await trpc(page, 'inventory.products.create', {
      service_id: serviceId,
      name: LEFFE,
      unit: 'pcs',
      pack_size: 24,
      pack_uom: 'carton',
    });
    await trpc(page, 'inventory.products.create', { service_id: serviceId, name: SIROP, unit: 'pcs' });
    await page.goto(`${stack.url}/app/products/new?service=${serviceId}`);
    await page.getByLabel('Nom (obligatoire)').fill(GIN);
    // The size in the name pre-fills the bottle's weights (editable): a 70 cl spirits bottle.
    expect(await page.getByLabel('Poids plein (g)').inputValue()).toBe('1197');
    expect(await page.getByLabel('Poids vide (g)').inputValue()).toBe('532');
    await page.getByRole('button', { name: 'Créer le produit' }).click();
    await page.getByText('Produit enregistré.').waitFor();
    await snap(page, 'offline-01-bottle-weights');

    // 2. Count: 3 cartons + 4 beers; 2 sealed gins and an opened one weighed at 864,5 g → half left.
    await navigate(page, 'Inventaire');
    const leffe = row(page, LEFFE);
    await leffe.getByLabel(`Cartons de ${LEFFE}`).fill('3');
    await leffe.getByLabel(`Unités en plus de ${LEFFE}`).fill('4');
    await leffe.getByText('3 cartons + 4 = 76').waitFor();
    const gin = row(page, GIN);
    await gin.getByLabel(`Quantité de ${GIN}`).fill('2');
    await gin.getByRole('checkbox', { name: 'Entamé' }).check();
    await gin.getByLabel(`Poids de ${GIN} entamé, en grammes`).fill('864,5');
    await gin.getByText('Pesé 864,5 g → reste 0,5').waitFor();
    await leffe.getByText('enregistré').waitFor();
    await gin.getByText('enregistré').waitFor();
    await snap(page, 'offline-02-cartons-and-weight');
    const stored = await countsOf(stack);
    if (stored) {
      expect(stored.get(LEFFE)).toMatchObject({ quantity: '76.000', container_status: 'SEALED' });
      expect(stored.get(GIN)).toMatchObject({
        quantity: '2.000',
        container_status: 'OPENED',
        remaining_fraction: '0.500',
        weight_g: '864.5',
      });
    }
    // 3. The losses page once online (its product list is kept), then the service worker has the app.
    await navigate(page, 'Pertes');
    await page
      .getByRole('form', { name: 'Déclarer une perte' })
      .getByRole('button', { name: new RegExp(LEFFE) })
      .waitFor();
    // The losses page's answers are kept (its list and the product picker's), not only the count screen's.
    await answersKept(page, 'inventory.losses.list');
    await answersKept(page, 'inventory.products.list', LEFFE);

    await navigate(page, 'Inventaire');
    await row(page, SIROP).waitFor();
    await controlledByServiceWorker(page);
    await answersKept(page, 'inventory.counts.screen', SIROP);

    // 4. The cellar: no network. A reload opens the count screen from the phone.
    await context.setOffline(true);
    await page.reload();

    await row(page, LEFFE).waitFor();
    await page
      .getByText(/Hors ligne/)
      .first()
      .waitFor();
    // As counted before the network went (the kept list has the saved counts, not the list as first loaded).
    expect(await row(page, GIN).getByLabel(`Quantité de ${GIN}`).inputValue()).toBe('2');
    await row(page, GIN).getByText('Pesé 864,5 g → reste 0,5').waitFor();
    await row(page, SIROP).getByLabel(`Quantité de ${SIROP}`).fill('5');
    await row(page, LEFFE).getByLabel(`Cartons de ${LEFFE}`).fill('4');
    await row(page, LEFFE).getByLabel(`Unités en plus de ${LEFFE}`).fill('0');
    await row(page, LEFFE).getByText('4 cartons + 0 = 96').waitFor();
    await row(page, SIROP).getByText('en attente').waitFor();

    // A spot check made offline waits on the phone with its key, like a loss.
    await row(page, LEFFE).getByRole('button', { name: 'DLC et lot' }).click();
    await page.getByRole('button', { name: `Contrôle ponctuel de ${LEFFE}` }).click();
    await page.getByLabel('Quantité comptée maintenant (pcs)').fill('70');
    await page.getByRole('button', { name: 'Enregistrer le contrôle' }).click();
    await page.getByText(/le contrôle \(70 pcs · Bière Leffe 33 cl\) est gardé sur ce téléphone/).waitFor();

    // A loss typed offline waits in the outbox with its key.
    await navigate(page, 'Pertes');
    const lossForm = page.getByRole('form', { name: 'Déclarer une perte' });
    await lossForm.getByLabel('Chercher un produit').fill('Leffe');
    await lossForm.getByRole('button', { name: new RegExp(LEFFE) }).click();
    await lossForm.getByLabel('Quantité perdue').fill('2');
    await lossForm.getByRole('radio', { name: 'Casse' }).check();
    await lossForm.getByRole('button', { name: 'Enregistrer la perte' }).click();
    await page.getByText(/la perte \(2 pcs · Bière Leffe 33 cl\) est gardée sur ce téléphone/).waitFor();

    // Another reload, still offline: everything typed is still there, listed "à envoyer".
    await navigate(page, 'Inventaire');
    await page.reload();
    await row(page, SIROP).waitFor();
    expect(await row(page, SIROP).getByLabel(`Quantité de ${SIROP}`).inputValue()).toBe('5');
    await page.getByText(/Hors ligne — 4 à envoyer/).waitFor();
    await page.getByRole('button', { name: 'Voir la liste' }).click();
    const list = page.getByRole('list', { name: 'À envoyer' });
    await list.getByText(SIROP).waitFor();
    await list.getByText(/Perte/).waitFor();
    await list.getByText(/Contrôle/).waitFor();
    await snap(page, 'offline-03-to-send');
    expect(await countsOf(stack).then((c) => c?.get(SIROP))).toBeUndefined();

    // 5. Back in the bar: sent by themselves, once.
    await context.setOffline(false);
    await page.getByText(/Tout est envoyé \(4\)/).waitFor({ timeout: 30_000 });
    const after = await countsOf(stack);
    if (after) {
      expect(after.get(SIROP)).toMatchObject({ quantity: '5.000' });
      expect(after.get(LEFFE)).toMatchObject({ quantity: '96.000' });
    }
    const losses = await sqlRows<{ n: number; quantity: string }>(
      stack,
      `select count(*)::int as n, sum(quantity)::text as quantity from loss_events`,
    );
    if (losses) expect(losses[0]).toEqual({ n: 1, quantity: '2.000' });
    const checks = await sqlRows<{ quantity: string }>(
      stack,
      'select quantity::text as quantity from spot_checks',
    );
    if (checks) expect(checks).toEqual([{ quantity: '70.000' }]);
    // A reload replays nothing: the queue and the outbox are empty.
    await page.reload();
    await row(page, SIROP).waitFor();
    await page.getByText('Tout est enregistré').waitFor();
    const afterReload = await sqlRows<{ losses: number; checks: number }>(
      stack,
      'select (select count(*) from loss_events)::int as losses, (select count(*) from spot_checks)::int as checks',
    );
    if (afterReload) expect(afterReload[0]).toEqual({ losses: 1, checks: 1 });
    expect(
      consoleErrors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e)),
    ).toEqual([]);
    await context.close();
  });

  it('a loss sent twice with the same key is one loss (a replay answers the first)', async () => {
    const context = await newContext(stack);
    const { page } = await openWatchedPage(context);
    await page.goto(`${stack.url}/login`);
    await page.getByLabel('Identifiant ou e-mail').fill(OWNER.username);
    await page.getByLabel('Mot de passe', { exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Se connecter' }).last().click();
    await page.waitForURL(/\/app/);
    const services = await trpc<{ id: string }[]>(page, 'services.list', undefined, 'GET');
    const products = await trpc<{ items: { id: string; name: string }[] }>(
      page,
      'inventory.products.list',
      { service_id: services[0]!.id },
      'GET',
    );
    const sirop = products.items.find((p) => p.name === SIROP)!;
    const input = {
      idempotency_key: 'e2e-loss-twice-0001',
      service_id: services[0]!.id,
      product_id: sirop.id,
      quantity: 1,
      unit: 'pcs',
      reason: 'breakage',
      occurred_at: new Date().toISOString().slice(0, 10),
    };
    const [first, second] = await Promise.all([
      trpc<{ id: string }>(page, 'inventory.losses.create', input),
      trpc<{ id: string }>(page, 'inventory.losses.create', input),
    ]);
    expect(second.id).toBe(first.id);
    const rows = await sqlRows<{ n: number }>(
      stack,
      'select count(*)::int as n from loss_events where product_id = $1',
      [sirop.id],
    );
    if (rows) expect(rows[0]?.n).toBe(1);
    await context.close();
  });
});
