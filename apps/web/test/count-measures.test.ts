import { describe, expect, it } from 'vitest';
import {
  countKind,
  packedOf,
  packSummary,
  packWord,
  stepsFor,
} from '../src/features/inventory/count/count-kind';
import { changedValues, valuesOf } from '../src/features/inventory/count/count-values';
import { wireLine } from '../src/features/inventory/count/pending-queue';
import { withSavedLines } from '../src/features/inventory/count/screen-cache';
import { formatQty } from '../src/features/inventory/scope/format';
import type { Service } from '../src/features/inventory/scope/service-features';
import {
  bottleOf,
  emptyForm,
  readForm,
  volumeFromText,
  withBottleWeights,
} from '../src/features/products/product-form';

const PRODUCT = '00000000-0000-4000-8000-0000000000aa';

describe('how a row counts a product', () => {
  it('packs + units past a pack size of 1, a decimal amount for bulk units, whole units otherwise', () => {
    expect(countKind({ unit: 'pcs', pack_size: 24 })).toBe('packs');
    expect(countKind({ unit: 'pcs', pack_size: 1 })).toBe('units');
    expect(countKind({ unit: 'pcs', pack_size: null })).toBe('units');
    expect(countKind({ unit: 'l', pack_size: null })).toBe('bulk');
    expect(countKind({ unit: 'kg', pack_size: 1 })).toBe('bulk');
    expect(stepsFor('bulk', 'l')).toEqual({ big: 1, small: 0.1 });
    expect(stepsFor('bulk', 'g')).toEqual({ big: 100, small: 10 });
    expect(stepsFor('units', 'pcs')).toEqual({ big: 1, small: null });
  });

  it('shows a stored quantity as whole packs and the rest, and what was typed as typed', () => {
    expect(packedOf(76, null, 24)).toEqual({ packs: 3, units: 4 });
    expect(packedOf(76, { packs: 2, units: 28 }, 24)).toEqual({ packs: 2, units: 28 });
    expect(packedOf(undefined, null, 24)).toBeNull();
  });

  it('writes "3 cartons + 4 = 76"', () => {
    expect(packSummary('fr', { packs: 3, units: 4 }, 76, 'carton', formatQty)).toBe('3 cartons + 4 = 76');
    expect(packSummary('fr', { packs: 1, units: 0 }, 24, 'carton', formatQty)).toBe('1 carton + 0 = 24');
    expect(packWord('colis', 3)).toBe('colis');
    expect(packWord('caisse', 2)).toBe('caisses');
  });
});

describe('a row’s values after a change', () => {
  const counted = changedValues(null, { quantity: 76, packed: { packs: 3, units: 4 } });

  it('keeps packs + units until a quantity is typed in one field', () => {
    expect(counted.packed).toEqual({ packs: 3, units: 4 });
    expect(changedValues(counted, { lot_number: 'L1' }).packed).toEqual({ packs: 3, units: 4 });
    expect(changedValues(counted, { quantity: 80 }).packed).toBeNull();
  });

  it('keeps a weighing until a fraction is picked by eye, and forgets both once sealed', () => {
    const weighed = changedValues(counted, {
      container_status: 'OPENED',
      remaining_fraction: 0.5,
      weight_g: 865,
    });
    expect(weighed.weight_g).toBe(865);
    expect(changedValues(weighed, { remaining_fraction: 0.25 }).weight_g).toBeNull();
    const sealed = changedValues(weighed, { container_status: 'SEALED' });
    expect([sealed.remaining_fraction, sealed.weight_g]).toEqual([null, null]);
  });

  it('reads a stored line without packs or weight as none', () => {
    const stored = {
      quantity: 5,
      container_status: 'SEALED' as const,
      remaining_fraction: null,
      expiry_date: null,
      lot_number: null,
      counted_at: '2026-03-01T10:00:00.000Z',
    };
    expect(valuesOf(stored)).toMatchObject({ quantity: 5, packed: null, weight_g: null });
  });
});

describe('a pending line as the server takes it', () => {
  const base = { product_id: PRODUCT, counted_at: '2026-03-01T10:00:00.000Z' };

  it('sends packs + loose units, not the sum (the server multiplies by its pack size)', () => {
    expect(wireLine({ ...base, quantity: 76, packed: { packs: 3, units: 4 } })).toEqual({
      ...base,
      quantity: 4,
      packs: 3,
    });
  });

  it('sends a weighed container as its weight, without the fraction computed on the phone', () => {
    expect(
      wireLine({
        ...base,
        quantity: 2,
        container_status: 'OPENED',
        remaining_fraction: 0.5,
        weight_g: 865,
      }),
    ).toEqual({ ...base, quantity: 2, container_status: 'OPENED', weight_g: 865 });
  });

  it('leaves a plain line as it is', () => {
    const line = { ...base, quantity: 3, packed: null, weight_g: null, remaining_fraction: null };
    expect(wireLine(line)).toEqual({ ...base, quantity: 3, remaining_fraction: null });
  });
});

