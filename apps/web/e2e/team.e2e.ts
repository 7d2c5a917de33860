import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  invitationLinkSentTo,
  navigate,
  newContext,
  openWatchedPage,
  registerBusiness,
  snap,
} from './journey-helpers';
import { ARTIFACTS, hasChromium, type Stack, startStack } from './stack';

/**
 * Counting as a team (#16): the owner sets up the bar's places, an operator joins, and both count the same
 * service in two places at the same time on their phones — each sees the other's lines arrive; then the
 * owner reviews the month, marks a suspicious line correct and closes it, and the operator's next count is
 * refused with the closed-month message.
 */

const OWNER = { username: 'lea.zinc', email: 'lea@zinc-du-port.test', password: 'comptoir-2026' };
const OPERATOR = { username: 'marc', email: 'marc@zinc-du-port.test', password: 'reserve-2026' };
const TENANT = 'Le Zinc du Port';
const PRODUCTS = ['Gin Citadelle 70 cl', 'Rhum Diplomatico 70 cl', 'Bière Leffe 33 cl'] as const;

/** A tRPC mutation from the signed-in page (setting up what this journey is not about). */
function mutate(page: Page, path: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([path, input]) => {
      const session = JSON.parse(localStorage.getItem('stockscan.session') ?? '{}') as { access?: string };
      const response = await fetch(`/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.access}` },
        body: JSON.stringify(input),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { result: { data: unknown } }).result.data;
    },
    [path, input] as const,
  );
}

/** The row of a product in the count list. */
const row = (page: Page, name: string) => page.getByRole('listitem').filter({ hasText: name }).first();

