import { describe, expect, it } from 'vitest';
import { CountSync } from '../src/features/inventory/count/count-sync';
import {
  adoptLegacyQueue,
  type CountScope,
  EMPTY_QUEUE,
  putLine,
  queueKeyOf,
  readQueue,
  STORAGE_KEY,
  writeQueue,
} from '../src/features/inventory/count/pending-queue';
import { waitingRows } from '../src/features/offline/waiting';
import { plainData } from '../src/lib/query-persist';
import {
  addItem,
  dueItems,
  EMPTY_OUTBOX,
  OutboxLoop,
  outboxKeyOf,
  postponeItem,
  readOutbox,
  wakeItems,
} from '../src/shared/offline/outbox';
import { isTransient } from '../src/shared/offline/transient';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const LOSS = {
  key: 'k-1',
  kind: 'loss' as const,
  tenant_id: 't1',
  input: { idempotency_key: 'k-1' },
  label: '2 pcs · Leffe',
};
const BAR: CountScope = { tenant_id: 't1', service_id: 'bar', month: '2026-03' };

describe('the outbox of losses and spot checks typed offline', () => {
  it('keeps one item per idempotency key, sends the signed-in tenant’s oldest first, backs off on failure', () => {
    let box = addItem(EMPTY_OUTBOX, LOSS, 1_000);
    box = addItem(box, { ...LOSS, label: 'again' }, 2_000);
    expect(Object.values(box)).toHaveLength(1);
    box = addItem(box, { ...LOSS, key: 'k-2', input: { idempotency_key: 'k-2' } }, 1_500);
    box = addItem(box, { ...LOSS, key: 'k-3', tenant_id: 't2' }, 500);
    expect(dueItems(box, 't1', 3_000, new Set()).map((i) => i.key)).toEqual(['k-1', 'k-2']);
    box = postponeItem(box, 'k-1', 3_000);
    expect(box['k-1']?.not_before).toBe(5_000);
    expect(dueItems(box, 't1', 3_000, new Set()).map((i) => i.key)).toEqual(['k-2']);
    expect(dueItems(wakeItems(box, 3_000), 't1', 3_000, new Set()).map((i) => i.key)).toEqual(['k-1', 'k-2']);
  });

  it('replays each item once with its key, forgets it when sent, keeps a refusal for the person', async () => {
    const storage = new MemoryStorage();
    const sent: string[] = [];
    const loop = new OutboxLoop({
      storage,
      send: async (item) => {
        sent.push(item.key);
        if (item.key === 'refused') throw Object.assign(new Error('no'), { code: 'VALIDATION_ERROR' });
        if (item.key === 'flaky' && sent.filter((k) => k === 'flaky').length === 1)
          throw Object.assign(new Error('down'), { code: 'NETWORK' });
      },
      codeOf: (error) => (error as { code: string }).code,
      isTransient,
      now: () => 10_000,
      setTimer: () => null,
      clearTimer: () => undefined,
    });
    loop.setOwner(outboxKeyOf('u1'), 't1');
    loop.add(LOSS);
    loop.add({ ...LOSS, key: 'refused' });
    loop.add({ ...LOSS, key: 'flaky' });
    await loop.flush();
    expect(sent).toEqual(['k-1', 'refused', 'flaky']);
    const stored = readOutbox(storage, outboxKeyOf('u1'));
    expect(Object.keys(stored).sort()).toEqual(['flaky', 'refused']);
    expect(stored.refused?.failed).toEqual({ code: 'VALIDATION_ERROR' });
    expect(stored.flaky?.attempts).toBe(1);
    loop.wake();
    await loop.flush();
    expect(sent).toEqual(['k-1', 'refused', 'flaky', 'flaky']);
    expect(Object.keys(readOutbox(storage, outboxKeyOf('u1')))).toEqual(['refused']);
  });

  it('is each person’s: another person signed in on the phone neither sees nor sends it', async () => {
    const storage = new MemoryStorage();
    const sent: string[] = [];
    const loop = new OutboxLoop({
      storage,
      send: async (item) => void sent.push(item.key),
      codeOf: () => 'NETWORK',
      isTransient,
      setTimer: () => null,
      clearTimer: () => undefined,
    });
    loop.setOwner(outboxKeyOf('u1'), 't1');
    loop.add(LOSS);
    loop.setOwner(outboxKeyOf('u2'), 't1');
    expect(loop.getSnapshot().outbox).toEqual({});
    await loop.flush();
    expect(sent).toEqual([]);
    loop.setOwner(null, null);
    expect(loop.add(LOSS)).toBe(false);
  });
});

