import { browserTimers, DueTimer } from '../../../shared/offline/due-timer';
import {
  type Batch,
  type CountScope,
  dueBatches,
  EMPTY_QUEUE,
  isTransient,
  markFailed,
  nextDueAt,
  type PendingLine,
  type PendingQueue,
  postpone,
  putLine,
  readQueue,
  refusedLineIndexes,
  retryNow,
  type SentRef,
  STORAGE_KEY,
  settle,
  wakeUp,
  writeQueue,
} from './pending-queue';

/** How a failed send is read: our SPEC §5 code and the validation fields, if any. */
export interface SendFailure {
  code: string;
  fields: Record<string, string>;
}

export interface SyncSnapshot {
  queue: PendingQueue;
  /** false when the storage refused the last write (full, private mode): lines live in memory only. */
  persisted: boolean;
  inFlight: ReadonlySet<string>;
}

export interface SyncDeps<Result> {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Where the queue is stored; per person (`queueKeyOf(userId)`), changed by `setOwner`. */
  storageKey?: string;
  /** Sends one batch (inventory.counts.upsert). */
  send: (batch: Batch) => Promise<Result>;
  /** Reads a rejection of `send`. */
  readFailure: (error: unknown) => SendFailure;
  /** Told of every batch the server stored. */
  onSaved?: (batch: Batch, result: Result) => void;
  /** Told of every refusal that waits for the person (not a network or server hiccup retried alone). */
  onRefused?: (batch: Batch, failure: SendFailure) => void;
  now?: () => number;
  /** false = certainly offline (navigator.onLine): wait for `wake()` instead of failing sends. */
  isOnline?: () => boolean;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * The loop that empties the pending queue: sends due lines in batches, settles them on success, backs off on
 * network or server trouble, and keeps refused lines for the person. The queue lives in storage: every change
 * reads it first, so two tabs (or a reload mid-send) never drop each other's lines.
 */
export class CountSync<Result> {
  private queue: PendingQueue = EMPTY_QUEUE;
  private snapshot: SyncSnapshot = { queue: EMPTY_QUEUE, persisted: true, inFlight: new Set() };
  private tenantId: string | null = null;
  private readonly inFlight = new Set<string>();
  private readonly timer: DueTimer;
  private readonly listeners = new Set<() => void>();
  private persisted = true;
  private storageKey: string;
  private readonly deps: Required<Omit<SyncDeps<Result>, 'onSaved' | 'onRefused' | 'storageKey'>> &
    Pick<SyncDeps<Result>, 'onSaved' | 'onRefused'>;

  constructor(deps: SyncDeps<Result>) {
    this.deps = {
      now: Date.now,
      isOnline: () => true,
      ...browserTimers,
      ...deps,
    };
    this.timer = new DueTimer(this.deps, () => void this.flush());
    this.storageKey = deps.storageKey ?? STORAGE_KEY;
    this.queue = readQueue(deps.storage, this.storageKey);
    this.snapshot = { queue: this.queue, persisted: true, inFlight: new Set() };
  }

  // Reading (useSyncExternalStore) -----------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A new object after every change (queue or sends in flight). */
  getSnapshot = (): SyncSnapshot => this.snapshot;

  // Commands ------------------------------------------------------------------------------------------------

  /** The queue's storage key: a person's lines are theirs, whoever else signs in on the phone. */
  get key(): string {
    return this.storageKey;
  }

  /** Another person signed in: their own queue is read (and sent), the previous one stays stored for them. */
  setStorageKey(key: string): void {
    if (key === this.storageKey) return;
    this.storageKey = key;
    this.persisted = true;
    this.reload();
  }

  /** The signed-in tenant (null when signed out): only its lines are sent. */
  setTenant(tenantId: string | null): void {
    if (tenantId === this.tenantId) return;
    this.tenantId = tenantId;
    this.schedule();
  }

  /** An edit of a row: saved on this device at once, sent after the debounce. */
  put(scope: CountScope, line: PendingLine, label?: string): void {
    this.update((q) => putLine(q, scope, line, this.deps.now(), undefined, label));
  }

  /** "Réessayer" on a row (its keys) or on the whole screen (no keys). */
  retry(keys?: readonly string[]): void {
    this.update((q) => retryNow(q, this.deps.now(), keys));
  }

  /** The network is back (or the app just opened): waiting lines leave now. */
  wake(): void {
    this.update((q) => wakeUp(q, this.deps.now()));
  }

  /** Another tab changed the stored queue. */
  reload(): void {
    this.queue = this.stored();
    this.emit();
    this.schedule();
  }

  /** Sends everything due now; resolves when those sends are answered (tests, "send now"). */
  async flush(): Promise<void> {
    this.timer.cancel();
    const tenantId = this.tenantId;
    if (!tenantId || !this.deps.isOnline()) return;
    this.queue = this.stored();
    const batches = dueBatches(this.queue, { tenantId, now: this.deps.now(), inFlight: this.inFlight });
    if (batches.length === 0) {
      this.schedule();
      return;
    }
    for (const batch of batches) for (const ref of batch.refs) this.inFlight.add(ref.key);
    this.emit();
    await Promise.all(batches.map((batch) => this.sendOne(batch)));
  }

  // Internals -----------------------------------------------------------------------------------------------

  private async sendOne(batch: Batch): Promise<void> {
    try {
      const result = await this.deps.send(batch);
      this.release(batch.refs, (q) => settle(q, batch.refs));
      this.deps.onSaved?.(batch, result);
    } catch (error) {
      const failure = this.deps.readFailure(error);
      this.release(batch.refs, (q) => this.afterFailure(q, batch.refs, failure));
      if (!isTransient(failure.code)) this.deps.onRefused?.(batch, failure);
    }
  }

  private afterFailure(queue: PendingQueue, refs: SentRef[], failure: SendFailure): PendingQueue {
    const now = this.deps.now();
    if (isTransient(failure.code)) return postpone(queue, refs, now);
    // A refusal naming some lines: those wait for the person, the others leave again at once.
    const named = refusedLineIndexes(failure.fields).flatMap((i) => (refs[i] ? [refs[i]] : []));
    if (named.length === 0 || named.length === refs.length) return markFailed(queue, refs, failure.code);
    const refused = new Set(named.map((r) => r.key));
    const others = refs.filter((r) => !refused.has(r.key));
    return retryNow(
      markFailed(queue, named, failure.code),
      now,
      others.map((r) => r.key),
    );
  }

  private release(refs: SentRef[], change: (queue: PendingQueue) => PendingQueue): void {
    for (const ref of refs) this.inFlight.delete(ref.key);
    this.update(change);
  }

  /** The stored queue (another tab may have changed it), or ours when the storage refuses writes. */
  private stored(): PendingQueue {
    return this.persisted ? readQueue(this.deps.storage, this.storageKey) : this.queue;
  }

  private update(change: (queue: PendingQueue) => PendingQueue): void {
    this.queue = change(this.stored());
    this.persisted = writeQueue(this.deps.storage, this.queue, this.storageKey);
    this.emit();
    this.schedule();
  }

  private emit(): void {
    this.snapshot = { queue: this.queue, persisted: this.persisted, inFlight: new Set(this.inFlight) };
    for (const listener of this.listeners) listener();
  }

  private schedule(): void {
    this.timer.at(
      this.tenantId && this.deps.isOnline() ? nextDueAt(this.queue, this.tenantId, this.inFlight) : null,
    );
  }
}
