import type { AppRouter } from '@stockscan/api';
import type { ContainerStatus } from '@stockscan/contracts';
import type { inferRouterOutputs } from '@trpc/server';
import type { LineView } from './line-store';
import type { PendingLine } from './pending-queue';

type ScreenItem = inferRouterOutputs<AppRouter>['inventory']['counts']['screen']['items'][number];
export type RowProduct = ScreenItem['product'];
/** What the row shows of a stored count: the screen's (or a full one, from the scan or a save). */
export type RowCount = NonNullable<ScreenItem['count']>;

/** Whole packs and loose units as typed ("3 cartons + 4"); the quantity is their sum in units. */
export interface Packed {
  packs: number;
  units: number;
}

/** What a row lets the person set about one product's count. */
export interface CountValues {
  /** Units in all (packs counted in). */
  quantity: number;
  /** How the quantity was typed when counted as packs + units on this phone; null otherwise. */
  packed: Packed | null;
  container_status: ContainerStatus;
  remaining_fraction: number | null;
  /** The opened container's weight on the scale (grams); its remaining fraction is computed from it. */
  weight_g: number | null;
  expiry_date: string | null;
  lot_number: string | null;
}

export function valuesOf(source: PendingLine | RowCount | LineView | null | undefined): CountValues | null {
  if (!source) return null;
  return {
    quantity: source.quantity,
    packed: ('packed' in source ? source.packed : null) ?? null,
    container_status: source.container_status ?? 'SEALED',
    remaining_fraction: source.remaining_fraction ?? null,
    weight_g: ('weight_g' in source ? source.weight_g : null) ?? null,
    expiry_date: source.expiry_date ?? null,
    lot_number: source.lot_number ?? null,
  };
}

/**
 * The values after a change: a sealed container has no remaining fraction nor weight; a quantity typed
 * in one field is no longer packs + units; a fraction chosen by eye is no longer a weighing.
 */
export function changedValues(current: CountValues | null, patch: Partial<CountValues>): CountValues {
  const next: CountValues = {
    quantity: current?.quantity ?? 0,
    packed: current?.packed ?? null,
    container_status: current?.container_status ?? 'SEALED',
    remaining_fraction: current?.remaining_fraction ?? null,
    weight_g: current?.weight_g ?? null,
    expiry_date: current?.expiry_date ?? null,
    lot_number: current?.lot_number ?? null,
    ...patch,
  };
  if ('quantity' in patch && !('packed' in patch)) next.packed = null;
  if ('remaining_fraction' in patch && !('weight_g' in patch)) next.weight_g = null;
  if (next.container_status !== 'OPENED') {
    next.remaining_fraction = null;
    next.weight_g = null;
  }
  return next;
}
