import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExportFormat } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { computeUsage } from '../inventory/usage.service';
import { createCsvWriter } from './csv-writer';
import type { ExportPlan } from './export-plan';
import type { ExportWriter, WorkbookMeta } from './export-writer';
import { type RowScope, streamExportChunks } from './stream-export-rows';
import { streamLocationChunks } from './stream-location-rows';
import { summarizeLosses } from './summarize-losses';
import { SummaryAccumulator } from './summary';
import { createXlsxWriter } from './xlsx-writer';

export class ExportAbortedError extends Error {
  constructor(cause?: unknown) {
    super('export aborted: the output closed before the file was complete', { cause });
    this.name = 'ExportAbortedError';
  }
}

function createExportWriter(format: ExportFormat, out: Writable, meta: WorkbookMeta): ExportWriter {
  return format === 'xlsx' ? createXlsxWriter(out, meta) : createCsvWriter(out, meta);
}

/**
 * Writes the plan's file into `out` from a database cursor and resolves with the number of rows once
 * `out` has taken the last byte. Waits whenever `out` is full (a slow client never makes the server
 * buffer the file), and stops reading as soon as `out` closes early.
 */
export async function writeExportFile(
  db: Db,
  plan: ExportPlan,
  out: Writable,
  now: Date,
  onStart?: () => void,
): Promise<number> {
  const scope: RowScope = {
    tenantId: plan.tenant.id,
    serviceIds: plan.services.map((s) => s.id),
    from: plan.from,
    to: plan.to,
    mode: plan.mode,
  };
  // Settles once `out` took the last byte (null) or closed early (the reason); never rejects.
  const outcome = finished(out, { readable: false }).then(
    () => null,
    (error: unknown) => error ?? new Error('closed'),
  );
  let closedEarly: unknown = null;
  void outcome.then((error) => {
    closedEarly = error;
  });

  // The first chunk is fetched before the writer writes a byte: a failing query is still a JSON error.
  const chunks = streamExportChunks(db, scope);
  let next = await chunks.next();
  onStart?.();
  const writer = createExportWriter(plan.format, out, {
    title: plan.title,
    currency: plan.tenant.currency_code,
    created: now,
  });
  const summary = plan.withSummary ? new SummaryAccumulator() : null;
  let rows = 0;
  try {
    while (!next.done) {
      if (closedEarly || out.destroyed) throw new ExportAbortedError(closedEarly);
      for (const row of next.value) {
        writer.addRow(row);
        summary?.add(row);
      }
      rows += next.value.length;
      const congested = writer.congested();
      if (congested) await drained(congested, out);
      next = await chunks.next();
    }
  } finally {
    // Leaving early (error, client gone) closes the server-side cursor and frees its connection.
    if (!next.done) await chunks.return(undefined).catch(() => undefined);
  }
  if (plan.withLocations && writer.openLocations) {
    const addLine = writer.openLocations();
    const lines = streamLocationChunks(db, scope);
    let chunk = await lines.next();
    try {
      while (!chunk.done) {
        if (closedEarly || out.destroyed) throw new ExportAbortedError(closedEarly);
        for (const line of chunk.value) addLine(line);
        const congested = writer.congested();
        if (congested) await drained(congested, out);
        chunk = await lines.next();
      }
    } finally {
      if (!chunk.done) await lines.return(undefined).catch(() => undefined);
    }
  }
  const losses = summary && scope.serviceIds.length > 0 ? await summarizeLosses(db, scope) : null;
  // A closed output can leave exceljs waiting for 'finish' forever: the outcome decides.
  const usage = plan.withUsage ? await usageParts(db, plan) : null;
  await Promise.race([writer.finish(summary ? summary.result(losses) : null, usage), outcome]);
  const error = await outcome;
  if (error) throw new ExportAbortedError(error);
  return rows;
}

/** The "Consommation" sheet: each service's report for the period's last month. */
async function usageParts(db: Db, plan: ExportPlan) {
  const variance = plan.ent.features.stock_variance;
  const parts = [];
  for (const service of plan.services)
    parts.push({
      serviceName: service.name,
      report: await computeUsage(db, plan.tenant.id, service.id, plan.to, variance),
    });
  return parts;
}

/** A client that stops reading for this long loses its download: the cursor must not hold a connection forever. */
const STALLED_AFTER_MS = 60_000;

/** Resolves when `stream` drains, or when it or `out` closes (the loop then sees `out` closed). */
async function drained(stream: Writable, out: Writable): Promise<void> {
  const ac = new AbortController();
  const events = [
    once(stream, 'drain', { signal: ac.signal }),
    once(stream, 'close', { signal: ac.signal }),
    sleep(STALLED_AFTER_MS, 'stalled' as const, { signal: ac.signal }),
  ];
  if (stream !== out) events.push(once(out, 'close', { signal: ac.signal }));
  const outcome = await Promise.race(events).finally(() => ac.abort());
  if (outcome === 'stalled')
    throw new ExportAbortedError(new Error(`output stalled for ${STALLED_AFTER_MS} ms`));
}
