import pg from 'pg';
import type { Page } from 'playwright-core';
import type { Stack } from './stack';

/** A tRPC call from the signed-in page (setting up what a journey is not about, or checking the server). */
export function trpc<T = unknown>(page: Page, path: string, input: unknown, method: 'GET' | 'POST' = 'POST') {
  return page.evaluate(
    async ([path, input, method]) => {
      const session = JSON.parse(localStorage.getItem('stockscan.session') ?? '{}') as { access?: string };
      const url =
        method === 'GET'
          ? `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
          : `/trpc/${path}`;
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.access}` },
        ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { result: { data: unknown } }).result.data;
    },
    [path, input, method] as const,
  ) as Promise<T>;
}

/**
 * Rows of the stack's database, when it runs on PostgreSQL (DATABASE_URL, as CI does); null on PGlite (its
 * directory belongs to the server process), where the tests check through the API only.
 */
export async function sqlRows<T>(stack: Stack, text: string, values: unknown[] = []): Promise<T[] | null> {
  const url = stack.env.DATABASE_URL;
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function registerBar(
  page: Page,
  stack: Stack,
  owner: { username: string; email: string; password: string },
  tenant: string,
) {
  await page.goto(`${stack.url}/register`);
  await page.getByRole('radio', { name: /Bar & boissons/ }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('heading', { name: 'Où comptez-vous votre stock ?' }).waitFor();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel(/Nom de l.établissement/).fill(tenant);
  await page.getByLabel('Identifiant de connexion').fill(owner.username);
  await page.getByLabel('Adresse e-mail').fill(owner.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(owner.password);
  await page.getByLabel('Confirmez le mot de passe').fill(owner.password);
  await page.getByRole('checkbox', { name: /J.accepte les conditions/ }).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL(`${stack.url}/app`);
}

/** The page is controlled by the service worker (installed, precache done, clients claimed). */
export async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 60_000,
  });
}

/** The answers kept for offline use (IndexedDB) include the query `path` ("inventory.losses.list") and `text`. */
export async function answersKept(page: Page, path: string, text = ''): Promise<void> {
  await page.waitForFunction(
    ([path, text]) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('stockscan-offline', 1);
        open.onerror = () => resolve(false);
        open.onupgradeneeded = () => open.result.createObjectStore('queries');
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('queries', 'readonly').objectStore('queries').getAll();
          all.onsuccess = () => {
            db.close();
            const records = all.result as { state: { queries: { queryKey: unknown[] }[] } }[];
            resolve(
              records.some((r) =>
                r.state.queries.some(
                  (q) =>
                    JSON.stringify(q.queryKey[0]) === JSON.stringify(path.split('.')) &&
                    JSON.stringify(q).includes(text),
                ),
              ),
            );
          };
          all.onerror = () => {
            db.close();
            resolve(false);
          };
        };
      }),
    [path, text] as const,
    { timeout: 15_000, polling: 500 },
  );
}
