import { describe, expect, it } from 'vitest';
import { addItem, isChanged, moveItem, removeItem } from './shelf-order';

const gin = { product_id: 'gin', name: 'Gin' };
const rhum = { product_id: 'rhum', name: 'Rhum' };
const vodka = { product_id: 'vodka', name: 'Vodka' };

describe('editing a location’s shelves', () => {
  it('moves a product up or down one step, nothing past the ends', () => {
    expect(moveItem([gin, rhum, vodka], 2, -1)).toEqual([gin, vodka, rhum]);
    expect(moveItem([gin, rhum, vodka], 0, 1)).toEqual([rhum, gin, vodka]);
    expect(moveItem([gin, rhum], 0, -1)).toEqual([gin, rhum]);
    expect(moveItem([gin, rhum], 1, 1)).toEqual([gin, rhum]);
  });

  it('adds a product once, at the end; removes it', () => {
    expect(addItem([gin], rhum)).toEqual([gin, rhum]);
    expect(addItem([gin, rhum], gin)).toEqual([gin, rhum]);
    expect(removeItem([gin, rhum], 'gin')).toEqual([rhum]);
  });

  it('knows when the order was changed', () => {
    expect(isChanged([gin, rhum], [gin, rhum])).toBe(false);
    expect(isChanged([gin, rhum], [rhum, gin])).toBe(true);
    expect(isChanged([gin], [gin, rhum])).toBe(true);
  });
});
