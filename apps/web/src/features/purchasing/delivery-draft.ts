import { parseDecimal } from '../inventory/scope/format';
import type { LineDraft } from './DeliveryLine';

export interface DraftLineInput {
  product_id: string;
  packs?: number;
  quantity?: number;
  unit_cost?: number | null;
}

/** A typed line as the API wants it; null when it has neither packs nor units (or a malformed number). */
export function lineInput(line: LineDraft): DraftLineInput | null {
  const packs = line.packs.trim() ? parseDecimal(line.packs) : 0;
  const units = line.units.trim() ? parseDecimal(line.units) : 0;
  const cost = line.unitCost.trim() ? parseDecimal(line.unitCost, 4) : null;
  if (packs === null || units === null || packs + units <= 0) return null;
  if (line.unitCost.trim() && cost === null) return null;
  return {
    product_id: line.product.id,
    ...(packs > 0 ? { packs } : {}),
    ...(units > 0 ? { quantity: units } : {}),
    unit_cost: cost,
  };
}
