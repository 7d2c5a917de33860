import { browserTimers, DueTimer } from './due-timer';
/**
 * Losses and spot checks typed without network, kept on the phone per person until the server has them. Each
 * carries the idempotency key it was typed with: a replay after a lost answer is one loss, not two (SPEC §11).
 * Plain data and pure functions; the loop below sends, the screens add.
 */

export type OutboxKind = 'loss' | 'spot_check';

export interface OutboxItem {
  /** The submission's idempotency key (also the item's id). */
  key: string;
  kind: OutboxKind;
  tenant_id: string;
  /** The procedure's input, idempotency key included. */
  input: Record<string, unknown>;
  /** What the "à envoyer" list says of it ("2 pcs · Bière Leffe 33 cl"). */
  label: string;
  created_at: number;
  attempts: number;
  not_before: number;
  /** Refused by the server for a reason a retry will not fix: waits for the person. */
  failed: { code: string } | null;
}

export type Outbox = Readonly<Record<string, OutboxItem>>;

export const EMPTY_OUTBOX: Outbox = Object.freeze({});
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 60_000;

/** One outbox per person on the phone. */
export function outboxKeyOf(userId: string): string {
  return `stockscan.outbox.v1.${userId}`;
}

export function addItem(
  outbox: Outbox,
  item: Pick<OutboxItem, 'key' | 'kind' | 'tenant_id' | 'input' | 'label'>,
  now: number,
): Outbox {
  if (outbox[item.key]) return outbox;
  return { ...outbox, [item.key]: { ...item, created_at: now, attempts: 0, not_before: now, failed: null } };
}

/** The items to send now for the signed-in tenant, oldest first. */
export function dueItems(
  outbox: Outbox,
  tenantId: string,
  now: number,
  inFlight: ReadonlySet<string>,
): OutboxItem[] {
  return Object.values(outbox)
    .filter(
      (i) => i.tenant_id === tenantId && i.failed === null && !inFlight.has(i.key) && i.not_before <= now,
    )
    .sort((a, b) => a.created_at - b.created_at);
}

export function nextDue(outbox: Outbox, tenantId: string, inFlight: ReadonlySet<string>): number | null {
  let next: number | null = null;
  for (const i of Object.values(outbox))
    if (i.tenant_id === tenantId && i.failed === null && !inFlight.has(i.key))
      next = next === null ? i.not_before : Math.min(next, i.not_before);
  return next;
}

export function removeItem(outbox: Outbox, key: string): Outbox {
  if (!outbox[key]) return outbox;
  const next = { ...outbox };
  delete next[key];
  return next;
}

function change(outbox: Outbox, key: string, update: (item: OutboxItem) => OutboxItem): Outbox {
  const item = outbox[key];
  return item ? { ...outbox, [key]: update(item) } : outbox;
}

/** Network or server trouble: later, longer each time (2 s, 4 s… a minute). */
export function postponeItem(outbox: Outbox, key: string, now: number): Outbox {
  return change(outbox, key, (item) => {
    const attempts = item.attempts + 1;
    const wait = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));
    return { ...item, attempts, not_before: now + wait };
  });
}

export function failItem(outbox: Outbox, key: string, code: string): Outbox {
  return change(outbox, key, (item) => ({ ...item, failed: { code } }));
}

/** Back online, or "réessayer": everything waiting (refused ones too when `all`) leaves now. */
export function wakeItems(outbox: Outbox, now: number, all = false): Outbox {
  const next: Record<string, OutboxItem> = { ...outbox };
  for (const [key, item] of Object.entries(outbox))
    if (item.failed === null || all)
      next[key] = { ...item, failed: null, not_before: Math.min(item.not_before, now) };
  return next;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function isItem(value: unknown): value is OutboxItem {
  if (typeof value !== 'object' || value === null) return false;
  const i = value as Partial<OutboxItem>;
  return (
    typeof i.key === 'string' &&
    (i.kind === 'loss' || i.kind === 'spot_check') &&
    typeof i.tenant_id === 'string' &&
    typeof i.input === 'object' &&
    i.input !== null &&
    typeof i.label === 'string' &&
    typeof i.created_at === 'number' &&
    typeof i.attempts === 'number' &&
    typeof i.not_before === 'number'
  );
}

export function readOutbox(storage: KeyValueStore, key: string): Outbox {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? '{}') as unknown;
    if (typeof parsed !== 'object' || parsed === null) return EMPTY_OUTBOX;
    const outbox: Record<string, OutboxItem> = {};
    for (const [k, v] of Object.entries(parsed))
      if (isItem(v)) outbox[k] = { ...v, failed: v.failed ?? null };
    return outbox;
  } catch {
    return EMPTY_OUTBOX;
  }
}

