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

/** The page is controlled by the service worker (installed, precache done, clients claimed). */
export async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 60_000,
  });
}

/** The answers kept for offline use (IndexedDB) include the query `path` ("inventory.losses.list") and `text`. */
export async function answersKept(page: Page, path: string, text = ''): Promise<void> {
  const kept = () =>
    page.evaluate(
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
    );
  // Polled from here: a function returning a promise is not waited for by waitForFunction.
  for (let tries = 0; tries < 60; tries++) {
    if (await kept()) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`${path} (${text}) not kept for offline use`);
}
