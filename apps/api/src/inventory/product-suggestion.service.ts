import type { ProductSuggestInput, ProductSuggestResult, ServiceType } from '@stockscan/contracts';
import type { Deps } from '../deps';
import type { Actor } from '../request/actor';
import { loadService } from './scope';

/** Services whose products Open Food Facts may know (food and drinks); shops and pharmacies are not asked. */
const FOOD_SERVICES: ReadonlySet<ServiceType> = new Set([
  'grocery_food',
  'bulk_food',
  'bar',
  'kitchen',
  'bakery',
  'restaurant_dining',
]);

const NOTHING: ProductSuggestResult = { suggestion: null, source: null };

/**
 * A scanned barcode nobody in the tenant has: what Open Food Facts says of it, for a food service when
 * `OPENFOODFACTS_ENABLED`. At most `OPENFOODFACTS_TIMEOUT_MS` (2 s); any failure is "no suggestion", and the
 * web shows the empty form at once and fills it if an answer arrives, so creation never waits on it.
 */
export async function suggestProduct(
  deps: Pick<Deps, 'db' | 'foodFacts'>,
  actor: Actor,
  input: ProductSuggestInput,
): Promise<ProductSuggestResult> {
  const { id } = await loadService(deps.db, actor, input.service_id);
  const service = await deps.db
    .selectFrom('services')
    .select('service_type')
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .executeTakeFirstOrThrow();
  if (!deps.foodFacts.enabled || !FOOD_SERVICES.has(service.service_type)) return NOTHING;
  const suggestion = await deps.foodFacts.find(input.barcode);
  return suggestion ? { suggestion, source: 'openfoodfacts' } : NOTHING;
}
