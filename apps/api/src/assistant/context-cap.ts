import type { AssistantContext } from './context-types';

/** The most the model is sent about a tenant's month. */
export const MAX_CONTEXT_BYTES = 8 * 1024;

export const contextBytes = (context: AssistantContext) => Buffer.byteLength(JSON.stringify(context));

/** Halves the item lists (longest first) until the JSON fits in `maxBytes`; counters always stay. */
export function capContext(context: AssistantContext, maxBytes: number): AssistantContext {
  const capped = structuredClone(context);
  const lists = (): unknown[][] => [
    capped.by_service,
    capped.out_of_stock?.items ?? [],
    capped.low_stock?.items ?? [],
    capped.expiring_soon?.items ?? [],
    capped.losses?.top_products ?? [],
    capped.biggest_changes,
    capped.consumption?.biggest_gaps ?? [],
    capped.services,
  ];
  while (contextBytes(capped) > maxBytes) {
    const longest = lists().reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.length === 0) break;
    longest.splice(Math.floor(longest.length / 2));
  }
  return capped;
}
