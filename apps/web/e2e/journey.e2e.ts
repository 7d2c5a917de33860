import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeStripeCheckout } from './checkout';
import {
  downloadXlsx,
  invitationLinkSentTo,
  isOnTop,
  navigate,
  newContext,
  openWatchedPage,
  serviceIdByName,
  snap,
  verificationLinkSentTo,
} from './journey-helpers';
import { ARTIFACTS, hasChromium, type Stack, startStack } from './stack';
import { readWorkbook } from './xlsx';

const web = resolve(import.meta.dirname, '..');

/** Five bottles of a bar: name, category, purchase price, barcode, what is counted. */
const BOTTLES = [
  { name: 'Gin Citadelle 70 cl', category: 'Spiritueux', price: '28,50', code: '3760000000011', qty: '3' },
  { name: 'Rhum Diplomatico 70 cl', category: 'Spiritueux', price: '32', code: '3760000000028', qty: '2' },
  // The opened bottle: one sealed and one half left.
  {
    name: 'Vodka Grey Goose 70 cl',
    category: 'Spiritueux',
    price: '35',
    code: '3760000000035',
    qty: '1',
    opened: '½',
  },
  { name: 'Bière Leffe 33 cl', category: 'Bières', price: '1,20', code: '3760000000042', qty: '24' },
  { name: 'Sirop de grenadine 1 L', category: 'Sirops', price: '4,80', code: '3760000000059', qty: '4' },
] as const;
// 3 × 28.50 + 2 × 32 + 1.5 × 35 + 24 × 1.20 + 4 × 4.80
const STOCK_VALUE = /250,00\s€/;

/** A wholesaler's delivery note as its software writes it (Windows-1252: every character here is Latin-1). */
const DELIVERY_NOTE = [
  'BRASSERIES DU PORT - Bon de livraison BL-2291;;;;',
  'Désignation;EAN;Qté colis;Colisage;PU HT',
  'GIN CITADELLE 70CL;3760000000011;1;6;27,90',
  'Grenadine sirop 1L;;2;6;4,10',
  'Consigne fût 30 L;;1;;30,00',
].join('\r\n');

/** The till's monthly sales by product, as its back office exports them. */
const TILL_SALES = ['Article;Quantité vendue;CA TTC', 'Bière Leffe 33 cl;19;85,50'].join('\r\n');

const OWNER = { username: 'lea.zinc', email: 'lea@zinc-du-port.test', password: 'comptoir-2026' };
const MANAGER = { username: 'sam', email: 'sam@zinc-du-port.test', password: 'reserve-2026' };
const TENANT = 'Le Zinc du Port';
const BREWERY_EMAIL = 'commandes@brasseries-du-port.test';

