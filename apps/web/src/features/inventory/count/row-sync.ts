import type { Places } from '../places/usePlace';
import type { Service } from '../scope/service-features';
import type { CountSync } from './count-sync';
import { type CountScope, entryKey, lineKey, type PendingEntry } from './pending-queue';
import type { UpsertResult } from './useCountSync';

/** What every row of one count screen shares: where it saves, in which place, and what waits to be sent. */
export interface RowSync {
  scope: CountScope;
  service: Service;
  sync: CountSync<UpsertResult>;
  /** Pending lines by line key (product, place). */
  pending: Map<string, PendingEntry>;
  inFlight: ReadonlySet<string>;
  /** The place being counted; null = the service as a whole. */
  locationId: string | null;
  places: Places;
  /** The signed-in person (whose counts someone else may replace). */
  me: string | null;
}

/** The props of one product's CountRow. */
export function rowSyncProps(rows: RowSync, productId: string) {
  return {
    scope: rows.scope,
    service: rows.service,
    locationId: rows.locationId,
    places: rows.places,
    me: rows.me,
    entry: rows.pending.get(lineKey(productId, rows.locationId)),
    sending: rows.inFlight.has(entryKey(rows.scope, productId, rows.locationId)),
    sync: rows.sync,
  };
}
