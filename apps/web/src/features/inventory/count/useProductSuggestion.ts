import type { ProductSuggestion } from '@stockscan/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../../lib/trpc';

/** What the suggestion fills: a field only while the person has left it empty. */
export interface SuggestedFields {
  name: string;
  category: string;
}

/** The name a suggestion gives: the product, its brand when the name lacks it, the size printed on the pack. */
export function suggestedName(s: ProductSuggestion): string {
  const parts = [s.name];
  if (s.brand && !s.name.toLowerCase().includes(s.brand.toLowerCase())) parts.unshift(s.brand);
  if (s.quantity && !s.name.toLowerCase().includes(s.quantity.toLowerCase())) parts.push(s.quantity);
  return parts.join(' ').slice(0, 200);
}

/** The fields a suggestion fills, leaving what was typed alone. */
export function fillFromSuggestion(fields: SuggestedFields, s: ProductSuggestion): SuggestedFields {
  return {
    name: fields.name.trim() === '' ? suggestedName(s) : fields.name,
    category: fields.category.trim() === '' ? (s.category ?? '') : fields.category,
  };
}

/**
 * An unknown barcode looked up in Open Food Facts (the server asks it, for food services, when enabled): the
 * form is usable at once and filled when an answer arrives; no answer, a slow one or an error change nothing.
 */
export function useProductSuggestion(
  serviceId: string,
  code: string | undefined,
  onSuggestion: (suggestion: ProductSuggestion) => void,
) {
  const trpc = useTRPC();
  const barcode = code && /^\d{8,14}$/.test(code) ? code : null;
  const suggest = useQuery({
    ...trpc.inventory.products.suggest.queryOptions({
      service_id: serviceId,
      barcode: barcode ?? '00000000',
    }),
    enabled: barcode !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const applied = useRef(false);
  const suggestion = suggest.data?.suggestion ?? null;
  const latest = useRef(onSuggestion);
  latest.current = onSuggestion;
  useEffect(() => {
    if (!suggestion || applied.current) return;
    applied.current = true;
    latest.current(suggestion);
  }, [suggestion]);
  return { suggestion, looking: barcode !== null && suggest.isFetching };
}
