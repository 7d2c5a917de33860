import type { ContainerStatus, Count, CountLineInput, InventoryWarning } from '@stockscan/contracts';
import type { Count as CountRow } from '@stockscan/db';
import { featureOn } from '@stockscan/entitlements';
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
    };
    byProduct.set(key, prepared);
  }
  for (const line of byProduct.values()) {
    if (line.container_status === 'OPENED' && line.remaining_fraction === null)
      warnings.push(
        warning('OPENED_WITHOUT_FRACTION', { field: 'remaining_fraction', product_id: line.product_id }),
      );
    if (tracksExpiry && line.quantity + (line.remaining_fraction ?? 0) > 0 && !line.expiry_date)
      warnings.push(warning('EXPIRY_MISSING', { field: 'expiry_date', product_id: line.product_id }));
  }
  return { lines: [...byProduct.values()], warnings };
}
