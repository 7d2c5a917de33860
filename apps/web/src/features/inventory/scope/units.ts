import type { ProductUnit } from '@stockscan/contracts';
import { defineMessages } from '../../../i18n/i18n';

/** Unit names as the trade writes them; `_long` for pickers. */
export const unitMessages = defineMessages({
  fr: {
    pcs: 'pcs',
    kg: 'kg',
    g: 'g',
    l: 'L',
    ml: 'mL',
    pcs_long: 'Pièces (bouteilles, boîtes…)',
    kg_long: 'Kilogrammes',
    g_long: 'Grammes',
    l_long: 'Litres',
    ml_long: 'Millilitres',
  },
  en: {
    pcs: 'pcs',
    kg: 'kg',
    g: 'g',
    l: 'L',
    ml: 'mL',
    pcs_long: 'Pieces (bottles, boxes…)',
    kg_long: 'Kilograms',
    g_long: 'Grams',
    l_long: 'Litres',
    ml_long: 'Millilitres',
  },
});

export const unitLongKey = (unit: ProductUnit) => `${unit}_long` as const;
