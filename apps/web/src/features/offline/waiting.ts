import type { Outbox, OutboxKind } from '../../shared/offline/outbox';
import { lineStatus, type PendingQueue } from '../inventory/count/pending-queue';

/** One line of the "à envoyer" list: a count, a loss or a spot check typed on this phone and not yet sent. */
export interface WaitingRow {
  key: string;
  kind: 'count' | OutboxKind;
  label: string;
  /** A count's quantity (sealed units + the opened container's rest). */
  quantity: number | null;
  month: string | null;
  state: 'waiting' | 'sending' | 'failed';
  code: string | null;
  at: number;
}

/** Everything this person has waiting, counts first by month, then losses and checks in the order typed. */
export function waitingRows(
  queue: PendingQueue,
  countsInFlight: ReadonlySet<string>,
  outbox: Outbox,
  outboxInFlight: ReadonlySet<string>,
): WaitingRow[] {
  const counts: WaitingRow[] = Object.entries(queue).map(([key, entry]) => ({
    key,
    kind: 'count',
    label: entry.label ?? entry.line.product_id.slice(0, 8),
    quantity: Math.round((entry.line.quantity + (entry.line.remaining_fraction ?? 0)) * 1000) / 1000,
    month: entry.month,
    state: countsInFlight.has(key) ? 'sending' : lineStatus(entry) === 'failed' ? 'failed' : 'waiting',
    code: entry.failed?.code ?? null,
    at: Date.parse(entry.line.counted_at) || 0,
  }));
  const others: WaitingRow[] = Object.values(outbox).map((item) => ({
    key: item.key,
    kind: item.kind,
    label: item.label,
    quantity: null,
    month: null,
    state: outboxInFlight.has(item.key) ? 'sending' : item.failed ? 'failed' : 'waiting',
    code: item.failed?.code ?? null,
    at: item.created_at,
  }));
  return [
    ...counts.sort((a, b) => (a.month ?? '').localeCompare(b.month ?? '') || a.at - b.at),
    ...others.sort((a, b) => a.at - b.at),
  ];
}
