import type { ContainerStatus, CountLineInput, Month } from '@stockscan/contracts';

/**
 * The count lines typed on this device and not yet confirmed by the server, as plain data: every function
 * returns a new queue, so the sync loop, the screen and the tests share one set of rules. Persisted in
 * localStorage, keyed by tenant/service/month/product(@location): nothing typed is lost to a closed tab or a
 * dead network, and a newer edit of a product's line in one place replaces the older one instead of queueing
 * behind it.
 */

export interface CountScope {
  tenant_id: string;
  service_id: string;
  month: Month;
}

/** One product's count as `inventory.counts.upsert` takes it, always stamped with when it was taken. */
export interface PendingLine {
  product_id: string;
  quantity: number;
  container_status?: ContainerStatus;
  remaining_fraction?: number | null;
  expiry_date?: string | null;
  lot_number?: string | null;
  /** The phone's time of the edit: the server keeps the latest count, so a late replay never wins. */
  counted_at: string;
  /** Where it was counted (a storage location); absent or null = the service as a whole. */
  location_id?: string | null;
  /** Typed as whole packs + loose units (`quantity` is their sum): the server multiplies by its pack size. */
  packed?: { packs: number; units: number } | null;
  /** An opened container weighed (grams): the server computes the remaining fraction from it. */
  weight_g?: number | null;
}

/**
 * The line as `inventory.counts.upsert` takes it: packs + loose units as `packs` and `quantity`, a weighed
 * container as its weight (the server's fraction, from the product's weights, is the one stored).
 */
export function wireLine(line: PendingLine): CountLineInput {
  const { packed, weight_g, ...rest } = line;
  const wire: CountLineInput = { ...rest };
  if (packed) {
    wire.quantity = packed.units;
    wire.packs = packed.packs;
  }
  if (weight_g !== undefined && weight_g !== null && rest.container_status === 'OPENED') {
    wire.weight_g = weight_g;
    delete wire.remaining_fraction;
  }
  return wire;
}

export interface PendingEntry extends CountScope {
  line: PendingLine;
  /** The product's name when typed, for the "à envoyer" list (the line itself only has its id). */
  label?: string;
  /** Bumped by every edit: the answer to an older revision does not clear a newer one. */
  rev: number;
  /** Not sent before this time (ms): the debounce after a keystroke, then the retry backoff. */
  not_before: number;
  /** Failed sends so far (network, server). */
  attempts: number;
  /** Refused by the server for a reason a retry alone will not fix: waits for the person. */
  failed: { code: string } | null;
}

export type PendingQueue = Readonly<Record<string, PendingEntry>>;

/** A sent entry as it was when sent. */
export interface SentRef {
  key: string;
  rev: number;
}

export interface Batch {
  scope: CountScope;
  refs: SentRef[];
  lines: PendingLine[];
}

export const DEBOUNCE_MS = 400;
const MAX_BATCH_LINES = 500;
/** After this many failed sends the row says "échec — réessayer" (it keeps retrying by itself). */
const ATTEMPTS_BEFORE_FAILURE_SHOWN = 3;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 60_000;

export const EMPTY_QUEUE: PendingQueue = Object.freeze({});

/** A product's line in one place: the product id, `@location` when counted in a location. */
export function lineKey(productId: string, locationId?: string | null): string {
  return locationId ? `${productId}@${locationId}` : productId;
}

export function entryKey(scope: CountScope, productId: string, locationId?: string | null): string {
  return `${scope.tenant_id}/${scope.service_id}/${scope.month}/${lineKey(productId, locationId)}`;
}

/** Records an edit: it replaces any earlier line of the product and leaves after the debounce. */
export function putLine(
  queue: PendingQueue,
  scope: CountScope,
  line: PendingLine,
  now: number,
  debounceMs = DEBOUNCE_MS,
  label?: string,
): PendingQueue {
  const key = entryKey(scope, line.product_id, line.location_id);
  const previous = queue[key];
  return {
    ...queue,
    [key]: {
      tenant_id: scope.tenant_id,
      service_id: scope.service_id,
      month: scope.month,
      line,
      ...(label ? { label } : {}),
      rev: (previous?.rev ?? 0) + 1,
      not_before: now + debounceMs,
      attempts: 0,
      failed: null,
    },
  };
}

