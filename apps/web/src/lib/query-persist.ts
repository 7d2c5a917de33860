import {
  type DehydratedState,
  dehydrate,
  hydrate,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';

/**
 * The signed-in app's answers (catalogue, the month's counts, services, the person's role…) kept in IndexedDB
 * per person and tenant, so a reload in a cellar with no signal shows the count screen as last seen. Written a
 * moment after each answer; read back before the app's first render. Not kept: what only makes sense live.
 */

const DB_NAME = 'stockscan-offline';
const STORE = 'queries';
/** Answers older than this are not shown offline (a month's counts from last week are still that month's). */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const WRITE_DELAY_MS = 300;

/** Live or one-off answers: the poll of other people's counts, a scan lookup, the assistant, downloads. */
const NOT_KEPT = [
  'inventory.counts.changes',
  'inventory.lookup',
  'inventory.products.suggest',
  'assistant',
  'exports',
  'members.previewInvitation',
];

/** The tRPC path of a query key (`[['inventory','counts','screen'], {...}]` → "inventory.counts.screen"). */
export function queryPath(key: readonly unknown[]): string {
  const head = key[0];
  return Array.isArray(head) ? head.join('.') : String(head);
}

export function isKept(query: Pick<Query, 'queryKey' | 'state'>): boolean {
  if (query.state.status !== 'success') return false;
  const path = queryPath(query.queryKey);
  return !NOT_KEPT.some((prefix) => path === prefix || path.startsWith(`${prefix}.`));
}

/**
 * A copy IndexedDB can store: arrays, plain objects and primitives (`undefined` kept: an infinite query's first
 * page param is one — JSON would make it a null cursor the API refuses); anything else — an error carrying its
 * HTTP response, a promise — is left out (one such value made the whole write fail).
 */
export function plainData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (Array.isArray(value)) return value.map(plainData);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = plainData(item);
  return copy;
}

interface Stored {
  saved_at: number;
  state: DehydratedState;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** The owner's stored answers put back in the cache (nothing when absent, too old or unreadable). */
export async function restoreQueries(client: QueryClient, owner: string, now = Date.now()): Promise<boolean> {
  try {
    const stored = (await withStore('readonly', (s) => s.get(owner))) as Stored | undefined;
    if (!stored || now - stored.saved_at > MAX_AGE_MS) return false;
    hydrate(client, stored.state);
    // Kept answers paint at once but are old: each is asked again when shown, as soon as the network allows
    // (an upgrade paid meanwhile must not stay hidden behind the plan kept from the last visit).
    const restored = new Set(stored.state.queries.map((q) => q.queryHash));
    await client.invalidateQueries({ predicate: (q) => restored.has(q.queryHash), refetchType: 'none' });
    return true;
  } catch {
    return false;
  }
}

/** Keeps the owner's answers stored as they arrive; returns the function that stops it. */
export function persistQueries(client: QueryClient, owner: string): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const state = plainData(dehydrate(client, { shouldDehydrateQuery: isKept })) as DehydratedState;
    void withStore('readwrite', (s) => s.put({ saved_at: Date.now(), state } satisfies Stored, owner)).catch(
      (error: unknown) => console.warn('offline answers not kept', error),
    );
  };
  const flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    write();
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (timer === null) timer = setTimeout(write, WRITE_DELAY_MS);
  });
  // Leaving or hiding the page (a reload, the phone locked): what arrived last is written now.
  const onHide = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', flush);
    flush();
  };
}

/** Signing out forgets the person's answers on this phone (a shared phone shows nobody else's stock). */
export async function forgetQueries(owner: string): Promise<void> {
  try {
    await withStore('readwrite', (s) => s.delete(owner));
  } catch {
    // No IndexedDB (private mode): nothing was kept.
  }
}
