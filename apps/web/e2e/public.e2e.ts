import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newContext, openWatchedPage, registerBusiness } from './journey-helpers';
import { hasChromium, openPage, type Stack, screenshots, startStack, VIEWPORTS } from './stack';

describe.skipIf(!hasChromium)('public pages in a real browser', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Not the default trial (PRO, 14 days): the pages must say what this server grants, not what the web assumes.
    stack = await startStack({
      env: {
        TRIAL_PLAN: 'BOUTIQUE',
        TRIAL_DAYS: '7',
        LEGAL_PUBLISHER_NAME: 'Comptoir Logiciel SAS',
        LEGAL_CONTACT_EMAIL: 'contact@comptoir.test',
      },
    });
  });
  afterAll(() => stack?.stop());

  it('landing and status render from the built app without console errors', async () => {
    const context = await stack.browser.newContext({ locale: 'fr-FR' });
    const { page, consoleErrors } = await openPage(context);
    const landing = await page.goto(stack.url);
    // The page runs under the server's CSP: a blocked script or style would be a console error below.
    expect(landing?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(landing?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshots(page, '00-landing');
    await page.goto(`${stack.url}/status`);
    await page.getByTestId('status').waitFor();
    expect(await page.getByTestId('status').textContent()).toMatch(/opérationnel/);
    await screenshots(page, '00-status');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('landing, pricing, onboarding and legal page say the trial the server grants (TRIAL_PLAN=BOUTIQUE TRIAL_DAYS=7)', async () => {
    const context = await stack.browser.newContext({ locale: 'fr-FR' });
    const { page, consoleErrors } = await openPage(context);
    await page.goto(stack.url);
    await page.getByText('L’offre Duo offerte pendant 7 jours, sans carte bancaire.').waitFor();
    expect(await page.getByText(/14 jours|offre Multi/).count()).toBe(0);

    await page.goto(`${stack.url}/pricing`);
    await page.getByText(/À l’inscription, l’offre Duo est offerte pendant 7 jours/).waitFor();

    await page.goto(`${stack.url}/register`);
    await page.getByRole('radio', { name: /Bar & boissons/ }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page
      .getByText(/Votre essai gratuit \(7 jours de l’offre Duo\) permet jusqu’à 2 services/)
      .waitFor();
    expect(await page.getByText('1 / 2 services').count()).toBe(1);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByText(/Essai gratuit de 7 jours de l’offre Duo, sans carte bancaire/).waitFor();

    await page.goto(`${stack.url}/legal`);
    await page.getByText(/l’offre Duo est offerte pendant 7 jours/).waitFor();
    await page.getByText('Comptoir Logiciel SAS').waitFor();
    expect(await page.getByRole('link', { name: 'contact@comptoir.test' }).getAttribute('href')).toBe(
      'mailto:contact@comptoir.test',
    );
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('the login page fetches the API client only when its form is used: offline, it says so; back online, it logs in', async () => {
    const who = {
      tenant: 'Chez Lucie',
      username: 'lucie.bar',
      email: 'lucie@chez-lucie.test',
      password: 'comptoir-2026',
    };
    const signUp = await newContext(stack);
    await registerBusiness((await openWatchedPage(signUp)).page, stack, who);
    await signUp.close();

    const context = await newContext(stack);
    const { page, consoleErrors, failedRequests } = await openWatchedPage(context);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const apiClient = (path: string) => /^\/assets\/(?:trpc|sign-in|api-providers)-[\w-]{8}\.js$/.test(path);
    await page.goto(`${stack.url}/login`);
    const submit = page.getByRole('button', { name: 'Se connecter' }).last();
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('form button[type="submit"]')?.disabled,
    );
    // Loaded and hydrated: the login page's own scripts (preloads are seen) and no API client (#21: 23 kB gzip
    // less before the form works).
    expect(scripts.filter((path) => /^\/assets\/LoginPage-/.test(path))).toHaveLength(1);
    expect(scripts.filter(apiClient)).toEqual([]);

    // The network drops before the form was touched: the code that logs in cannot come, and the page says so.
    await context.setOffline(true);
    await page.getByLabel('Identifiant ou e-mail').fill(who.username);
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon');
    await submit.click();
    await page
      .getByText('Pas de connexion au serveur. Vérifiez le Wi-Fi ou la 4G, puis réessayez.')
      .waitFor();
    expect(page.url()).toBe(`${stack.url}/login`);
    // Told in the language shown, also when it is switched afterwards (the switch is in the wide top bar).
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.getByLabel('Langue').selectOption('en');
    await page
      .getByText('Cannot reach the server. Check your Wi-Fi or mobile data, then try again.')
      .waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.setViewportSize(VIEWPORTS.phone);

    // Back online, "try again" fetches it and sends the form: a wrong password is told as such…
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByText(/Identifiant ou mot de passe incorrect/).waitFor();
    expect(scripts.filter(apiClient).length).toBeGreaterThan(0);
    expect(failedRequests).toEqual(['401 POST /trpc/auth.login']);

    // …and the right one opens the app.
    await page.getByLabel('Mot de passe', { exact: true }).fill(who.password);
    await submit.click();
    await page.waitForURL(`${stack.url}/app`);
    expect(await page.evaluate(() => localStorage.getItem('stockscan.session'))).not.toBeNull();
    expect(
      consoleErrors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e)),
    ).toEqual([]);
    await context.close();
  });

  it('an owner alone in the business deletes the account from the settings: typed name + password, then gone', async () => {
    const who = {
      tenant: 'Le Petit Comptoir',
      username: 'adieu',
      email: 'adieu@petit-comptoir.test',
      password: 'comptoir-2026',
    };
    const context = await newContext(stack);
    const { page, consoleErrors, failedRequests } = await openWatchedPage(context);
    await registerBusiness(page, stack, who);
    await page.goto(`${stack.url}/app/settings`);
    await page.getByRole('button', { name: 'Supprimer mon compte…' }).click();
    const submit = page.getByRole('button', { name: 'Supprimer définitivement' });
    // Nothing can be sent before the business's exact name and a password are typed.
    await page.getByLabel(`Pour confirmer, tapez « ${who.tenant} »`).fill('Le Petit');
    await page.getByLabel('Mot de passe').fill('pas-le-bon');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByLabel(`Pour confirmer, tapez « ${who.tenant} »`).fill(who.tenant);
    await submit.click();
    await page.getByText('Mot de passe incorrect.').waitFor();
    expect(page.url()).toBe(`${stack.url}/app/settings`);
    await screenshots(page, '00-delete-account');

    await page.getByLabel('Mot de passe').fill(who.password);
    await submit.click();
    await page.waitForURL(`${stack.url}/`);
    await page.getByText('Votre compte a été supprimé.').waitFor();
    // The session is gone from the browser, and the account from the server.
    expect(await page.evaluate(() => localStorage.getItem('stockscan.session'))).toBeNull();
    const login = await fetch(`${stack.url}/api/auth/login/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: who.username, password: who.password }),
    });
    expect(login.status).toBe(401);
    expect(consoleErrors.filter((e) => !e.includes('400'))).toEqual([]);
    expect(failedRequests).toEqual(['400 POST /trpc/auth.deleteAccount']);
    await context.close();
  });
});
