import { describe, expect, it } from 'vitest';
import {
  defaultDestination,
  directionOf,
  estimatedCost,
  pairingKey,
  pairingOf,
  type TransferDraft,
  type TransferLineDraft,
  transferLines,
  transferProblems,
  withProduct,
} from './transfer-draft';
import type { PickedProduct } from './types';

const gin = { id: 'gin', name: 'Gin', unit: 'pcs', purchase_price: 20 } as PickedProduct;
const tonic = { id: 'tonic', name: 'Tonic', unit: 'pcs', purchase_price: null } as PickedProduct;
const line = (product: PickedProduct, quantity: string, key = product.id): TransferLineDraft => ({
  key,
  product,
  quantity,
});
const draft = (over: Partial<TransferDraft> = {}): TransferDraft => ({
  fromId: 'reserve',
  toId: 'bar',
  date: '2026-11-12',
  lines: [line(gin, '2,5')],
  ...over,
});
const TODAY = '2026-11-15';

describe('transfer draft', () => {
  it('proposes the first other service as the destination, none when there is no other', () => {
    const services = [{ id: 'reserve' }, { id: 'bar' }, { id: 'snack' }];
    expect(defaultDestination(services, 'reserve')).toBe('bar');
    expect(defaultDestination(services, 'bar')).toBe('reserve');
    expect(defaultDestination([{ id: 'reserve' }], 'reserve')).toBe('');
  });

  it('adds a picked product once', () => {
    const once = withProduct([], gin, 'k1');
    expect(once).toEqual([{ key: 'k1', product: gin, quantity: '' }]);
    expect(withProduct(once, gin, 'k2')).toBe(once);
    expect(withProduct(once, tonic, 'k3').map((l) => l.key)).toEqual(['k1', 'k3']);
  });

  it('sends positive quantities typed with a comma or a dot', () => {
    const d = draft({ lines: [line(gin, '2,5'), line(tonic, '12')] });
    expect(transferProblems(d, TODAY)).toEqual({ problems: [], invalidLines: [] });
    expect(transferLines(d)).toEqual([
      { product_id: 'gin', quantity: 2.5 },
      { product_id: 'tonic', quantity: 12 },
    ]);
  });

  it('names every problem: no or same destination, a future date, no line, a bad quantity', () => {
    expect(transferProblems(draft({ toId: '' }), TODAY).problems).toEqual(['to_missing']);
    expect(transferProblems(draft({ toId: 'reserve' }), TODAY).problems).toEqual(['to_same']);
    expect(transferProblems(draft({ date: '2026-11-16' }), TODAY).problems).toEqual(['date_future']);
    expect(transferProblems(draft({ lines: [] }), TODAY).problems).toEqual(['lines_empty']);
    const bad = draft({
      lines: [line(gin, '0'), line(tonic, 'deux'), line(gin, '1,2345', 'g2'), line(gin, '1', 'g3')],
    });
    expect(transferProblems(bad, TODAY)).toEqual({
      problems: ['line_invalid'],
      invalidLines: ['gin', 'tonic', 'g2'],
    });
    expect(transferLines(bad)).toEqual([{ product_id: 'gin', quantity: 1 }]);
  });

  it('estimates the cost at purchase price, ignoring lines without a price or a quantity', () => {
    expect(estimatedCost([line(gin, '2,5'), line(tonic, '12')])).toBe(50);
    expect(estimatedCost([line(gin, '0,333')])).toBe(6.66);
    expect(estimatedCost([line(gin, ''), line(tonic, '3')])).toBeNull();
  });

  it('tells where each line lands: a destination product, a creation, or not known yet', () => {
    const pairs = [
      { product_id: 'gin', to_product_id: 'bar-gin', to_product_name: 'Gin maison' },
      { product_id: 'tonic', to_product_id: null, to_product_name: null },
    ];
    expect(pairingOf(pairs, 'gin')).toEqual({ kind: 'paired', name: 'Gin maison' });
    expect(pairingOf(pairs, 'tonic')).toEqual({ kind: 'created' });
    expect(pairingOf(pairs, 'rum')).toEqual({ kind: 'pending' });
    expect(pairingOf(undefined, 'gin')).toEqual({ kind: 'pending' });
    expect(pairingKey([line(tonic, '1'), line(gin, '1'), line(gin, '2', 'g2')])).toEqual(['gin', 'tonic']);
  });

  it('reads a transfer as an entry or an exit of the service on screen', () => {
    expect(directionOf({ to_service_id: 'bar' }, 'bar')).toBe('in');
    expect(directionOf({ to_service_id: 'bar' }, 'reserve')).toBe('out');
  });
});