export function writeOutbox(storage: KeyValueStore, outbox: Outbox, key: string): boolean {
  try {
    if (Object.keys(outbox).length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(outbox));
    return true;
  } catch {
    return false;
  }
}

export interface OutboxDeps {
  storage: KeyValueStore;
  send: (item: OutboxItem) => Promise<unknown>;
  /** Our error code of a failed send (NETWORK when the server was not reached). */
  codeOf: (error: unknown) => string;
  isTransient: (code: string) => boolean;
  isOnline?: () => boolean;
  now?: () => number;
  /** Told of each item the server has (its first answer, or the replay of it). */
  onSent?: (item: OutboxItem) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface OutboxSnapshot {
  outbox: Outbox;
  inFlight: ReadonlySet<string>;
}

/** Sends the outbox one item at a time; reads the stored outbox before each change (other tabs, reloads). */
export class OutboxLoop {
  private storageKey: string | null = null;
  private tenantId: string | null = null;
  private outbox: Outbox = EMPTY_OUTBOX;
  private readonly inFlight = new Set<string>();
  private snapshot: OutboxSnapshot = { outbox: EMPTY_OUTBOX, inFlight: new Set() };
  private readonly listeners = new Set<() => void>();
  private readonly timer: DueTimer;
  private readonly deps: Required<Omit<OutboxDeps, 'onSent'>> & Pick<OutboxDeps, 'onSent'>;

  constructor(deps: OutboxDeps) {
    this.deps = {
      isOnline: () => true,
      now: Date.now,
      ...browserTimers,
      ...deps,
    };
    this.timer = new DueTimer(this.deps, () => void this.flush());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): OutboxSnapshot => this.snapshot;

  get key(): string | null {
    return this.storageKey;
  }

  /** The signed-in person (their outbox) and tenant (only its items leave); nulls when signed out. */
  setOwner(storageKey: string | null, tenantId: string | null): void {
    this.storageKey = storageKey;
    this.tenantId = tenantId;
    this.reload();
  }

  add(item: Pick<OutboxItem, 'key' | 'kind' | 'tenant_id' | 'input' | 'label'>): boolean {
    if (!this.storageKey) return false;
    return this.update((o) => addItem(o, item, this.deps.now()));
  }

  remove(key: string): void {
    this.update((o) => removeItem(o, key));
  }

  /** Back online (or "envoyer maintenant"): waiting items leave now; `all` retries refused ones too. */
  wake(all = false): void {
    this.update((o) => wakeItems(o, this.deps.now(), all));
  }

  reload(): void {
    this.outbox = this.storageKey ? readOutbox(this.deps.storage, this.storageKey) : EMPTY_OUTBOX;
    this.emit();
    this.schedule();
  }

  /** Sends what is due; resolves when answered. */
  async flush(): Promise<void> {
    this.timer.cancel();
    const tenantId = this.tenantId;
    if (!tenantId || !this.storageKey || !this.deps.isOnline()) return;
    this.outbox = readOutbox(this.deps.storage, this.storageKey);
    const due = dueItems(this.outbox, tenantId, this.deps.now(), this.inFlight);
    if (due.length === 0) return this.schedule();
    for (const item of due) this.inFlight.add(item.key);
    this.emit();
    // One after the other: the server sees them in the order they were typed.
    for (const item of due) await this.sendOne(item);
  }

  private async sendOne(item: OutboxItem): Promise<void> {
    try {
      await this.deps.send(item);
      this.inFlight.delete(item.key);
      this.update((o) => removeItem(o, item.key));
      this.deps.onSent?.(item);
    } catch (error) {
      this.inFlight.delete(item.key);
      const code = this.deps.codeOf(error);
      this.update((o) =>
        this.deps.isTransient(code)
          ? postponeItem(o, item.key, this.deps.now())
          : failItem(o, item.key, code),
      );
    }
  }

  private update(change: (outbox: Outbox) => Outbox): boolean {
    if (!this.storageKey) return false;
    this.outbox = change(readOutbox(this.deps.storage, this.storageKey));
    const saved = writeOutbox(this.deps.storage, this.outbox, this.storageKey);
    this.emit();
    this.schedule();
    return saved;
  }

  private emit(): void {
    this.snapshot = { outbox: this.outbox, inFlight: new Set(this.inFlight) };
    for (const listener of this.listeners) listener();
  }

  private schedule(): void {
    this.timer.at(
      this.tenantId && this.deps.isOnline() ? nextDue(this.outbox, this.tenantId, this.inFlight) : null,
    );
  }
}
