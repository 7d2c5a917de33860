import { describe, expect, it } from 'vitest';
import { fillFromSuggestion, suggestedName } from '../src/features/inventory/count/useProductSuggestion';

const LEFFE = { name: 'Leffe Blonde', brand: 'Leffe', category: 'Bières blondes', quantity: '33 cl' };

describe('an Open Food Facts suggestion on the quick add form', () => {
  it('names the product with its brand (unless in the name) and the size on the pack', () => {
    expect(suggestedName(LEFFE)).toBe('Leffe Blonde 33 cl');
    expect(suggestedName({ ...LEFFE, name: 'Blonde' })).toBe('Leffe Blonde 33 cl');
    expect(suggestedName({ ...LEFFE, brand: null, quantity: null })).toBe('Leffe Blonde');
  });

  it('fills only the fields left empty', () => {
    expect(fillFromSuggestion({ name: '', category: '' }, LEFFE)).toEqual({
      name: 'Leffe Blonde 33 cl',
      category: 'Bières blondes',
    });
    expect(fillFromSuggestion({ name: 'Ma bière', category: '' }, LEFFE)).toEqual({
      name: 'Ma bière',
      category: 'Bières blondes',
    });
  });
});