describe('the count queue is each person’s', () => {
  it('moves the phone’s old shared queue to the first person signed in, newer lines of theirs kept', () => {
    const storage = new MemoryStorage();
    writeQueue(storage, putLine(EMPTY_QUEUE, BAR, { product_id: 'gin', quantity: 3, counted_at: 'a' }, 0));
    writeQueue(
      storage,
      putLine(EMPTY_QUEUE, BAR, { product_id: 'rum', quantity: 1, counted_at: 'b' }, 0),
      queueKeyOf('u1'),
    );
    expect(adoptLegacyQueue(storage, queueKeyOf('u1'))).toBe(true);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(Object.keys(readQueue(storage, queueKeyOf('u1'))).sort()).toEqual([
      't1/bar/2026-03/gin',
      't1/bar/2026-03/rum',
    ]);
    expect(adoptLegacyQueue(storage, queueKeyOf('u2'))).toBe(false);
  });

  it('sends only the signed-in person’s lines', async () => {
    const storage = new MemoryStorage();
    writeQueue(
      storage,
      putLine(EMPTY_QUEUE, BAR, { product_id: 'gin', quantity: 3, counted_at: 'a' }, 0),
      queueKeyOf('u1'),
    );
    const sent: string[][] = [];
    const sync = new CountSync({
      storage,
      storageKey: queueKeyOf('u2'),
      send: async (batch) => void sent.push(batch.lines.map((l) => l.product_id)),
      readFailure: () => ({ code: 'NETWORK', fields: {} }),
      now: () => 10_000,
      setTimer: () => null,
      clearTimer: () => undefined,
    });
    sync.setTenant('t1');
    await sync.flush();
    expect(sent).toEqual([]);
    sync.setStorageKey(queueKeyOf('u1'));
    await sync.flush();
    expect(sent).toEqual([['gin']]);
  });
});

describe('the "à envoyer" list', () => {
  it('lists counts (by month, with their quantity) then losses and checks in the order typed', () => {
    let queue = putLine(
      EMPTY_QUEUE,
      BAR,
      { product_id: 'gin', quantity: 2, remaining_fraction: 0.5, counted_at: '2026-03-02T10:00:00Z' },
      0,
      0,
      'Gin',
    );
    queue = putLine(
      queue,
      { ...BAR, month: '2026-02' },
      { product_id: 'rum', quantity: 1, counted_at: '2026-03-01T10:00:00Z' },
      0,
      0,
      'Rhum',
    );
    let box = addItem(EMPTY_OUTBOX, { ...LOSS, kind: 'spot_check', key: 'c', label: 'check' }, 2);
    box = addItem(box, LOSS, 1);
    const rows = waitingRows(queue, new Set(['t1/bar/2026-03/gin']), box, new Set());
    expect(rows.map((r) => [r.kind, r.label, r.quantity, r.state])).toEqual([
      ['count', 'Rhum', 1, 'waiting'],
      ['count', 'Gin', 2.5, 'sending'],
      ['loss', '2 pcs · Leffe', null, 'waiting'],
      ['spot_check', 'check', null, 'waiting'],
    ]);
  });
});

describe('the answers kept for offline use', () => {
  it('keep arrays, plain objects, undefined page params; leave out errors with their response, promises, functions', () => {
    const error = Object.assign(new Error('no'), { meta: { response: {} } });
    const state = {
      queries: [
        {
          queryKey: [['inventory', 'counts', 'screen'], { input: { service_id: 's' } }],
          state: {
            data: { pages: [{ items: [1] }], pageParams: [undefined] },
            error: null,
            fetchFailureReason: error,
          },
          promise: Promise.resolve(1),
          fn: () => 1,
        },
      ],
    };
    expect(plainData(state)).toEqual({
      queries: [
        {
          queryKey: [['inventory', 'counts', 'screen'], { input: { service_id: 's' } }],
          state: {
            data: { pages: [{ items: [1] }], pageParams: [undefined] },
            error: null,
            fetchFailureReason: undefined,
          },
          promise: undefined,
          fn: undefined,
        },
      ],
    });
    const kept = plainData(state) as typeof state;
    expect(kept.queries[0]?.state.data.pageParams).toHaveLength(1);
    expect(structuredClone(kept)).toEqual(kept);
  });
});
