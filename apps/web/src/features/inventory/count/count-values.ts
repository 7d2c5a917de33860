import type { AppRouter } from '@stockscan/api';
import type { ContainerStatus } from '@stockscan/contracts';
import type { inferRouterOutputs } from '@trpc/server';
import type { PendingLine } from './pending-queue';
import type { Count } from './useCountSync';

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

export function valuesOf(source: PendingLine | RowCount | null | undefined): CountValues | null {
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

/** The stored count: the one confirmed during this visit, unless the list brought a newer one (another phone). */
export function storedCount(
  serverCount: RowCount | null,
  confirmed: Count | null | undefined,
): RowCount | null {
  if (confirmed === undefined) return serverCount;
  if (confirmed === null) return null;
  if (serverCount && serverCount.counted_at > confirmed.counted_at) return serverCount;
  return confirmed;
}