const sendable = (entry: PendingEntry, tenantId: string, inFlight: ReadonlySet<string>, key: string) =>
  entry.tenant_id === tenantId && entry.failed === null && !inFlight.has(key);

/**
 * The lines to send now, one batch per service and month (at most MAX_BATCH_LINES each). Only the signed-in
 * tenant's lines leave: another tenant's wait for its own session.
 */
export function dueBatches(
  queue: PendingQueue,
  options: { tenantId: string; now: number; inFlight?: ReadonlySet<string>; max?: number },
): Batch[] {
  const inFlight = options.inFlight ?? new Set<string>();
  const max = options.max ?? MAX_BATCH_LINES;
  const groups = new Map<string, Batch>();
  const batches: Batch[] = [];
  const due = Object.entries(queue)
    .filter(([key, e]) => sendable(e, options.tenantId, inFlight, key) && e.not_before <= options.now)
    .sort(([, a], [, b]) => a.not_before - b.not_before);
  for (const [key, entry] of due) {
    const groupKey = `${entry.service_id}/${entry.month}`;
    let batch = groups.get(groupKey);
    if (!batch || batch.lines.length >= max) {
      batch = {
        scope: { tenant_id: entry.tenant_id, service_id: entry.service_id, month: entry.month },
        refs: [],
        lines: [],
      };
      groups.set(groupKey, batch);
      batches.push(batch);
    }
    batch.refs.push({ key, rev: entry.rev });
    batch.lines.push(entry.line);
  }
  return batches;
}

/** When the next line becomes due (ms), or null when nothing waits to be sent. */
export function nextDueAt(
  queue: PendingQueue,
  tenantId: string,
  inFlight: ReadonlySet<string> = new Set(),
): number | null {
  let next: number | null = null;
  for (const [key, entry] of Object.entries(queue)) {
    if (!sendable(entry, tenantId, inFlight, key)) continue;
    if (next === null || entry.not_before < next) next = entry.not_before;
  }
  return next;
}

/** Applies `change` to the entries that were sent, unless edited since (a newer revision has its own life). */
function updateSent(
  queue: PendingQueue,
  refs: readonly SentRef[],
  change: (entry: PendingEntry) => PendingEntry | null,
): PendingQueue {
  const next: Record<string, PendingEntry> = { ...queue };
  for (const { key, rev } of refs) {
    const entry = next[key];
    if (!entry || entry.rev !== rev) continue;
    const changed = change(entry);
    if (changed) next[key] = changed;
    else delete next[key];
  }
  return next;
}

/** The server stored these lines: forget them (a line edited meanwhile stays and leaves next). */
export function settle(queue: PendingQueue, refs: readonly SentRef[]): PendingQueue {
  return updateSent(queue, refs, () => null);
}

/** Wait before the next attempt: 2 s, 4 s, 8 s… up to a minute. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** The send failed on the way (network, server busy): try again later, longer each time. */
export function postpone(queue: PendingQueue, refs: readonly SentRef[], now: number): PendingQueue {
  return updateSent(queue, refs, (entry) => {
    const attempts = entry.attempts + 1;
    return { ...entry, attempts, not_before: now + backoffMs(attempts) };
  });
}

/** The server refused these lines (validation, product gone, role): kept for the person to decide. */
export function markFailed(queue: PendingQueue, refs: readonly SentRef[], code: string): PendingQueue {
  return updateSent(queue, refs, (entry) => ({ ...entry, failed: { code } }));
}

/** "Réessayer": the given entries (all when `keys` is omitted) leave now. */
export function retryNow(queue: PendingQueue, now: number, keys?: readonly string[]): PendingQueue {
  const chosen = keys ? new Set(keys) : null;
  const next: Record<string, PendingEntry> = { ...queue };
  for (const [key, entry] of Object.entries(queue)) {
    if (chosen && !chosen.has(key)) continue;
    next[key] = { ...entry, failed: null, attempts: 0, not_before: Math.min(entry.not_before, now) };
  }
  return next;
}

