import { describe, expect, it } from 'vitest';
import { COUNTER_COLOURS, contrast, counterColour, counterInitial } from './counter-colour';

describe('a colour per counter', () => {
  it('is stable for a user id and spreads different people over the palette', () => {
    const lea = '0b7c2b9e-52a4-4d6e-9a57-3e0e7f1c2a10';
    expect(counterColour(lea)).toBe(counterColour(lea));
    const ids = Array.from(
      { length: 50 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const used = new Set(ids.map(counterColour));
    expect(used.size).toBeGreaterThanOrEqual(6);
    for (const colour of used) expect(COUNTER_COLOURS).toContain(colour);
  });

  it('carries white text at WCAG AA or better, the unknown counter too', () => {
    for (const colour of [...COUNTER_COLOURS, counterColour(null)])
      expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
    // The check itself can fail: a light yellow cannot carry white text.
    expect(contrast('#facc15', '#ffffff')).toBeLessThan(4.5);
  });

  it('shows the first letter of the name, or ? when nobody is known', () => {
    expect(counterInitial('lea.zinc')).toBe('L');
    expect(counterInitial('élodie')).toBe('É');
    expect(counterInitial(null)).toBe('?');
    expect(counterInitial('  ')).toBe('?');
  });
});
