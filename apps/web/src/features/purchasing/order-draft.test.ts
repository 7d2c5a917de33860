import { describe, expect, it } from 'vitest';
import { draftQuantity, draftText, type OrderLineDraft, orderLines } from './order-draft';

const line = (text: string, pack_size: number | null, product_id = 'p1'): OrderLineDraft => ({
  product_id,
  product_name: 'Bière',
  unit: 'pcs',
  pack_size,
  text,
  unit_cost: 1.2,
});

describe('order drafts', () => {
  it('starts from whole packs when the suggestion is some, else from units (French decimals)', () => {
    expect(draftText(48, 24)).toBe('2');
    expect(draftText(30, 24)).toBe('30');
    expect(draftText(1.75, null)).toBe('1,75');
    expect(draftText(4, 1)).toBe('4');
  });

  it('reads packs × pack size, or units', () => {
    expect(draftQuantity(line('3', 24))).toBe(72);
    expect(draftQuantity(line('1,5', 6))).toBe(9);
    expect(draftQuantity(line('1,5', 0.75))).toBe(1.5);
    expect(draftQuantity(line('2,5', null))).toBe(2.5);
    expect(draftQuantity(line('deux', 24))).toBeNull();
  });

  it('keeps the lines to order, drops those at 0 or emptied, refuses a typing mistake or nothing at all', () => {
    expect(orderLines([line('2', 24), line('0', null, 'p2'), line('', null, 'p3')])).toEqual([
      { product_id: 'p1', quantity: 48, unit_cost: 1.2 },
    ]);
    expect(orderLines([line('2', 24), line('x', null, 'p2')])).toBeNull();
    expect(orderLines([line('0', 24)])).toBeNull();
  });
});
