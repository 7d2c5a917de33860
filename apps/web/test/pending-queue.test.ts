import { describe, expect, it } from 'vitest';
import { CountSync, type SendFailure } from '../src/features/inventory/count/count-sync';
import {
  backoffMs,
  type CountScope,
  DEBOUNCE_MS,
  dueBatches,
  EMPTY_QUEUE,
  entryKey,
  lineKey,
  lineStatus,
  linesOf,
  markFailed,
  nextDueAt,
  type PendingLine,
  postpone,
  putLine,
  readQueue,
  refusedLineIndexes,
  retryNow,
  settle,
  wakeUp,
  writeQueue,
} from '../src/features/inventory/count/pending-queue';
import { closedMonthLines } from '../src/features/inventory/review/review-model';

const BAR: CountScope = { tenant_id: 't1', service_id: 'bar', month: '2025-03' };
const KITCHEN: CountScope = { tenant_id: 't1', service_id: 'kitchen', month: '2025-03' };
const OTHER_TENANT: CountScope = { tenant_id: 't2', service_id: 'x', month: '2025-03' };

const line = (product_id: string, quantity: number, at = '2025-03-31T21:00:00.000Z'): PendingLine => ({
  product_id,
  quantity,
  counted_at: at,
});

class MemoryStorage {
  data = new Map<string, string>();
  refuse = false;
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw new Error('QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

describe('pending queue', () => {
  it('keeps one line per product: a new keystroke replaces the old one and restarts the debounce', () => {
    let q = putLine(EMPTY_QUEUE, BAR, line('gin', 4), 1_000);
    q = putLine(q, BAR, line('gin', 45), 1_100);
    const entry = q[entryKey(BAR, 'gin')];
    expect(Object.keys(q)).toHaveLength(1);
    expect(entry?.line.quantity).toBe(45);
    expect(entry?.rev).toBe(2);
    expect(entry?.not_before).toBe(1_100 + DEBOUNCE_MS);
    expect(dueBatches(q, { tenantId: 't1', now: 1_100 + DEBOUNCE_MS - 1 })).toEqual([]);
    expect(dueBatches(q, { tenantId: 't1', now: 1_100 + DEBOUNCE_MS })).toHaveLength(1);
  });

  it('keeps one line per product and place: the bar and the cellar of one bottle are two lines', () => {
    let q = putLine(EMPTY_QUEUE, BAR, { ...line('gin', 3), location_id: 'bar-shelf' }, 1_000);
    q = putLine(q, BAR, { ...line('gin', 2), location_id: 'cellar' }, 1_000);
    q = putLine(q, BAR, line('gin', 9), 1_000);
    q = putLine(q, BAR, { ...line('gin', 4), location_id: 'cellar' }, 1_100);
    expect(Object.keys(q)).toHaveLength(3);
    const byLine = linesOf(q, BAR);
    expect(byLine.get(lineKey('gin', 'cellar'))?.line.quantity).toBe(4);
    expect(byLine.get(lineKey('gin', 'bar-shelf'))?.line.quantity).toBe(3);
    expect(byLine.get(lineKey('gin', null))?.line.quantity).toBe(9);
    // A line stored before places existed keeps its key.
    expect(entryKey(BAR, 'gin')).toBe('t1/bar/2025-03/gin');
    const [batch] = dueBatches(q, { tenantId: 't1', now: 10_000 });
    expect(batch?.lines.map((l) => [l.quantity, l.location_id ?? null])).toEqual([
      [3, 'bar-shelf'],
      [9, null],
      [4, 'cellar'],
    ]);
  });

  it('batches due lines per service and month, never another tenant’s, never a line in flight', () => {
    let q = putLine(EMPTY_QUEUE, BAR, line('gin', 4), 0);
    q = putLine(q, BAR, line('rum', 1), 0);
    q = putLine(q, KITCHEN, line('flour', 12.5), 0);
    q = putLine(q, OTHER_TENANT, line('x', 1), 0);
    const inFlight = new Set([entryKey(BAR, 'rum')]);
    const batches = dueBatches(q, { tenantId: 't1', now: 10_000, inFlight });
    expect(batches.map((b) => [b.scope.service_id, b.lines.map((l) => l.product_id)])).toEqual([
      ['bar', ['gin']],
      ['kitchen', ['flour']],
    ]);
  });

  it('splits a big month into batches of the server’s maximum', () => {
    let q = EMPTY_QUEUE;
    for (let i = 0; i < 5; i++) q = putLine(q, BAR, line(`p${i}`, i), 0);
    const batches = dueBatches(q, { tenantId: 't1', now: 1_000, max: 2 });
    expect(batches.map((b) => b.lines.length)).toEqual([2, 2, 1]);
  });

  it('settles only the revision that was sent: an edit typed during the send survives', () => {
    let q = putLine(EMPTY_QUEUE, BAR, line('gin', 4), 0);
    const [batch] = dueBatches(q, { tenantId: 't1', now: 1_000 });
    q = putLine(q, BAR, line('gin', 5), 1_050);
    q = settle(q, batch?.refs ?? []);
    expect(q[entryKey(BAR, 'gin')]?.line.quantity).toBe(5);
    const [next] = dueBatches(q, { tenantId: 't1', now: 2_000 });
    expect(settle(q, next?.refs ?? [])).toEqual({});
  });

  it('backs off 2 s, 4 s, 8 s… up to a minute, and shows the failure after three attempts', () => {
    expect([1, 2, 3, 4, 10].map(backoffMs)).toEqual([2_000, 4_000, 8_000, 16_000, 60_000]);
    let q = putLine(EMPTY_QUEUE, BAR, line('gin', 4), 0);
    const refs = dueBatches(q, { tenantId: 't1', now: 500 })[0]?.refs ?? [];
    q = postpone(q, refs, 500);
    expect(q[entryKey(BAR, 'gin')]?.not_before).toBe(2_500);
    expect(lineStatus(q[entryKey(BAR, 'gin')]!)).toBe('pending');
    q = postpone(postpone(q, refs, 3_000), refs, 8_000);
    expect(q[entryKey(BAR, 'gin')]?.attempts).toBe(3);
    expect(lineStatus(q[entryKey(BAR, 'gin')]!)).toBe('failed');
    expect(nextDueAt(q, 't1')).toBe(16_000);
    // Back online: the line leaves now instead of waiting for its backoff.
    expect(nextDueAt(wakeUp(q, 9_000), 't1')).toBe(9_000);
  });

  it('keeps a refused line out of the sends until the person retries it', () => {
    let q = putLine(EMPTY_QUEUE, BAR, line('gin', 4), 0);
    const refs = dueBatches(q, { tenantId: 't1', now: 500 })[0]?.refs ?? [];
    q = markFailed(q, refs, 'NOT_FOUND');
    expect(dueBatches(wakeUp(q, 99_000), { tenantId: 't1', now: 99_000 })).toEqual([]);
    expect(lineStatus(q[entryKey(BAR, 'gin')]!)).toBe('failed');
    q = retryNow(q, 100_000, [entryKey(BAR, 'gin')]);
    expect(dueBatches(q, { tenantId: 't1', now: 100_000 })[0]?.lines).toEqual([line('gin', 4)]);
  });

  it('reads the line indexes a validation error names', () => {
    expect(
      refusedLineIndexes({ 'lines.3.quantity': 'x', 'lines.0.product_id': 'y', service_id: 'z' }),
    ).toEqual([0, 3]);
    expect(refusedLineIndexes({ month: 'x' })).toEqual([]);
  });

  it('survives a reload: written to storage, read back, unreadable entries skipped', () => {
    const storage = new MemoryStorage();
    const q = putLine(putLine(EMPTY_QUEUE, BAR, line('gin', 4), 0), KITCHEN, line('flour', 1.5), 0);
    expect(writeQueue(storage, q)).toBe(true);
    const raw = JSON.parse(storage.getItem('stockscan.pending-counts.v1') ?? '{}') as Record<string, unknown>;
    raw.broken = { tenant_id: 't1' };
    storage.setItem('stockscan.pending-counts.v1', JSON.stringify(raw));
    const back = readQueue(storage);
    expect(Object.keys(back).sort()).toEqual([entryKey(BAR, 'gin'), entryKey(KITCHEN, 'flour')].sort());
    expect([...linesOf(back, BAR).keys()]).toEqual(['gin']);
    storage.setItem('stockscan.pending-counts.v1', '{not json');
    expect(readQueue(storage)).toEqual({});
  });
});

/** A sync loop on fake time, storage and server. */
function harness(options: { online?: boolean } = {}) {
  const storage = new MemoryStorage();
  let now = 0;
  let online = options.online ?? true;
  const timers: { at: number; run: () => void }[] = [];
  const sent: { service_id: string; lines: PendingLine[] }[] = [];
  let answer: (lines: PendingLine[]) => Promise<string> = async () => 'ok';
  const refused: string[] = [];
  const sync = new CountSync<string>({
    onRefused: (_batch, failure) => refused.push(failure.code),
    storage,
    now: () => now,
    isOnline: () => online,
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      const i = timers.indexOf(timer as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    send: (batch) => {
      sent.push({ service_id: batch.scope.service_id, lines: batch.lines });
      return answer(batch.lines);
    },
    readFailure: (error) => error as SendFailure,
  });
  return {
    storage,
    sync,
    sent,
    refused,
    setAnswer: (fn: typeof answer) => {
      answer = fn;
    },
    goOffline: () => {
      online = false;
    },
    goOnline: () => {
      online = true;
      sync.wake();
    },
    /** Moves the clock and runs the timers that are due, letting their sends settle. */
    async advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    pending: () => sync.getSnapshot().queue,
  };
}

describe('count sync loop', () => {
  it('sends a row once typing pauses, as one batch, and forgets it once stored', async () => {
    const h = harness();
    h.sync.setTenant('t1');
    h.sync.put(BAR, line('gin', 4));
    await h.advance(200);
    h.sync.put(BAR, line('gin', 45));
    h.sync.put(BAR, line('rum', 1));
    await h.advance(399);
    expect(h.sent).toEqual([]);
    await h.advance(1);
    expect(h.sent).toEqual([{ service_id: 'bar', lines: [line('gin', 45), line('rum', 1)] }]);
    expect(h.pending()).toEqual({});
    expect(h.storage.getItem('stockscan.pending-counts.v1')).toBeNull();
  });

  it('loses nothing offline: keeps the line in storage, sends it when the network is back', async () => {
    const h = harness({ online: false });
    h.sync.setTenant('t1');
    h.sync.put(BAR, line('gin', 4));
    await h.advance(60_000);
    expect(h.sent).toEqual([]);
    expect(readQueue(h.storage)[entryKey(BAR, 'gin')]?.line.quantity).toBe(4);
    h.goOnline();
    await h.advance(0);
    expect(h.sent).toHaveLength(1);
    expect(h.pending()).toEqual({});
  });

  it('retries a network failure with backoff until the server answers', async () => {
    const h = harness();
    h.sync.setTenant('t1');
    let failures = 2;
    h.setAnswer(async () => {
      if (failures-- > 0) throw { code: 'NETWORK', fields: {} } satisfies SendFailure;
      return 'ok';
    });
    h.sync.put(BAR, line('gin', 4));
    await h.advance(400);
    expect(h.pending()[entryKey(BAR, 'gin')]?.attempts).toBe(1);
    await h.advance(2_000);
    expect(h.pending()[entryKey(BAR, 'gin')]?.attempts).toBe(2);
    await h.advance(3_999);
    expect(h.sent).toHaveLength(2);
    await h.advance(1);
    expect(h.sent).toHaveLength(3);
    expect(h.pending()).toEqual({});
  });

  it('replays what a previous visit left in storage as soon as it knows the tenant', async () => {
    const first = harness({ online: false });
    first.sync.setTenant('t1');
    first.sync.put(BAR, line('gin', 4));
    // Next load: a new loop on the same storage.
    const sent: PendingLine[][] = [];
    const next = new CountSync<string>({
      storage: first.storage,
      now: () => 10_000,
      send: async (batch) => {
        sent.push(batch.lines);
        return 'ok';
      },
      readFailure: (e) => e as SendFailure,
      setTimer: (run) => {
        run();
        return 1;
      },
      clearTimer: () => {},
    });
    expect(sent).toEqual([]);
    next.setTenant('t2');
    expect(sent).toEqual([]);
    next.setTenant('t1');
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toEqual([[line('gin', 4)]]);
  });

  it('parks only the line a validation error names and sends the others again', async () => {
    const h = harness();
    h.sync.setTenant('t1');
    h.setAnswer(async (lines) => {
      if (lines.some((l) => l.product_id === 'gone'))
        throw {
          code: 'NOT_FOUND',
          fields: { 'lines.1.product_id': 'Produit introuvable' },
        } satisfies SendFailure;
      return 'ok';
    });
    h.sync.put(BAR, line('gin', 4));
    h.sync.put(BAR, line('gone', 2));
    await h.advance(400);
    await h.advance(0);
    expect(h.sent.map((s) => s.lines.map((l) => l.product_id))).toEqual([['gin', 'gone'], ['gin']]);
    expect(Object.keys(h.pending())).toEqual([entryKey(BAR, 'gone')]);
    expect(h.pending()[entryKey(BAR, 'gone')]?.failed).toEqual({ code: 'NOT_FOUND' });
  });

  it('keeps lines in memory when the storage refuses them', async () => {
    const h = harness({ online: false });
    h.sync.setTenant('t1');
    h.storage.refuse = true;
    h.sync.put(BAR, line('gin', 4));
    h.sync.put(BAR, line('rum', 1));
    expect(h.sync.getSnapshot().persisted).toBe(false);
    expect(Object.keys(h.pending())).toHaveLength(2);
  });

  it('a closed month (409 MONTH_CLOSED): the lines stay on the phone, flagged, until a retry after the reopening', async () => {
    const h = harness();
    h.sync.setTenant('t1');
    let closed = true;
    h.setAnswer(async () => {
      if (closed) throw { code: 'MONTH_CLOSED', fields: {} } satisfies SendFailure;
      return 'ok';
    });
    h.sync.put(BAR, line('gin', 4));
    h.sync.put(BAR, line('rum', 1));
    await h.advance(400);
    expect(h.sent).toHaveLength(1);
    expect(Object.values(h.pending()).map((e) => e.failed)).toEqual([
      { code: 'MONTH_CLOSED' },
      { code: 'MONTH_CLOSED' },
    ]);
    expect(closedMonthLines(Object.values(h.pending()))).toBe(2);
    expect(readQueue(h.storage)[entryKey(BAR, 'gin')]?.line.quantity).toBe(4);
    // Not retried by itself: it waits for the person (a manager reopens the month).
    await h.advance(600_000);
    expect(h.sent).toHaveLength(1);
    closed = false;
    h.sync.retry();
    await h.advance(0);
    expect(h.sent).toHaveLength(2);
    expect(h.pending()).toEqual({});
  });

  it('tells of a refusal that waits for the person, not of a hiccup it retries alone', async () => {
    const h = harness();
    h.sync.setTenant('t1');
    let failure: SendFailure = { code: 'NETWORK', fields: {} };
    h.setAnswer(async () => {
      throw failure;
    });
    h.sync.put(BAR, line('gin', 4));
    await h.advance(400);
    expect(h.refused).toEqual([]);
    failure = { code: 'MONTH_CLOSED', fields: {} };
    await h.advance(60_000);
    expect(h.refused).toEqual(['MONTH_CLOSED']);
  });
});
