import { z } from 'zod';
import { Uuid } from './primitives';

/** `inventory.products.suggest`: what a public catalogue knows of an unknown barcode, to pre-fill the form. */
export const ProductSuggestInput = z.object({
  service_id: Uuid,
  barcode: z
    .string()
    .trim()
    .regex(/^\d{8,14}$/, { message: 'Un code-barres de 8 à 14 chiffres.' }),
});
export type ProductSuggestInput = z.infer<typeof ProductSuggestInput>;

export const ProductSuggestion = z.object({
  name: z.string(),
  brand: z.string().nullable(),
  category: z.string().nullable(),
  /** As printed on the pack: "33 cl", "1 kg". */
  quantity: z.string().nullable(),
});
export type ProductSuggestion = z.infer<typeof ProductSuggestion>;

export const ProductSuggestResult = z.object({
  /** null: unknown, not a food service, the look-up is off or did not answer in time. */
  suggestion: ProductSuggestion.nullable(),
  source: z.literal('openfoodfacts').nullable(),
});
export type ProductSuggestResult = z.infer<typeof ProductSuggestResult>;
