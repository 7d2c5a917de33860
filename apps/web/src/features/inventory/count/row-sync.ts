import type { Service } from '../scope/service-features';
import type { CountSync } from './count-sync';
import { type CountScope, entryKey, type PendingEntry } from './pending-queue';
import type { UpsertResult } from './useCountSync';

/** What every row of one count screen shares: where it saves and what is waiting to be sent. */
export interface RowSync {
  scope: CountScope;
  service: Service;
  sync: CountSync<UpsertResult>;
  pending: Map<string, PendingEntry>;
  inFlight: ReadonlySet<string>;
  confirmedVersion: number;
}

/** The props of one product's CountRow. */
export function rowSyncProps(rows: RowSync, productId: string) {
  return {
    scope: rows.scope,
    service: rows.service,
    entry: rows.pending.get(productId),
    sending: rows.inFlight.has(entryKey(rows.scope, productId)),
    sync: rows.sync,
    confirmedVersion: rows.confirmedVersion,
  };
}