describe.skipIf(!hasChromium)('the journey of a bar, in a real browser', () => {
  let stack: Stack;
  let webDist: string;
  let files: string;
  beforeAll(async () => {
    // The deployment with payments on: checkout buttons are a build-time switch (VITE_STRIPE_ENABLED).
    webDist = mkdtempSync(join(tmpdir(), 'stockscan-journey-web-'));
    files = mkdtempSync(join(tmpdir(), 'stockscan-journey-files-'));
    execFileSync(
      process.execPath,
      [join(web, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', webDist, '--emptyOutDir'],
      {
        cwd: web,
        env: { ...process.env, VITE_STRIPE_ENABLED: 'true', VITE_DEMO_MODE: 'false' },
        stdio: 'pipe',
      },
    );
    // A Duo trial: two services are allowed, and the upgrade to Multi has PRO features to show.
    stack = await startStack({ webDist, env: { TRIAL_PLAN: 'BOUTIQUE' } });
  });
  afterAll(async () => {
    await stack?.stop();
    for (const dir of [webDist, files]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Two months of a bar in one story: on a loaded machine it takes over the 3 minutes the other journeys get.
  it('register a bar with two services → count → loss → dashboard → export → invite → upgrade → transfer → consumption gap → order', {
    timeout: 420_000,
  }, async ({ onTestFailed }) => {
    const stripe = fakeStripeCheckout(stack);
    const owner = await newContext(stack);
    const { page, consoleErrors, failedRequests } = await openWatchedPage(owner);
    onTestFailed(async () => {
      // Where it stopped, for the CI artifacts; the server's warnings say why a request failed.
      await page.screenshot({ path: join(ARTIFACTS, 'journey-failed.png'), fullPage: true }).catch(() => {});
      console.error(
        `console errors: ${JSON.stringify(consoleErrors)}\nfailed requests: ${JSON.stringify(failedRequests)}\nserver:\n${stack.logs.join('')}`,
      );
    });

    // 1. Onboarding: the trade, two services, the account.
    await page.goto(`${stack.url}/register`);
    await page.getByRole('radio', { name: /Bar & boissons/ }).check();
    await snap(page, 'journey-01-trade');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('heading', { name: 'Où comptez-vous votre stock ?' }).waitFor();
    expect(await page.getByLabel('Nom du service').first().inputValue()).toBe('Bar');
    await page.getByRole('button', { name: /Ajouter un service/ }).click();
    await page.getByLabel('Nom du service').nth(1).fill('Cuisine');
    await page.getByLabel('Type de stock').nth(1).selectOption('kitchen');
    await snap(page, 'journey-02-services');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel(/Nom de l.établissement/).fill(TENANT);
    await page.getByLabel('Identifiant de connexion').fill(OWNER.username);
    await page.getByLabel('Adresse e-mail').fill(OWNER.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(OWNER.password);
    await page.getByLabel('Confirmez le mot de passe').fill(OWNER.password);
    await page.getByRole('checkbox', { name: /J.accepte les conditions/ }).check();
    await snap(page, 'journey-03-account');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(`${stack.url}/app`);
    await page.getByText('Bienvenue ! Votre essai gratuit a commencé.').waitFor();
    await page
      .getByText(/Essai Duo/)
      .first()
      .waitFor();
    await snap(page, 'journey-04-welcome');

    // 2. Count five bottles of the bar, each added on the spot from its scanned code (quick add).
    await navigate(page, 'Inventaire');
    await page.getByText('Aucun produit dans ce service pour l’instant.').waitFor();
    expect(await page.getByLabel('Service').inputValue()).toBe(await serviceIdByName(page, 'Bar'));
    for (const bottle of BOTTLES) {
      await page.getByRole('button', { name: 'Scanner un code-barres' }).last().click();
      const dialog = page.getByRole('dialog', { name: 'Scanner un produit' });
      await dialog.getByLabel('Code-barres ou référence').fill(bottle.code);
      await dialog.getByRole('button', { name: 'Chercher' }).click();
      await page.getByRole('button', { name: 'Ajouter ce produit' }).click();
      const form = page.getByRole('form', { name: 'Ajouter un produit' });
      await form.getByLabel('Nom du produit').fill(bottle.name);
      await form.getByLabel('Catégorie').fill(bottle.category);
      await form.getByLabel(/Prix d.achat/).fill(bottle.price);
      expect(await form.getByLabel('Code-barres').inputValue()).toBe(bottle.code);
      await form.getByRole('button', { name: 'Ajouter et compter' }).click();
      await page.getByText(`« ${bottle.name} » ajouté à Bar.`).waitFor();
      // The toast must not sit on the scan button (UX.md: always in reach).
      expect(await isOnTop(page.getByRole('button', { name: 'Scanner un code-barres' }).last())).toBe(true);
      const pinned = page.getByRole('region', { name: 'Produit scanné' });
      await pinned.getByLabel(`Quantité de ${bottle.name}`).fill(bottle.qty);
      if ('opened' in bottle) {
        await pinned.getByRole('checkbox', { name: 'Entamé' }).check();
        await pinned.getByRole('button', { name: bottle.opened }).click();
        await snap(page, 'journey-05-opened-bottle');
      }
      await pinned.getByText('enregistré').waitFor();
      // The list under the pinned row has it too (it used to keep saying "no product yet").
      await page.getByRole('listitem').filter({ hasText: bottle.name }).waitFor();
      await pinned.getByRole('button', { name: 'Retirer', exact: true }).click();
    }
    expect(await page.getByText('Aucun produit dans ce service pour l’instant.').count()).toBe(0);
    await page.reload();
    await page.getByText('5 / 5 comptés').waitFor();
    await page.getByText('Tout est enregistré').waitFor();
    await snap(page, 'journey-06-counted');

    // 3. Declare a loss: two beers broken.
    await navigate(page, 'Pertes');
    const lossForm = page.getByRole('form', { name: 'Déclarer une perte' });
    await lossForm.getByLabel('Chercher un produit').fill('Leffe');
    await lossForm.getByRole('button', { name: /Bière Leffe 33 cl/ }).click();
    await lossForm.getByLabel('Quantité perdue').fill('2');
    await lossForm.getByRole('radio', { name: 'Casse' }).check();
    await lossForm.getByLabel('Note (facultatif)').fill('Casier tombé en réserve');
    await lossForm.getByRole('button', { name: 'Enregistrer la perte' }).click();
    await page.getByText(/Total du mois\s:\s2,40\s€/).waitFor();
    await snap(page, 'journey-07-loss');

    // 3b. A delivery of beers on the phone, then the month's consumption: last month was never counted, so
    // no usage is made up (“comptage manquant”), but what came in is there.
    await navigate(page, 'Livraisons');
    const delivery = page.getByRole('form', { name: 'Nouvelle livraison' });
    await delivery.getByLabel('N° de bon de livraison ou de facture').fill('BL-2048');
    await delivery.getByLabel('Ajouter un produit').fill('Leffe');
    await delivery.getByRole('button', { name: /Bière Leffe 33 cl/ }).click();
    await delivery.getByLabel('Unités').fill('24');
    await delivery.getByLabel('Coût unitaire').fill('1,10');
    await delivery.getByRole('button', { name: 'Enregistrer la livraison' }).click();
    await page.getByText(/Livraison enregistrée : 1 ligne\(s\), 26,40\s€\./).waitFor();
    await page.getByText(/Total du mois : 26,40\s€/).waitFor();
    await snap(page, 'journey-07b-delivery');
    await navigate(page, 'Consommation');
    await page.getByText('Le mois précédent n’a pas été compté : pas de consommation calculable.').waitFor();
    const leffe = page.getByRole('row', { name: /Bière Leffe 33 cl/ });
    await leffe.getByText('comptage manquant').waitFor();
    expect(await leffe.textContent()).toContain('24');
    await snap(page, 'journey-07c-consumption');

    // 3c. Import the wholesaler's delivery note (Windows-1252, `;`, decimal commas, a title line above the
    // header): the gin is found by its barcode, the syrup is linked by hand, the deposit line is skipped.
    await navigate(page, 'Livraisons');
    await page.getByRole('link', { name: 'Importer une livraison' }).click();
    await page.getByLabel('Fichier (CSV ou Excel .xlsx)').setInputFiles({
      name: 'BL-2291.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(DELIVERY_NOTE, 'latin1'),
    });
    await page.getByText('En-tête trouvé ligne 2.', { exact: false }).waitFor();
    expect(
      await page.getByLabel('Quantité', { exact: true }).locator('option:checked').textContent(),
    ).toMatch(/^Qté colis/);
    await page.getByText('3 lignes : 1 reconnues, 2 à lier ou créer, 0 illisibles.').waitFor();
    await page.getByRole('row', { name: /Gin Citadelle 70 cl \(par code-barres\)/ }).waitFor();
    await page.getByLabel('Que faire de la ligne 4 ?').selectOption('link');
    await page.getByLabel('Chercher le produit (4)').fill('grenadine');
    await page.getByLabel('Produit à lier (4)').selectOption({ label: 'Sirop de grenadine 1 L' });
    await page.getByLabel('Que faire de la ligne 5 ?').selectOption('skip');
    await snap(page, 'journey-07b-import-preview');
    await page.getByRole('button', { name: 'Importer 2 lignes' }).click();
    await page.getByText('Livraison enregistrée : 2 lignes, 0 produits créés.').first().waitFor();

    // 4. The dashboard: the stock value and its charts; last month was never counted, so no "rise from 0".
    await navigate(page, 'Tableau de bord');
    await page.getByText(STOCK_VALUE).first().waitFor();
    await page.getByText(/Pas d’inventaire en .+ : rien à comparer\./).waitFor();
    expect(await page.getByRole('img', { name: /^Valeur du stock\s:/ }).count()).toBe(0);
    const byCategory = page.getByRole('region', { name: 'Valeur par catégorie' });
    await byCategory.getByText(/202,00\s€/).waitFor();
    expect(await byCategory.textContent()).toMatch(/Spiritueux.*Bières.*Sirops/);
    await page
      .getByRole('region', { name: 'Pertes par motif' })
      .getByText(/2,40\s€/)
      .waitFor();
    // Duo: one service at a time, and DLC alerts are a Multi feature.
    await page.getByText('Les alertes de DLC sont dans l’offre Multi.').waitFor();
    expect(await page.getByRole('option', { name: 'Tous les services' }).count()).toBe(0);
    await snap(page, 'journey-08-dashboard');

    // 5. Export the month as XLSX: the file is downloaded, and its rows are the counts.
    await navigate(page, 'Exports');
    const firstExport = await downloadXlsx(page, files, 'duo.xlsx');
    expect(firstExport.name).toMatch(/^inventaire_\d{4}-\d{2}_.+\.xlsx$/);
    const duo = await readWorkbook(firstExport.path);
    expect(duo.sheetNames).not.toContain('Synthèse');
    const rows = duo.rowsOf('Inventaire');
    expect(rows.find((r) => r.Nom === 'Vodka Grey Goose 70 cl')).toMatchObject({
      Catégorie: 'Spiritueux',
      'Code-barres / SKU': '3760000000035',
      Quantité: 1,
      Statut: 'Ouvert',
      Reste: 0.5,
      'Prix achat (€)': 35,
      'Valeur achat (€)': 52.5,
      Service: 'Bar',
    });
    expect(rows.filter((r) => BOTTLES.some((b) => b.name === r.Nom))).toHaveLength(BOTTLES.length);
    // Duo has the consumption sheet: the beers delivered, their usage left blank for want of last month's count.
    expect(
      duo.rowsOf('Consommation', 'Service').find((r) => r.Produit === 'Bière Leffe 33 cl'),
    ).toMatchObject({
      Service: 'Bar',
      Entrées: 24,
      'Stock fin': 24,
      Pertes: 2,
      Statut: 'comptage manquant',
    });
    await snap(page, 'journey-09-export');

    // 6. Invite a manager: the mail with the link leaves through (fake) SendGrid.
    await navigate(page, 'Équipe');
    const inviteForm = page.getByRole('form', { name: 'Inviter quelqu’un' });
    await inviteForm.getByLabel('Adresse e-mail').fill(MANAGER.email);
    await inviteForm.getByRole('radio', { name: /^Responsable/ }).check();
    await inviteForm.getByRole('button', { name: /Envoyer l.invitation/ }).click();
    await page.getByText(`Invitation envoyée par e-mail à ${MANAGER.email}.`).waitFor();
    await snap(page, 'journey-10-invited');
    const link = invitationLinkSentTo(stack, MANAGER.email);
    expect(link.startsWith(`${stack.url}/invitation/accept?token=`)).toBe(true);

    // 7. The manager accepts in another browser (a new user).
    const manager = await newContext(stack);
    const invitee = await openWatchedPage(manager);
    await invitee.page.goto(link);
    await invitee.page.getByRole('heading', { name: `Rejoindre ${TENANT}` }).waitFor();
    await snap(invitee.page, 'journey-11-invitation');
    await invitee.page.getByLabel('Identifiant', { exact: true }).fill(MANAGER.username);
    await invitee.page.getByLabel('Mot de passe', { exact: true }).fill(MANAGER.password);
    await invitee.page.getByLabel('Confirmez le mot de passe').fill(MANAGER.password);
    await invitee.page.getByRole('button', { name: /Accepter et ouvrir l.inventaire/ }).click();
    await invitee.page.waitForURL(`${stack.url}/app`);
    await invitee.page.getByText(`Bienvenue dans l’équipe de ${TENANT} !`).waitFor();
    await navigate(invitee.page, 'Inventaire');
    await invitee.page.getByText('5 / 5 comptés').waitFor();
    expect(await invitee.page.getByRole('link', { name: 'Équipe', exact: true }).count()).toBe(0);
    // A manager cannot pay: the trial banner says who decides instead of a button to a refusal.
    await invitee.page.getByText('Le propriétaire de l’établissement choisit l’offre.').waitFor();
    expect(await invitee.page.getByRole('link', { name: 'Choisir mon offre' }).count()).toBe(0);
    await snap(invitee.page, 'journey-12-manager');
    await page.reload();
    await page.getByText(MANAGER.username).first().waitFor();

    // 8. Upgrade to Multi through Stripe Checkout; the signed webhooks and the return page settle it.
    await page.getByRole('link', { name: 'Choisir mon offre' }).click();
    await page
      .getByRole('heading', { name: /Abonnement|Offre/ })
      .first()
      .waitFor();
    await snap(page, 'journey-13-billing');
    const paid = stripe.payOn(page);
    await page.getByRole('button', { name: 'Choisir Multi' }).click();
    const checkout = await paid;
    expect(checkout.price).toBe('price_pro_monthly');
    // The trial days left are kept: Stripe bills when the Duo trial would have ended.
    expect((checkout.trialEnd?.getTime() ?? 0) - Date.now()).toBeGreaterThan(13 * 24 * 3600_000);
    expect(checkout.webhooks).toEqual([{ received: true }, { received: true }]);
    await page.waitForURL(`${stack.url}/billing/success?session_id=${checkout.sessionId}`);
    await page.getByText('Vous êtes maintenant sur l’offre Multi.').waitFor();
    await page.getByText(/Votre essai continue jusqu’au/).waitFor();
    await snap(page, 'journey-14-upgraded');

    // 9. PRO features appear: the export by email, the Synthèse sheet; the trial banner is gone.
    await page.getByRole('link', { name: 'Ouvrir l’inventaire' }).click();
    await page.getByText(STOCK_VALUE).first().waitFor();
    await page.getByText('Aucune date limite dans les 90 jours.').waitFor();
    await page.getByLabel('Service').selectOption({ label: 'Tous les services' });
    await page.getByText(STOCK_VALUE).first().waitFor();
    expect(await page.getByText(/Essai Duo/).count()).toBe(0);
    await snap(page, 'journey-15-pro-dashboard');
    await navigate(page, 'Exports');
    // Mailing a file out needs a confirmed address: the owner opens the link every sign-up gets.
    await page.getByText(/confirmez d’abord votre adresse/).waitFor();
    await page.goto(verificationLinkSentTo(stack, OWNER.email));
    await page.getByText('Adresse e-mail confirmée. Merci !').waitFor();
    await page.goto(`${stack.url}/app/exports`);
    await page.getByLabel(/^Destinataires/).waitFor();
    await page.getByText(/feuille «\sSynthèse\s»/).waitFor();
    const proExport = await downloadXlsx(page, files, 'multi.xlsx');
    expect((await readWorkbook(proExport.path)).sheetNames).toContain('Synthèse');
    // …and it goes straight to the accountant: the fake SendGrid gets the workbook attached.
    const accountant = 'compta@cabinet-martin.test';
    await page.getByLabel(/^Destinataires/).fill(accountant);
    await page.getByRole('button', { name: 'Envoyer le fichier' }).click();
    await page.getByText(`Envoyé à ${accountant}`).waitFor();
    const sent = stack.fakes.sendgrid.requests.filter((r) => r.body.includes(accountant));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.json).toMatchObject({
      attachments: [expect.objectContaining({ filename: expect.stringMatching(/\.xlsx$/) })],
    });
    await snap(page, 'journey-16-pro-exports');

    // 10. Six beers go down to the kitchen. The kitchen has no such product yet: the form says it will be
    // created there, and the bar's list shows the transfer going out.
    await navigate(page, 'Transferts');
    // Every screen has a service picker: wait for this one's heading before using it (lazy routes).
    await page.getByRole('heading', { name: 'Transferts', level: 1 }).waitFor();
    await page.getByLabel('Service').selectOption({ label: 'Bar' });
    const transfer = page.getByRole('form', { name: 'Nouveau transfert' });
    expect(await transfer.getByLabel('Depuis').locator('option:checked').textContent()).toBe('Bar');
    expect(await transfer.getByLabel('Vers').locator('option:checked').textContent()).toBe('Cuisine');
    await transfer.getByLabel('Ajouter un produit').fill('Leffe');
    await transfer.getByRole('button', { name: /Bière Leffe 33 cl/ }).click();
    await transfer.getByLabel('Quantité').fill('6');
    await transfer.getByText('Sera créé dans Cuisine').waitFor();
    await transfer.getByText(/Coût estimé : 7,20\s€/).waitFor();
    await snap(page, 'journey-17-transfer');
    await transfer.getByRole('button', { name: 'Enregistrer le transfert' }).click();
    await page.getByText(/Transfert enregistré : 1 ligne\(s\), 7,20\s€\./).waitFor();
    const moved = page.getByRole('listitem').filter({ hasText: 'Bar → Cuisine' });
    await moved.getByText('Sortie').waitFor();
    expect(await moved.textContent()).toContain('Bière Leffe 33 cl × 6');

    // 11. Last month's closing stock, entered after the fact (the app came mid-month): 30 beers. This month is
    // now the next month of a counted one, so its consumption can be computed.
    await navigate(page, 'Inventaire');
    await page.getByText('5 / 5 comptés').waitFor();
    await page.getByRole('button', { name: 'Mois précédent' }).click();
    await page.getByText('0 / 5 comptés').waitFor();
    await page.getByLabel('Quantité de Bière Leffe 33 cl').fill('30');
    await page.getByText('1 / 5 comptés').waitFor();
    await page.getByText('Tout est enregistré').waitFor();
    await page.reload();
    await page.getByText('1 / 5 comptés').waitFor();
    expect(await page.getByLabel('Quantité de Bière Leffe 33 cl').inputValue()).toBe('30');

    // 12. The till's sales of the month (Multi): 19 beers sold, matched by name.
    await navigate(page, 'Consommation');
    await page.getByRole('heading', { name: 'Consommation', level: 1 }).waitFor();
    await page.getByLabel('Service').selectOption({ label: 'Bar' });
    await page.getByRole('link', { name: 'Importer les ventes de la caisse' }).click();
    await page.getByLabel('Fichier (CSV ou Excel .xlsx)').setInputFiles({
      name: 'ventes-caisse.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(TILL_SALES, 'latin1'),
    });
    await page.getByText('1 lignes : 1 reconnues, 0 à lier ou créer, 0 illisibles.').waitFor();
    await page.getByRole('button', { name: 'Importer 1 lignes' }).click();
    await page.getByText('Ventes enregistrées : 1 lignes, 0 produits créés.').first().waitFor();

    // 13. The consumption: 30 at the start + 24 delivered − 6 sent to the kitchen − 24 counted now = 24 used;
    // 2 broken and 19 sold leave 3 beers nobody can explain, 3,60 € at 1,20 €.
    await navigate(page, 'Consommation');
    await page.getByRole('heading', { name: 'Consommation', level: 1 }).waitFor();
    await page.getByLabel('Service').selectOption({ label: 'Bar' });
    const beers = page.getByRole('row', { name: /Bière Leffe 33 cl/ });
    await beers.getByText(/3,60\s€/).waitFor();
    const cells = await beers.getByRole('cell').allTextContents();
    expect(cells.slice(0, 6)).toEqual(['30', '18', '24', '24', '2', '19']);
    expect(cells[6]).toMatch(/^3\s+3,60\s€$/);
    expect(await beers.getByText('comptage manquant').count()).toBe(0);
    await page
      .locator('.figure')
      .filter({ hasText: 'Écart inexpliqué' })
      .getByText(/^3,60\s€$/)
      .waitFor();
    expect(await page.getByText('Le mois précédent n’a pas été compté', { exact: false }).count()).toBe(0);
    // 24 × 1,20 € used for 85,50 € sold.
    await page.getByText('Coût matière : 33,68 % du chiffre d’affaires').waitFor();
    await snap(page, 'journey-18-unexplained');

    // 14. The export's "Consommation" sheet says the same.
    await navigate(page, 'Exports');
    const withGap = await readWorkbook((await downloadXlsx(page, files, 'multi-gap.xlsx')).path);
    const beerRow = withGap
      .rowsOf('Consommation', 'Service')
      .find((r) => r.Service === 'Bar' && r.Produit === 'Bière Leffe 33 cl');
    expect(beerRow).toMatchObject({
      'Stock début': 30,
      Entrées: 18,
      'Stock fin': 24,
      Consommation: 24,
      Pertes: 2,
      Ventes: 19,
      'Écart inexpliqué': 3,
      'Écart (€)': 3.6,
    });
    expect(beerRow?.Statut ?? null).toBeNull();

    // 15. From count to order. The brewery becomes a supplier with an address; the beer is bought from it in
    // cases of 24 and should be back at 48 after each delivery; the rum's par level is typed in the list.
    await navigate(page, 'Réglages');
    await page.getByRole('button', { name: 'Ajouter un fournisseur' }).click();
    // The supplier form has no name of its own; its class is what tells it from the settings' other forms.
    const supplierForm = page.locator('form.supplier-form');
    await supplierForm.getByLabel('Nom', { exact: true }).fill('Brasseries du Port');
    await supplierForm.getByLabel('E-mail', { exact: true }).fill(BREWERY_EMAIL);
    await supplierForm.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Fournisseur enregistré.').first().waitFor();
    await navigate(page, 'Produits');
    await page.getByRole('heading', { name: 'Produits', level: 1 }).waitFor();
    await page.getByLabel('Service').selectOption({ label: 'Bar' });
    await page.getByRole('link', { name: 'Modifier Bière Leffe 33 cl' }).click();
    await page.getByLabel('Fournisseur').selectOption({ label: 'Brasseries du Port' });
    await page.getByLabel('Quantité par colis').fill('24');
    await page.getByLabel('Stock cible').fill('48');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Produit enregistré.').first().waitFor();
    await navigate(page, 'Produits');
    await page.getByRole('button', { name: 'Saisir les stocks cibles' }).click();
    await page.getByLabel('Stock cible de Rhum Diplomatico 70 cl').fill('4');
    await page.getByLabel('Stock cible de Rhum Diplomatico 70 cl').press('Enter');
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Rhum Diplomatico' })
      .getByText('✓ enregistré')
      .waitFor();
    await snap(page, 'journey-19-par-levels');

    // The suggestion: the beer's expected stock is this month's count (24) + what came in after it (24 delivered
    // − 6 sent to the kitchen) − the 2 broken = 40, so 8 short of 48: one case. The rum (2 counted, par 4) has
    // no supplier: 2 bottles on their own card.
    await navigate(page, 'Commandes');
    await page.getByRole('heading', { name: 'Commandes', level: 1 }).waitFor();
    await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Bar' });
    const brewery = page.getByRole('form', { name: 'Brasseries du Port' });
    await brewery.getByText('attendu 40 · cible 48').waitFor();
    expect(await brewery.getByLabel(/Colis de 24/).inputValue()).toBe('1');
    await brewery.getByText(/Total estimé : 28,80\s€/).waitFor();
    const noSupplier = page.getByRole('form', { name: 'Sans fournisseur' });
    expect(await noSupplier.getByLabel(/Rhum Diplomatico 70 cl/).inputValue()).toBe('2');
    // Two cases this time (a terrace weekend ahead): the draft takes what was typed.
    await brewery.getByLabel(/Colis de 24/).fill('2');
    await brewery.getByText(/Total estimé : 57,60\s€/).waitFor();
    await snap(page, 'journey-20-suggestion');
    await brewery.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByText('Brouillon n° 1 enregistré pour Brasseries du Port.').waitFor();
    // The draft opens below, still editable until it is sent.
    const draft = page.getByRole('form', { name: 'Commande n° 1' });
    expect(await draft.getByLabel(/Colis de 24/).inputValue()).toBe('2');

    // Sent to the brewery by (fake) SendGrid: a plain French message, the order as XLSX and CSV.
    await page.getByRole('button', { name: `Envoyer à ${BREWERY_EMAIL}` }).click();
    await page.getByText(`Commande n° 1 envoyée à ${BREWERY_EMAIL}.`).waitFor();
    const orderMails = stack.fakes.sendgrid.requests.filter((r) => r.body.includes(BREWERY_EMAIL));
    expect(orderMails).toHaveLength(1);
    const orderMail = orderMails[0]?.json as {
      subject: string;
      content: { value: string }[];
      attachments: { filename: string; content: string }[];
    };
    expect(orderMail.subject).toBe(`Commande n° 1 — ${TENANT}`);
    expect(orderMail.content[0]?.value).toContain(
      '- Bière Leffe 33 cl : 48 (2 colis de 24) — réf. 3760000000042',
    );
    expect(orderMail.attachments.map((a) => a.filename)).toEqual([
      'commande-1_brasseries-du-port.xlsx',
      'commande-1_brasseries-du-port.csv',
    ]);
    const attached = join(files, 'commande-1.xlsx');
    writeFileSync(attached, Buffer.from(orderMail.attachments[0]?.content ?? '', 'base64'));
    expect((await readWorkbook(attached)).rowsOf('Commande', 'Produit')[0]).toMatchObject({
      Produit: 'Bière Leffe 33 cl',
      Quantité: 48,
      Colis: 2,
    });
    await page.getByText(new RegExp(`Envoyée à ${BREWERY_EMAIL}`)).waitFor();
    await snap(page, 'journey-21-order-sent');
    // On its way: the beer is no longer suggested (not ordered twice), and the suggestion says why.
    await page
      .getByText('1 produit(s) sous la cible déjà en commande (commandes envoyées, pas encore reçues).')
      .waitFor();
    expect(await page.getByRole('form', { name: 'Brasseries du Port' }).count()).toBe(0);

    // One case of the two arrives: the sent order prefills its delivery, corrected; the rest stays on order.
    const receiving = page.getByRole('form', { name: 'Réception' });
    expect(await receiving.getByLabel(/Bière Leffe 33 cl/).inputValue()).toBe('48');
    await receiving.getByLabel(/Bière Leffe 33 cl/).fill('24');
    await receiving
      .getByRole('checkbox', { name: 'Le reste viendra plus tard : le garder en commande' })
      .check();
    await snap(page, 'journey-22-partial-delivery');
    await receiving.getByRole('button', { name: 'Réceptionner la livraison' }).click();
    await page
      .getByText(
        /Livraison enregistrée : 1 ligne\(s\), 28,80\s€\. Le reste est toujours en commande : commande n° 2\./,
      )
      .waitFor();
    await page.getByText(/Réceptionnée le/).waitFor();
    // The other case is on its way (order n° 2, already with the brewery): still not suggested.
    expect(await page.getByRole('form', { name: 'Brasseries du Port' }).count()).toBe(0);

    // It comes: the backorder, told apart in the list and opened from it, prefills it; one tap receives it.
    await page.getByText('· reliquat de la n° 1').waitFor();
    await page.getByRole('button', { name: 'Ouvrir — Commande n° 2' }).click();
    await page.getByText(/^Reliquat de la commande n° 1 : ce qui n’était pas arrivé/).waitFor();
    const rest = page.getByRole('form', { name: 'Réception' });
    expect(await rest.getByLabel(/Bière Leffe 33 cl/).inputValue()).toBe('24');
    await rest.getByRole('button', { name: 'Réceptionner la livraison' }).click();
    await page.getByText(/Réceptionnée le/).waitFor();
    await snap(page, 'journey-22-order-received');
    // Back at par: the beer is no longer suggested.
    await page.getByRole('form', { name: 'Sans fournisseur' }).waitFor();
    expect(await page.getByRole('form', { name: 'Brasseries du Port' }).count()).toBe(0);

    // The consumption moves with it: 24 + 48 delivered − 6 to the kitchen = 66 in, 30 + 66 − 24 = 72 used.
    await navigate(page, 'Consommation');
    await page.getByRole('heading', { name: 'Consommation', level: 1 }).waitFor();
    await page.getByLabel('Service').selectOption({ label: 'Bar' });
    const beersAfter = page.getByRole('row', { name: /Bière Leffe 33 cl/ });
    await beersAfter.getByRole('cell', { name: '66', exact: true }).waitFor();
    expect((await beersAfter.getByRole('cell').allTextContents()).slice(0, 4)).toEqual([
      '30',
      '66',
      '24',
      '72',
    ]);
    await page.getByText(/Coût des marchandises consommées/).waitFor();
    await snap(page, 'journey-23-consumption-after-order');

    // The team's activity tells it.
    await navigate(page, 'Équipe');
    await page.getByText(`a envoyé la commande n° 1 à Brasseries du Port (${BREWERY_EMAIL})`).waitFor();
    await page.getByText('a réceptionné la commande n° 1 (Brasseries du Port)').waitFor();

    expect(failedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(invitee.failedRequests).toEqual([]);
    expect(invitee.consoleErrors).toEqual([]);
    await manager.close();
    await owner.close();
  });
});
