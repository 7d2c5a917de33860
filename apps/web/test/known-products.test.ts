import { describe, expect, it } from 'vitest';
import { knownProducts, matches } from '../src/features/inventory/scope/known-products';

const SERVICE = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

const listed = (id: string, name: string, service_id = SERVICE) =>
  ({
    id,
    name,
    service_id,
    brand: null,
    barcode: null,
    internal_sku: null,
    unit: 'pcs',
    category: 'Bières',
  }) as never;
const onScreen = (id: string, name: string, barcode: string | null = null) => ({
  product: { id, name, brand: null, barcode, internal_sku: null, unit: 'pcs', category: null },
});

describe('the products known on the phone (offline search)', () => {
  it('matches every word typed, accents and case aside, in the name, brand or codes', () => {
    const product = {
      name: 'Bière Leffe Blonde 33 cl',
      brand: 'Abbaye',
      barcode: '5410228',
      internal_sku: null,
    };
    expect(matches(product, 'biere leffe')).toBe(true);
    expect(matches(product, 'abbaye 33')).toBe(true);
    expect(matches(product, '5410')).toBe(true);
    expect(matches(product, 'leffe brune')).toBe(false);
  });

  it('takes the service’s product lists first, then the count screen’s pages (whole catalogue), sorted, limited', () => {
    const lists = [
      [
        [['inventory', 'products', 'list'], { input: { service_id: SERVICE, limit: 8 } }],
        {
          items: [listed('a', 'Bière Leffe 33 cl'), listed('x', 'Bière du voisin', OTHER)],
          next_cursor: null,
        },
      ],
    ] as const;
    const screens = [
      [
        [['inventory', 'counts', 'screen'], { input: { service_id: SERVICE, month: '2026-03' } }],
        {
          pageParams: [undefined],
          pages: [
            { items: [onScreen('a', 'Bière Leffe 33 cl'), onScreen('b', 'Bière Chouffe 33 cl', '5411')] },
          ],
        },
      ],
      [
        [['inventory', 'counts', 'screen'], { input: { service_id: OTHER, month: '2026-03' } }],
        {
          pageParams: [undefined],
          pages: [{ items: [onScreen('c', 'Bière ailleurs')] }],
        },
      ],
    ] as const;
    const found = knownProducts(lists as never, screens as never, SERVICE, 'biere', 8);
    expect(found.map((p) => [p.id, p.name, p.service_id])).toEqual([
      ['b', 'Bière Chouffe 33 cl', SERVICE],
      ['a', 'Bière Leffe 33 cl', SERVICE],
    ]);
    expect(found[1]?.category).toBe('Bières');
    expect(knownProducts(lists as never, screens as never, SERVICE, 'biere', 1)).toHaveLength(1);
    expect(knownProducts(lists as never, screens as never, SERVICE, '5411', 8).map((p) => p.id)).toEqual([
      'b',
    ]);
  });
});
