import type { Writable } from 'node:stream';
import { type CellValue, type ColumnKind, type ExportRow, exportCells, exportColumns } from './columns';
import type { ExportWriter, WorkbookMeta } from './export-writer';

const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';
/** Lines gathered before one write to the stream. */
const BATCH = 500;

/** French spreadsheet conventions, which is why the separator is ';': decimal comma, dd/mm/yyyy. */
function csvText(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const text = kind === 'date' ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV for spreadsheets opened in French: UTF-8 with BOM (so Excel reads accents), ';' separator, CRLF.
 * Only the header and one line per row: no title or totals line, so the file stays a plain table.
 */
export function createCsvWriter(out: Writable, meta: WorkbookMeta): ExportWriter {
  const columns = exportColumns(meta.currency);
  const kinds = columns.map((c) => c.kind);
  const lineOf = (cells: CellValue[], kindOf: (i: number) => ColumnKind) =>
    cells.map((value, i) => csvText(value, kindOf(i))).join(SEPARATOR) + EOL;
  const rowKind = (i: number) => kinds[i] ?? 'text';

  out.write(
    BOM +
      lineOf(
        columns.map((c) => c.header),
        () => 'text',
      ),
  );
  let pending: string[] = [];

  return {
    addRow(row: ExportRow) {
      pending.push(lineOf(exportCells(row), rowKind));
      if (pending.length >= BATCH) {
        out.write(pending.join(''));
        pending = [];
      }
    },
    congested: () => (out.writableNeedDrain ? out : null),
    async finish() {
      out.end(pending.join(''));
    },
  };
}
