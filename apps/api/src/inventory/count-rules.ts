import type { ContainerStatus, Count, CountLineInput, InventoryWarning } from '@stockscan/contracts';
import type { Count as CountRow } from '@stockscan/db';
import { featureOn, fractionFromWeight, unitsFromPacks } from '@stockscan/entitlements';
import { AppError } from '../errors';
import { iso } from './dates';
import type { ServiceRow } from './scope';
import { warning } from './warnings';

/** A count line ready to write: service features applied, time settled. */
export interface PreparedLine {
  product_id: string;
  quantity: number;
  container_status: ContainerStatus;
  remaining_fraction: number | null;
  expiry_date: string | null;
  lot_number: string | null;
  counted_at: Date;
  location_id: string | null;
  /** Whole packs typed besides `quantity` (loose units), folded in by resolveMeasures. */
  packs: number | null;
  /** The scale's reading for an opened container; resolveMeasures turns it into `remaining_fraction`. */
  weight_g: number | null;
}

/** What resolveMeasures needs to know of a product. */
export interface MeasuredProduct {
  id: string;
  pack_size: number | null;
  full_weight_g: number | null;
  empty_weight_g: number | null;
}

/**
 * Packs + units → units, and a weighed opened container → its remaining fraction (SPEC §11, the rules in
 * @stockscan/entitlements measures). A line that cannot be resolved — packs of a product without a pack
 * size, a weight without the product's full and empty weights — is 400 naming the line's field.
 */
export function resolveMeasures(
  lines: PreparedLine[],
  products: ReadonlyMap<string, MeasuredProduct>,
  fieldOf: (productId: string, field: 'packs' | 'weight_g') => string,
): PreparedLine[] {
  const fields: Record<string, string> = {};
  const resolved = lines.map((line) => {
    const product = products.get(line.product_id);
    let { quantity, remaining_fraction } = line;
    if (line.packs !== null) {
      const size = product?.pack_size ?? null;
      if (size === null || size <= 1)
        fields[fieldOf(line.product_id, 'packs')] =
          'Ce produit n’a pas de colisage : indiquez la taille du colis dans sa fiche.';
      else quantity = unitsFromPacks(line.packs, line.quantity, size);
    }
    if (line.weight_g !== null) {
      const fraction = fractionFromWeight(
        line.weight_g,
        product?.full_weight_g ?? null,
        product?.empty_weight_g ?? null,
      );
      if (fraction === null)
        fields[fieldOf(line.product_id, 'weight_g')] =
          'Renseignez le poids plein et le poids vide du produit pour le peser.';
      else remaining_fraction = fraction;
    }
    return { ...line, quantity, remaining_fraction };
  });
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_ERROR', undefined, fields);
  return resolved;
}

export function toCount(row: CountRow): Count {
  return {
    id: row.id,
    product_id: row.product_id,
    service_id: row.service_id,
    inventory_month: row.inventory_month,
    quantity: row.quantity,
    container_status: row.container_status,
    remaining_fraction: row.remaining_fraction,
    expiry_date: row.expiry_date,
    lot_number: row.lot_number,
    counted_by: row.counted_by,
    counted_at: iso(row.counted_at),
    updated_at: iso(row.updated_at),
    location_id: row.location_id,
    weight_g: row.weight_g,
  };
}

/**
 * Shapes a batch for the service: one line per product and place (the latest taken wins, then the last sent),
 * fields of untracked features dropped with a warning, a phone's clock never ahead of ours.
 */
export function prepareLines(
  service: ServiceRow,
  lines: CountLineInput[],
  now: Date,
): { lines: PreparedLine[]; warnings: InventoryWarning[] } {
  const byProduct = new Map<string, PreparedLine>();
  const tracksOpened = featureOn(service.features, 'open_container_tracking');
  const tracksExpiry = featureOn(service.features, 'dlc');
  const tracksLot = featureOn(service.features, 'lot');
  const warnings: InventoryWarning[] = [];
  for (const line of lines) {
    const taken = line.counted_at ? new Date(line.counted_at) : now;
    const counted_at = taken.getTime() > now.getTime() ? now : taken;
    const location_id = line.location_id ?? null;
    const key = `${line.product_id}/${location_id ?? ''}`;
    const kept = byProduct.get(key);
    if (kept && kept.counted_at.getTime() > counted_at.getTime()) continue;
    const product_id = line.product_id;
    const ignored = (field: string) => warnings.push(warning('FIELD_IGNORED', { field, product_id }));
    const opened = line.container_status === 'OPENED';
    if (opened && !tracksOpened) ignored('container_status');
    if (line.expiry_date && !tracksExpiry) ignored('expiry_date');
    if (line.lot_number && !tracksLot) ignored('lot_number');
    const prepared: PreparedLine = {
      product_id,
      quantity: line.quantity,
      container_status: opened && tracksOpened ? 'OPENED' : 'SEALED',
      remaining_fraction: opened && tracksOpened ? (line.remaining_fraction ?? null) : null,
      expiry_date: tracksExpiry ? (line.expiry_date ?? null) : null,
      lot_number: tracksLot ? (line.lot_number ?? null) : null,
      counted_at,
      location_id,
      packs: line.packs ?? null,
      weight_g: opened && tracksOpened ? (line.weight_g ?? null) : null,
    };
    byProduct.set(key, prepared);
  }
  for (const line of byProduct.values()) {
    if (line.container_status === 'OPENED' && line.remaining_fraction === null && line.weight_g === null)
      warnings.push(
        warning('OPENED_WITHOUT_FRACTION', { field: 'remaining_fraction', product_id: line.product_id }),
      );
    if (tracksExpiry && line.quantity + (line.remaining_fraction ?? 0) > 0 && !line.expiry_date)
      warnings.push(warning('EXPIRY_MISSING', { field: 'expiry_date', product_id: line.product_id }));
  }
  return { lines: [...byProduct.values()], warnings };
}
