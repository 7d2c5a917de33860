import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openPage, type Stack, screenshots, VIEWPORTS } from './stack';

/** Steps of the journey test that read as what a person does (journey.e2e.ts tells the story). */

/** openPage, plus every answer of our server with a 4xx/5xx status (the console only says "Failed to load"). */
export async function openWatchedPage(context: BrowserContext) {
  const opened = await openPage(context);
  const failedRequests: string[] = [];
  opened.page.on('response', (response) => {
    if (response.status() >= 400) {
      const url = new URL(response.url());
      failedRequests.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
    }
  });
  return { ...opened, failedRequests };
}

export function newContext(stack: Stack): Promise<BrowserContext> {
  return stack.browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: VIEWPORTS.phone,
    acceptDownloads: true,
  });
}

/** Signs a bar up through the onboarding pages (default services), landing on /app. */
export async function registerBusiness(
  page: Page,
  stack: Stack,
  who: { tenant: string; username: string; email: string; password: string },
): Promise<void> {
  await page.goto(`${stack.url}/register`);
  await page.getByRole('radio', { name: /Bar & boissons/ }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('heading', { name: 'Où comptez-vous votre stock ?' }).waitFor();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel(/Nom de l.établissement/).fill(who.tenant);
  await page.getByLabel('Identifiant de connexion').fill(who.username);
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(who.password);
  await page.getByLabel('Confirmez le mot de passe').fill(who.password);
  await page.getByRole('checkbox', { name: /J.accepte les conditions/ }).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL(`${stack.url}/app`);
}

/** Screenshots at 375 and 1280 px, then back to the phone: the journey is played the way most people use it. */
export async function snap(page: Page, step: string): Promise<void> {
  // From the top: a full-page capture of a scrolled page draws the sticky header in the middle.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshots(page, step);
  await page.setViewportSize(VIEWPORTS.phone);
}

/** The app's navigation on a phone: the tab bar, or the menu for the entries that are not in it. */
export async function navigate(page: Page, entry: string): Promise<void> {
  const link = page.getByRole('link', { name: entry, exact: true });
  if (!(await link.first().isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  await link.first().click();
}

/** Whether a tap at the element's centre reaches it (nothing fixed, such as a toast, is drawn over it). */
export function isOnTop(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
  });
}

export async function serviceIdByName(page: Page, name: string): Promise<string> {
  const value = await page.getByLabel('Service').locator('option', { hasText: name }).getAttribute('value');
  if (!value) throw new Error(`no service ${name}`);
  return value;
}

export async function downloadXlsx(
  page: Page,
  dir: string,
  as: string,
): Promise<{ name: string; path: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le fichier Excel' }).click(),
  ]);
  const path = join(dir, as);
  await download.saveAs(path);
  await page.getByText(/est téléchargé\./).waitFor();
  return { name: download.suggestedFilename(), path };
}

/** The one link to `path` (e.g. /invitation/accept) in the mails the fake SendGrid received for this address. */
function linkSentTo(stack: Stack, email: string, path: string): string {
  const pattern = new RegExp(`https?://[^\\s"<>\\\\]+${path.replaceAll('/', '\\/')}\\?token=[^\\s"<>\\\\&]+`);
  const links = stack.fakes.sendgrid.requests
    .filter((r) => r.method === 'POST' && r.path === '/v3/mail/send' && r.body.includes(email))
    .flatMap((r) => r.body.match(pattern) ?? []);
  if (links.length !== 1) throw new Error(`${links.length} ${path} links mailed to ${email}, expected 1`);
  return links[0] as string;
}

/** The invitation link in the mail the fake SendGrid received for this address. */
export function invitationLinkSentTo(stack: Stack, email: string): string {
  return linkSentTo(stack, email, '/invitation/accept');
}

/** The email confirmation link every sign-up gets. */
export function verificationLinkSentTo(stack: Stack, email: string): string {
  return linkSentTo(stack, email, '/verify-email');
}
