import { describe, expect, it } from 'vitest';
import { LineStore, type LineView, mergedLines, replacedBy, totalOf } from './line-store';

const LEA = 'user-lea';
const MARC = 'user-marc';
const BAR = 'loc-bar';
const CAVE = 'loc-cave';

const line = (over: Partial<LineView>): LineView => ({
  location_id: null,
  quantity: 1,
  container_status: 'SEALED',
  remaining_fraction: null,
  counted_by: LEA,
  counted_by_name: 'lea',
  counted_at: '2026-11-30T21:00:00.000Z',
  ...over,
});

describe('a product’s lines as the count screen shows them', () => {
  it('shows each place’s line and the total, the service as a whole first, then the places in order', () => {
    const lines = mergedLines(
      [
        line({ location_id: CAVE, quantity: 2 }),
        line({ location_id: BAR, quantity: 3, remaining_fraction: 0.5 }),
      ],
      undefined,
      'gin',
      [BAR, CAVE],
    );
    expect(lines.map((l) => l.location_id)).toEqual([BAR, CAVE]);
    expect(totalOf(lines)).toBe(5.5);
    expect(totalOf([])).toBeNull();
  });

  it('replaces a page line by a newer polled one (the later count wins), never by an older one', () => {
    const store = new LineStore();
    const page = [line({ location_id: BAR, quantity: 3, expiry_date: '2027-01-31', lot_number: 'L1' })];
    store.learn('bar', '2026-11', [
      {
        product_id: 'gin',
        ...line({
          location_id: BAR,
          quantity: 5,
          counted_by: MARC,
          counted_by_name: 'marc',
          counted_at: '2026-11-30T21:05:00.000Z',
        }),
      },
    ]);
    const merged = mergedLines(page, store.learntOf('bar', '2026-11', 'gin'), 'gin', [BAR]);
    expect(merged).toEqual([
      // A polled line carries no expiry or lot: the page's stay.
      expect.objectContaining({
        quantity: 5,
        counted_by_name: 'marc',
        expiry_date: '2027-01-31',
        lot_number: 'L1',
      }),
    ]);
    // An older line (a late poll of Léa's first count) changes nothing.
    expect(
      store.learn('bar', '2026-11', [
        {
          product_id: 'gin',
          ...line({ location_id: BAR, quantity: 1, counted_at: '2026-11-30T20:00:00.000Z' }),
        },
      ]),
    ).toBe(false);
    expect(mergedLines(page, store.learntOf('bar', '2026-11', 'gin'), 'gin', [BAR])[0]?.quantity).toBe(5);
  });

  it('re-renders only the product a change touches', () => {
    const store = new LineStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.learn('bar', '2026-11', [{ product_id: 'gin', ...line({}) }]);
    expect(store.version('bar', '2026-11', 'gin')).toBe(1);
    expect(store.version('bar', '2026-11', 'rhum')).toBe(0);
    // The same line polled again is no news.
    expect(store.learn('bar', '2026-11', [{ product_id: 'gin', ...line({}) }])).toBe(false);
    expect(calls).toBe(1);
    // The name arriving later (our own save did not know it) is.
    store.learn('bar', '2026-11', [{ product_id: 'rhum', ...line({ counted_by_name: null }) }]);
    expect(store.learn('bar', '2026-11', [{ product_id: 'rhum', ...line({}) }])).toBe(true);
  });

  it('forgets a cleared line unless it was counted again after', () => {
    const store = new LineStore();
    const page = [line({ location_id: BAR }), line({ location_id: CAVE })];
    store.forget('bar', '2026-11', 'gin', [BAR], '2026-11-30T21:10:00.000Z');
    expect(
      mergedLines(page, store.learntOf('bar', '2026-11', 'gin'), 'gin', [BAR, CAVE]).map(
        (l) => l.location_id,
      ),
    ).toEqual([CAVE]);
    store.learn('bar', '2026-11', [
      {
        product_id: 'gin',
        ...line({ location_id: BAR, quantity: 9, counted_at: '2026-11-30T21:20:00.000Z' }),
      },
    ]);
    expect(
      mergedLines(page, store.learntOf('bar', '2026-11', 'gin'), 'gin', [BAR, CAVE]).map((l) => l.quantity),
    ).toEqual([9, 1]);
  });

  it('drops a line cleared on another phone, not one counted again after the clearing', () => {
    const store = new LineStore();
    const page = [line({ location_id: BAR }), line({ location_id: CAVE })];
    const shown = () =>
      mergedLines(page, store.learntOf('bar', '2026-11', 'gin'), 'gin', [BAR, CAVE]).map((l) => [
        l.location_id,
        l.quantity,
      ]);
    // Counted again in the cave at 21:20 (polled), then both places cleared at 21:10 reach this phone.
    store.learn('bar', '2026-11', [
      {
        product_id: 'gin',
        ...line({ location_id: CAVE, quantity: 4, counted_at: '2026-11-30T21:20:00.000Z' }),
      },
    ]);
    const cleared = [
      { product_id: 'gin', location_id: BAR, cleared_at: '2026-11-30T21:10:00.000Z' },
      { product_id: 'gin', location_id: CAVE, cleared_at: '2026-11-30T21:10:00.000Z' },
    ];
    expect(store.learnCleared('bar', '2026-11', cleared)).toBe(true);
    expect(shown()).toEqual([[CAVE, 4]]);
    // The same clearings polled again (the overlap) are no news; an older one changes nothing either.
    expect(store.learnCleared('bar', '2026-11', cleared)).toBe(false);
    expect(
      store.learnCleared('bar', '2026-11', [
        { product_id: 'gin', location_id: BAR, cleared_at: '2026-11-30T21:05:00.000Z' },
      ]),
    ).toBe(false);
    // A later clearing of the cave drops the recount too; a count after it shows again.
    store.learnCleared('bar', '2026-11', [
      { product_id: 'gin', location_id: CAVE, cleared_at: '2026-11-30T21:30:00.000Z' },
    ]);
    expect(shown()).toEqual([]);
    store.learn('bar', '2026-11', [
      {
        product_id: 'gin',
        ...line({ location_id: BAR, quantity: 2, counted_at: '2026-11-30T21:40:00.000Z' }),
      },
    ]);
    expect(shown()).toEqual([[BAR, 2]]);
  });

  it('says "modifié par Marc" when Marc’s later count replaced the line Léa saved during her visit', () => {
    const store = new LineStore();
    store.learn('bar', '2026-11', [{ product_id: 'gin', ...line({ location_id: BAR }) }], { mine: true });
    expect(store.isMine('bar', '2026-11', 'gin', BAR)).toBe(true);
    expect(store.isMine('bar', '2026-11', 'gin', CAVE)).toBe(false);
    const marc = line({
      location_id: BAR,
      counted_by: MARC,
      counted_by_name: 'marc',
      counted_at: '2026-11-30T21:30:00.000Z',
    });
    store.learn('bar', '2026-11', [{ product_id: 'gin', ...marc }]);
    const shown = mergedLines([], store.learntOf('bar', '2026-11', 'gin'), 'gin', [BAR])[0];
    expect(replacedBy(shown, true, LEA)).toMatchObject({ counted_by_name: 'marc' });
    // Not hers to begin with, or her own line: nothing to say.
    expect(replacedBy(shown, false, LEA)).toBeNull();
    expect(replacedBy(line({}), true, LEA)).toBeNull();
  });
});