describe.skipIf(!hasChromium)('counting as a team, in two browsers', () => {
  let stack: Stack;
  beforeAll(async () => {
    // A Duo trial: places, spot checks and (BOUTIQUE+) the month's review.
    stack = await startStack({ env: { TRIAL_PLAN: 'BOUTIQUE' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('owner and operator count two places at once, see each other’s lines; the owner reviews and closes the month', async ({
    onTestFailed,
  }) => {
    const ownerContext = await newContext(stack);
    const owner = await openWatchedPage(ownerContext);
    const operatorContext = await newContext(stack);
    const operator = await openWatchedPage(operatorContext);
    onTestFailed(async () => {
      await owner.page
        .screenshot({ path: join(ARTIFACTS, 'team-failed-owner.png'), fullPage: true })
        .catch(() => {});
      await operator.page
        .screenshot({ path: join(ARTIFACTS, 'team-failed-operator.png'), fullPage: true })
        .catch(() => {});
      console.error(
        `owner: ${JSON.stringify([owner.consoleErrors, owner.failedRequests])}\noperator: ${JSON.stringify([operator.consoleErrors, operator.failedRequests])}\nserver:\n${stack.logs.join('')}`,
      );
    });

    // 1. The owner's bar, its catalogue (set up through the API: this journey is about counting together).
    const page = owner.page;
    await registerBusiness(page, stack, { tenant: TENANT, ...OWNER });
    const services = (await page.evaluate(async () => {
      const session = JSON.parse(localStorage.getItem('stockscan.session') ?? '{}') as { access?: string };
      const response = await fetch('/trpc/services.list', {
        headers: { authorization: `Bearer ${session.access}` },
      });
      return ((await response.json()) as { result: { data: { id: string }[] } }).result.data;
    })) as { id: string }[];
    const serviceId = services[0]!.id;
    for (const name of PRODUCTS)
      await mutate(page, 'inventory.products.create', { service_id: serviceId, name, unit: 'pcs' });

    // 2. Settings: two places, the storeroom's shelves (rum first), blind counting for the staff.
    await navigate(page, 'Réglages');
    await page.getByText(/^Emplacements · 0$/).click();
    for (const place of ['Bar', 'Réserve']) {
      await page.getByLabel('Nouvel emplacement').fill(place);
      await page.getByRole('button', { name: 'Ajouter l’emplacement' }).click();
      await page.getByText(`Emplacement « ${place} » ajouté.`).waitFor();
    }
    await page.getByRole('button', { name: 'Produits rangés ici : Réserve' }).click();
    for (const search of ['Rhum', 'Gin']) {
      await page.getByLabel('Ajouter un produit').fill(search);
      await page.getByRole('button', { name: new RegExp(`^Ajouter ${search}`) }).click();
    }
    await page.getByRole('button', { name: 'Enregistrer l’ordre' }).click();
    await page.getByText('Produits rangés dans « Réserve » : 2.').waitFor();
    await page.getByRole('checkbox', { name: 'Comptage à l’aveugle' }).check();
    await page.getByText('Comptage à l’aveugle activé pour « Bar ».').waitFor();
    await snap(page, 'team-01-places');

    // 3. Marc joins as staff.
    await navigate(page, 'Équipe');
    const inviteForm = page.getByRole('form', { name: 'Inviter quelqu’un' });
    await inviteForm.getByLabel('Adresse e-mail').fill(OPERATOR.email);
    await inviteForm.getByRole('radio', { name: /^Équipier/ }).check();
    await inviteForm.getByRole('button', { name: /Envoyer l.invitation/ }).click();
    await page.getByText(`Invitation envoyée par e-mail à ${OPERATOR.email}.`).waitFor();
    const op = operator.page;
    await op.goto(invitationLinkSentTo(stack, OPERATOR.email));
    await op.getByLabel('Identifiant', { exact: true }).fill(OPERATOR.username);
    await op.getByLabel('Mot de passe', { exact: true }).fill(OPERATOR.password);
    await op.getByLabel('Confirmez le mot de passe').fill(OPERATOR.password);
    await op.getByRole('button', { name: /Accepter et ouvrir l.inventaire/ }).click();
    await op.waitForURL(`${stack.url}/app`);

    // 4. Both on the count screen: Léa in the bar, Marc in the storeroom (its shelves first, in order).
    await navigate(page, 'Inventaire');
    await page.getByRole('radio', { name: /^Bar/ }).click();
    await page.waitForURL(/place=/);
    await navigate(op, 'Inventaire');
    await op.getByRole('radio', { name: /^Réserve/ }).click();
    await op.getByText('Dans l’ordre des étagères de « Réserve ».').waitFor();
    await expect
      .poll(() => op.locator('.count-list .count-name').allTextContents())
      .toEqual(['Rhum Diplomatico 70 cl', 'Gin Citadelle 70 cl', 'Bière Leffe 33 cl']);
    await op.getByText('Autres produits du service (pas rangés ici d’habitude)').waitFor();
    // Blind counting: the owner may start from last month, the staff may not.
    await page.getByRole('button', { name: 'Repartir du mois dernier' }).waitFor();
    expect(await op.getByRole('button', { name: 'Repartir du mois dernier' }).count()).toBe(0);

    // 5. They count at the same time.
    await row(page, 'Gin Citadelle').getByLabel('Quantité de Gin Citadelle 70 cl').fill('3');
    await row(op, 'Gin Citadelle').getByLabel('Quantité de Gin Citadelle 70 cl').fill('2');
    await row(op, 'Rhum Diplomatico').getByLabel('Quantité de Rhum Diplomatico 70 cl').fill('5');
    // "Suivant" on the phone's keyboard: Marc moves on (a field being typed in is never overwritten).
    await op.keyboard.press('Enter');
    // Each has an opened bottle of gin on the go: two opened containers for the review to question.
    await row(page, 'Gin Citadelle').getByRole('checkbox', { name: 'Entamé' }).check();
    await row(op, 'Gin Citadelle').getByRole('checkbox', { name: 'Entamé' }).check();
    await page.getByText('Tout est enregistré').waitFor();
    await op.getByText('Tout est enregistré').waitFor();

    // 6. Each sees the other's line arrive (polled), with who counted it, and the product's total.
    const leaGin = row(page, 'Gin Citadelle');
    await leaGin.getByText(/^marc · \d{2}:\d{2}$/).waitFor();
    await leaGin.getByText('Total : 6 pcs').waitFor();
    expect(await leaGin.locator('.other-place').allTextContents()).toEqual(['Réserve']);
    const marcGin = row(op, 'Gin Citadelle');
    await marcGin.getByText(/^lea\.zinc · \d{2}:\d{2}$/).waitFor();
    await marcGin.getByText('Total : 6 pcs').waitFor();
    await snap(page, 'team-02-owner-sees-storeroom');
    await snap(op, 'team-03-operator-sees-bar');

    // 7. Léa recounts the rum in the storeroom: Marc's line is replaced, and he is told.
    await page.getByRole('radio', { name: /^Réserve/ }).click();
    await page.getByText('Dans l’ordre des étagères de « Réserve ».').waitFor();
    const leaRum = row(page, 'Rhum Diplomatico');
    await leaRum.getByText(/^marc · /).waitFor();
    await leaRum.getByLabel('Quantité de Rhum Diplomatico 70 cl').fill('6');
    await page.getByText('Tout est enregistré').waitFor();
    const marcRum = row(op, 'Rhum Diplomatico');
    await marcRum.getByText(/^modifié par lea\.zinc · \d{2}:\d{2}$/).waitFor();
    expect(await marcRum.getByLabel('Quantité de Rhum Diplomatico 70 cl').inputValue()).toBe('6');
    await snap(op, 'team-04-changed-by-owner');

    // 8. A spot check of the beer behind the bar: counted now, compared with what is expected.
    const beer = row(op, 'Bière Leffe');
    await beer.locator('.details-toggle').click();
    await beer.getByRole('button', { name: 'Contrôle ponctuel de Bière Leffe 33 cl' }).click();
    const dialog = op.getByRole('dialog', { name: 'Contrôle ponctuel : Bière Leffe 33 cl' });
    await dialog.getByLabel(/Quantité comptée maintenant/).fill('12');
    await dialog.getByRole('button', { name: 'Enregistrer le contrôle' }).click();
    await dialog.getByText('Pas de stock attendu : ce produit n’a jamais été compté.').waitFor();
    await snap(op, 'team-05-spot-check');
    await dialog.getByRole('link', { name: 'Contrôles du mois' }).click();
    await op.getByRole('heading', { name: 'Contrôles ponctuels' }).waitFor();
    await op.getByText('Bière Leffe 33 cl').waitFor();
    await snap(op, 'team-06-spot-checks');

    // 9. Closing time: Léa reviews the month — the two opened gins are questioned, she says it is right —
    // and closes it.
    await navigate(page, 'Clôture du mois');
    await page.getByText('2 contenants entamés').waitFor();
    await snap(page, 'team-07-review');
    await page.getByRole('button', { name: 'Gin Citadelle 70 cl : c’est correct' }).click();
    await page.getByText('« Gin Citadelle 70 cl » vérifié.').waitFor();
    await page.getByRole('button', { name: 'Clôturer le mois' }).click();
    await page.getByRole('button', { name: 'Oui, clôturer' }).click();
    await page.getByText(/Le mois de .+ est clôturé\./).waitFor();
    await snap(page, 'team-08-closed');

    // 10. Marc's next count is refused: the month is closed — the line stays on his phone and he is told.
    await op.getByRole('link', { name: 'Retour à l’inventaire' }).click();
    await row(op, 'Bière Leffe').getByLabel('Quantité de Bière Leffe 33 cl').fill('12');
    await row(op, 'Bière Leffe').getByText('mois clôturé').waitFor();
    await op.getByText(/^Mois clôturé : 1 comptage n’a pas été enregistré\./).waitFor();
    // The refusal refreshes the month's header: who closed it, when.
    await op.getByText(/Mois clôturé le .+ par lea\.zinc\./).waitFor();
    await snap(op, 'team-09-closed-for-staff');

    expect(owner.failedRequests).toEqual([]);
    expect(owner.consoleErrors).toEqual([]);
    // Only the refused count: 409 MONTH_CLOSED.
    expect(operator.failedRequests.length).toBeGreaterThan(0);
    for (const failed of operator.failedRequests)
      expect(failed).toBe('409 POST /trpc/inventory.counts.upsert');
    for (const error of operator.consoleErrors) expect(error).toMatch(/status of 409/);
    await operatorContext.close();
    await ownerContext.close();
  });
});
