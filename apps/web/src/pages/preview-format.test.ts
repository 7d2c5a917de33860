import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../demo/fixtures';
import { previewEuros, previewNumber } from './preview-format';

const TAG = { fr: 'fr-FR', en: 'en-GB' } as const;
const LOCALES = ['fr', 'en'] as const;
type PreviewLocale = (typeof LOCALES)[number];
/** What the preview wrote with Intl before (and what the prerendering's Node writes). */
const intlNumber = (locale: PreviewLocale) =>
  new Intl.NumberFormat(TAG[locale], { maximumFractionDigits: 3 });
const intlEuros = (locale: PreviewLocale) =>
  new Intl.NumberFormat(TAG[locale], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** Quantities as a count screen has them: whole, halves, quarters, grams, up to a big stock. */
const QUANTITIES = [
  0, 0.001, 0.0004, 0.0005, 0.25, 0.5, 0.75, 1, 1.5, 1.75, 2.125, 9.999, 9.9995, 10, 12.5, 99.99, 100, 999,
  999.9996, 1000, 1234.5, 12_345.678, 100_000, 999_999.999, 1_234_567.0625,
];

describe('the landing preview’s numbers', () => {
  it('are written as Intl.NumberFormat writes them, in French and in English', () => {
    for (const locale of LOCALES) {
      const number = intlNumber(locale);
      for (const n of QUANTITIES) expect(previewNumber(n, locale), `${locale} ${n}`).toBe(number.format(n));
      // Quarters up to 2,000, then 4,000 values at random (fixed seed) up to 1,000,000 with 0–4 decimals.
      for (let n = 0; n < 2_000; n += 0.25)
        expect(previewNumber(n, locale), `${locale} ${n}`).toBe(number.format(n));
      let seed = 21;
      for (let i = 0; i < 4_000; i++) {
        seed = (seed * 48_271) % 2_147_483_647;
        const n = Math.round((seed / 2_147_483_647) * 10 ** (6 + (i % 5))) / 10 ** (i % 5);
        expect(previewNumber(n, locale), `${locale} ${n}`).toBe(number.format(n));
      }
    }
  });

  it('euros: whole, grouped, the sign where each language puts it', () => {
    expect(previewEuros(2384, 'fr')).toBe('2\u202f384\u00a0€');
    expect(previewEuros(2384, 'en')).toBe('€2,384');
    for (const locale of LOCALES) {
      const euros = intlEuros(locale);
      for (let n = 0; n < 1_000_000; n += 97.5)
        expect(previewEuros(n, locale), `${locale} ${n}`).toBe(euros.format(n));
    }
  });

  it('cover every number the previews show', () => {
    for (const fixture of Object.values(FIXTURES))
      for (const locale of LOCALES) {
        const number = intlNumber(locale);
        for (const product of fixture.products)
          expect(previewNumber(product.count, locale)).toBe(number.format(product.count));
        if (fixture.opened)
          expect(previewNumber(fixture.opened.sealed, locale)).toBe(number.format(fixture.opened.sealed));
        expect(previewEuros(fixture.values[5], locale)).toBe(intlEuros(locale).format(fixture.values[5]));
      }
  });
});