/** Back online: lines waiting for their backoff leave now (refused ones still wait for the person). */
export function wakeUp(queue: PendingQueue, now: number): PendingQueue {
  const next: Record<string, PendingEntry> = { ...queue };
  for (const [key, entry] of Object.entries(queue)) {
    if (entry.failed === null && entry.not_before > now) next[key] = { ...entry, not_before: now };
  }
  return next;
}

/** What a row shows about its line. */
export type LineStatus = 'pending' | 'failed';

export function lineStatus(entry: PendingEntry): LineStatus {
  return entry.failed !== null || entry.attempts >= ATTEMPTS_BEFORE_FAILURE_SHOWN ? 'failed' : 'pending';
}

/** The pending lines of one screen, by line key (`lineKey(product, location)`). */
export function linesOf(queue: PendingQueue, scope: CountScope): Map<string, PendingEntry> {
  const prefix = `${scope.tenant_id}/${scope.service_id}/${scope.month}/`;
  const found = new Map<string, PendingEntry>();
  for (const [key, entry] of Object.entries(queue)) {
    if (key.startsWith(prefix)) found.set(lineKey(entry.line.product_id, entry.line.location_id), entry);
  }
  return found;
}

export { isTransient } from '../../../shared/offline/transient';

/** Indexes of the lines a refusal names (`fields: {"lines.3.quantity": …}`); empty when it names none. */
export function refusedLineIndexes(fields: Readonly<Record<string, string>>): number[] {
  const indexes = new Set<number>();
  for (const name of Object.keys(fields)) {
    const match = /^lines\.(\d+)(\.|$)/.exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

// Storage ------------------------------------------------------------------------------------------------------

/** Before #17 one queue per phone: its lines go to the first person who signs in (they typed them). */
export const STORAGE_KEY = 'stockscan.pending-counts.v1';

/** One queue per person on the phone (not per tenant): what they typed is sent under their name only. */
export function queueKeyOf(userId: string): string {
  return `stockscan.pending-counts.v2.${userId}`;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function isEntry(value: unknown): value is PendingEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<PendingEntry>;
  return (
    typeof e.tenant_id === 'string' &&
    typeof e.service_id === 'string' &&
    typeof e.month === 'string' &&
    typeof e.rev === 'number' &&
    typeof e.not_before === 'number' &&
    typeof e.attempts === 'number' &&
    typeof e.line === 'object' &&
    e.line !== null &&
    typeof e.line.product_id === 'string' &&
    typeof e.line.quantity === 'number' &&
    typeof e.line.counted_at === 'string'
  );
}

/** The stored queue; unreadable entries are skipped, never the whole queue. */
export function readQueue(storage: KeyValueStore, key = STORAGE_KEY): PendingQueue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(key) ?? '{}');
  } catch {
    return EMPTY_QUEUE;
  }
  if (typeof parsed !== 'object' || parsed === null) return EMPTY_QUEUE;
  const queue: Record<string, PendingEntry> = {};
  for (const [k, v] of Object.entries(parsed)) if (isEntry(v)) queue[k] = v;
  return queue;
}

/** Saves the queue; false when the storage refused (full, private mode) so the screen can say so. */
export function writeQueue(storage: KeyValueStore, queue: PendingQueue, key = STORAGE_KEY): boolean {
  try {
    if (Object.keys(queue).length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(queue));
    return true;
  } catch {
    return false;
  }
}

/** Moves the lines of the one-per-phone queue into `key` (a newer line there wins); true when any moved. */
export function adoptLegacyQueue(storage: KeyValueStore, key: string): boolean {
  const legacy = readQueue(storage, STORAGE_KEY);
  if (Object.keys(legacy).length === 0) return false;
  const own = readQueue(storage, key);
  if (!writeQueue(storage, { ...legacy, ...own }, key)) return false;
  storage.removeItem(STORAGE_KEY);
  return true;
}