const bar = (tracksOpened: boolean): Service => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Bar',
  service_type: 'bar',
  counting_mode: 'mixed',
  blind_counting: false,
  created_at: '2026-01-01T00:00:00.000Z',
  features: { open_container_tracking: { enabled: tracksOpened, recommended: true } },
});

describe('bottle weights on the product form', () => {
  it('reads a volume in a name', () => {
    expect(volumeFromText('Gin Citadelle 70 cl')).toBe(700);
    expect(volumeFromText('Rhum 0,7 L')).toBe(700);
    expect(volumeFromText('Bordeaux 75cl')).toBe(750);
    expect(volumeFromText('Magnum 1.5l')).toBe(1500);
    expect(volumeFromText('Sirop 500 ml')).toBe(500);
    expect(volumeFromText('Citrons')).toBeNull();
  });

  it('pre-fills from the common bottles while untouched, never over weights typed by the person', () => {
    const service = bar(true);
    const gin = withBottleWeights({ ...emptyForm(service), name: 'Gin 70 cl' }, service);
    expect([gin.full_weight_g, gin.empty_weight_g]).toEqual(['1197', '532']);
    expect(bottleOf(gin)?.volume_ml).toBe(700);
    const renamed = withBottleWeights({ ...gin, name: 'Gin 1 L' }, service);
    expect(renamed.full_weight_g).toBe('1612');
    const typed = withBottleWeights({ ...gin, full_weight_g: '1210', name: 'Gin 1 L' }, service);
    expect(typed.full_weight_g).toBe('1210');
    expect(withBottleWeights({ ...emptyForm(bar(false)), name: 'Gin 70 cl' }, bar(false)).full_weight_g).toBe(
      '',
    );
  });

  it('sends the weights, and refuses a full weight under the empty one', () => {
    const service = bar(true);
    const ok = readForm(
      { ...emptyForm(service), name: 'Gin', full_weight_g: '1197', empty_weight_g: '532' },
      service,
    );
    expect(ok.fields).toMatchObject({ full_weight_g: 1197, empty_weight_g: 532 });
    expect(ok.problems).toEqual({});
    const wrong = readForm(
      { ...emptyForm(service), name: 'Gin', full_weight_g: '500', empty_weight_g: '532' },
      service,
    );
    expect(wrong.problems.full_weight_g).toBe('weights_order');
  });
});

describe('the count screen’s kept pages after a save', () => {
  const item = (
    id: string,
    lines: { location_id: string | null; quantity: number; counted_at: string }[],
  ) => ({
    product: { id, name: id } as never,
    lines: lines.map((l) => ({
      ...l,
      container_status: 'SEALED' as const,
      remaining_fraction: null,
      expiry_date: null,
      lot_number: null,
      counted_by: null,
      counted_by_name: null,
      weight_g: null,
    })),
    count: null,
    total: null,
    recount: null,
    shelf_position: null,
  });
  const data = {
    pageParams: [undefined],
    pages: [
      {
        month: '2026-03',
        next_cursor: null,
        retention_limited: false,
        items: [
          item('gin', []),
          item('rum', [{ location_id: 'bar', quantity: 1, counted_at: '2026-03-01T10:00:00Z' }]),
        ],
      },
    ],
  };
  const saved = (product_id: string, location_id: string | null, quantity: number, counted_at: string) => ({
    product_id,
    location_id,
    quantity,
    container_status: 'OPENED' as const,
    remaining_fraction: 0.5,
    weight_g: 864.5,
    counted_by: 'u1',
    counted_by_name: 'nina',
    counted_at,
  });

  it('writes the saved lines into their products (a place’s newer line replaces the older), sums the month', () => {
    const next = withSavedLines(
      data as never,
      [saved('gin', null, 2, '2026-03-02T10:00:00Z'), saved('rum', 'cave', 3, '2026-03-02T10:00:00Z')],
      undefined,
    );
    const [gin, rum] = next.pages[0]?.items ?? [];
    expect(gin?.lines.map((l) => [l.location_id, l.quantity, l.weight_g])).toEqual([[null, 2, 864.5]]);
    expect(gin?.total).toBe(2.5);
    expect(gin?.count).toMatchObject({ quantity: 2, container_status: 'OPENED', remaining_fraction: 0.5 });
    expect(rum?.lines.map((l) => l.location_id)).toEqual(['bar', 'cave']);
    expect(rum?.total).toBe(4.5);
  });

  it('keeps a place’s page to that place, and leaves untouched pages as they were', () => {
    const next = withSavedLines(data as never, [saved('rum', 'cave', 3, '2026-03-02T10:00:00Z')], 'bar');
    expect(next).toBe(data);
  });
});
