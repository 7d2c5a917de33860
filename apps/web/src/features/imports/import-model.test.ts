import { describe, expect, it } from 'vitest';
import { fileToBase64, initialChoices, linesToWrite, type Preview, resolutionsOf } from './import-model';

const line = (n: number, over: Partial<Preview['lines'][number]> = {}): Preview['lines'][number] => ({
  line: n,
  name: `P${n}`,
  barcode: null,
  sku: null,
  quantity: 1,
  unit_cost: null,
  lot_number: null,
  expiry_date: null,
  revenue: null,
  match: null,
  problems: [],
  ...over,
});

const preview = {
  lines: [
    line(2, { match: { product_id: '00000000-0000-4000-8000-000000000001', product_name: 'A', by: 'name' } }),
    line(3),
    line(4, { problems: ['quantity_invalid'] }),
  ],
} as Preview;

describe('import choices', () => {
  it('creates unknown products and leaves unreadable lines out by default', () => {
    const choices = initialChoices(preview);
    expect(choices).toEqual({ 3: { action: 'create' }, 4: { action: 'skip' } });
    expect(resolutionsOf(choices)).toEqual({
      resolutions: [
        { line: 3, action: 'create' },
        { line: 4, action: 'skip' },
      ],
      ready: true,
    });
    expect(linesToWrite(preview, choices)).toBe(2);
  });

  it('a link without its product is not ready; skipping everything unknown writes only the matched', () => {
    expect(resolutionsOf({ 3: { action: 'link', product_id: null, product_name: null } }).ready).toBe(false);
    expect(linesToWrite(preview, initialChoices(preview, false))).toBe(1);
  });

  it('encodes a file as base64', async () => {
    const text = 'Désignation;Qté\n';
    expect(atob(await fileToBase64(new Blob([text])))).toBe(
      String.fromCharCode(...new TextEncoder().encode(text)),
    );
  });
});
