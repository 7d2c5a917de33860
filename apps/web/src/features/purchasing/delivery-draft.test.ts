import { describe, expect, it } from 'vitest';
import type { LineDraft } from './DeliveryLine';
import { lineInput } from './delivery-draft';
import type { PickedProduct } from './types';

const product = { id: 'p1', name: 'Bière', unit: 'pcs', pack_size: 24 } as PickedProduct;
const line = (packs: string, units: string, unitCost = ''): LineDraft => ({
  key: 'k',
  product,
  packs,
  units,
  unitCost,
});

describe('lineInput', () => {
  it('sends packs and loose units as typed (French decimals) with the unit cost', () => {
    expect(lineInput(line('2', '3', '1,125'))).toEqual({
      product_id: 'p1',
      packs: 2,
      quantity: 3,
      unit_cost: 1.125,
    });
    expect(lineInput(line('', '0,5'))).toEqual({ product_id: 'p1', quantity: 0.5, unit_cost: null });
  });

  it('refuses a line with no quantity, a malformed number or a malformed cost', () => {
    expect(lineInput(line('', ''))).toBeNull();
    expect(lineInput(line('0', '0'))).toBeNull();
    expect(lineInput(line('deux', ''))).toBeNull();
    expect(lineInput(line('1', '', 'abc'))).toBeNull();
  });
});
