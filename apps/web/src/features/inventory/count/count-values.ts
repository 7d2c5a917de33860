import type { AppRouter } from '@stockscan/api';
import type { ContainerStatus } from '@stockscan/contracts';
import type { inferRouterOutputs } from '@trpc/server';
import type { LineView } from './line-store';
import type { PendingLine } from './pending-queue';

type ScreenItem = inferRouterOutputs<AppRouter>['inventory']['counts']['screen']['items'][number];
export type RowProduct = ScreenItem['product'];
/** What the row shows of a stored count: the screen's (or a full one, from the scan or a save). */
export type RowCount = NonNullable<ScreenItem['count']>;

/** What a row lets the person set about one product's count. */
export interface CountValues {
  quantity: number;
  container_status: ContainerStatus;
  remaining_fraction: number | null;
  expiry_date: string | null;
  lot_number: string | null;
}

export function valuesOf(source: PendingLine | RowCount | LineView | null | undefined): CountValues | null {
  if (!source) return null;
  return {
    quantity: source.quantity,
    container_status: source.container_status ?? 'SEALED',
    remaining_fraction: source.remaining_fraction ?? null,
    expiry_date: source.expiry_date ?? null,
    lot_number: source.lot_number ?? null,
  };
}

/** The values after a change: a sealed container has no remaining fraction. */
export function changedValues(current: CountValues | null, patch: Partial<CountValues>): CountValues {
  const next: CountValues = {
    quantity: current?.quantity ?? 0,
    container_status: current?.container_status ?? 'SEALED',
    remaining_fraction: current?.remaining_fraction ?? null,
    expiry_date: current?.expiry_date ?? null,
    lot_number: current?.lot_number ?? null,
    ...patch,
  };
  if (next.container_status !== 'OPENED') next.remaining_fraction = null;
  return next;
}
