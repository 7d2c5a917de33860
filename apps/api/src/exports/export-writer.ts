import type { Writable } from 'node:stream';
import type { UsageResult } from '@stockscan/contracts';
import type { ExportRow } from './columns';
import type { LocationRow } from './stream-location-rows';
import type { ExportSummary } from './summary';

/** One service's consumption report for the export's last month (the "Consommation" sheet). */
export interface UsageSheetPart {
  serviceName: string;
  report: UsageResult;
}

export interface WorkbookMeta {
  /** "Inventaire 11/2026 — Bistrot (Services : Bar, Cuisine)" */
  title: string;
  currency: string;
  /** Stamped in the workbook properties (deps.now(), not the wall clock). */
  created: Date;
}

/** Writes one export file into a stream, row by row; `finish` ends the file (and the stream). */
export interface ExportWriter {
  addRow(row: ExportRow): void;
  /** A stream between the rows and `out` that is full and must drain before more rows, if any. */
  congested(): Writable | null;
  /**
   * XLSX only: ends the main table and opens the "Emplacements" sheet, whose rows the returned function adds
   * (call it once, after the last `addRow`). A CSV is one table: absent.
   */
  openLocations?(): (row: LocationRow) => void;
  /**
   * `summary` adds the PRO "Synthèse" sheet, `usage` the BOUTIQUE+ "Consommation" sheet (XLSX only; a CSV is
   * one table).
   */
  finish(summary: ExportSummary | null, usage?: UsageSheetPart[] | null): Promise<void>;
}
