import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  type CellValue,
  COLUMN,
  COLUMN_COUNT,
  type ColumnKind,
  type ExportRow,
  exportCells,
  exportColumns,
  round2,
  round3,
} from './columns';
import type { ExportWriter, WorkbookMeta } from './export-writer';
import { openLocationsSheet } from './xlsx-locations';
import { writeSummarySheet } from './xlsx-summary';
import { writeUsageSheet } from './xlsx-usage';

type Style = Partial<ExcelJS.Style>;

// Shared style objects: exceljs caches a style by identity, so reusing them keeps 800k cells cheap.
const STYLE = {
  plain: {},
  title: { font: { bold: true, size: 14 } },
  header: {
    font: { bold: true, color: { argb: 'FFFFFFFF' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } },
    alignment: { vertical: 'middle', wrapText: true },
    border: { bottom: { style: 'thin' } },
  },
  integer: { numFmt: '#,##0' },
  decimal: { numFmt: '#,##0.0##' },
  money: { numFmt: '#,##0.00' },
  percent: { numFmt: '0%' },
  rateInteger: { numFmt: '0' },
  rateDecimal: { numFmt: '0.0#' },
  date: { numFmt: 'dd/mm/yyyy' },
  totalLabel: { font: { bold: true }, border: { top: { style: 'thin' } } },
  totalMoney: { font: { bold: true }, numFmt: '#,##0.00', border: { top: { style: 'thin' } } },
  totalQuantity: { font: { bold: true }, numFmt: '#,##0.0##', border: { top: { style: 'thin' } } },
} satisfies Record<string, Style>;

/** A whole number gets no decimals; others show theirs (no "4," trailing separator in French Excel). */
function styleFor(kind: ColumnKind, value: number): Style | null {
  switch (kind) {
    case 'quantity':
      return Number.isInteger(value) ? STYLE.integer : STYLE.decimal;
    case 'money':
      return STYLE.money;
    case 'fraction':
      return STYLE.percent;
    case 'rate':
      return Number.isInteger(value) ? STYLE.rateInteger : STYLE.rateDecimal;
    default:
      return null;
  }
}

/** 'YYYY-MM-DD' → a UTC Date, which exceljs stores as the Excel serial of that day (no string parsing). */
const utcDay = (iso: string): Date =>
  new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

export const INVENTORY_SHEET = 'Inventaire';
const HEADER_ROW = 2;

/**
 * Streams the workbook into `out` as rows arrive (exceljs WorkbookWriter, inline strings: nothing is
 * kept per row once committed). Sheet 1: title, frozen styled header with autofilter, rows, totals.
 */
export function createXlsxWriter(out: Writable, meta: WorkbookMeta): ExportWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'StockScan';
  workbook.created = meta.created;
  workbook.modified = meta.created;

  const columns = exportColumns(meta.currency);
  const sheet = workbook.addWorksheet(INVENTORY_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));

  const title = sheet.addRow([meta.title]);
  title.getCell(1).style = STYLE.title;
  title.height = 22;
  sheet.mergeCells(1, 1, 1, COLUMN_COUNT);
  title.commit();

  const header = sheet.addRow(columns.map((c) => c.header));
  for (let i = 1; i <= COLUMN_COUNT; i++) header.getCell(i).style = STYLE.header;
  header.height = 30;
  header.commit();
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: COLUMN_COUNT } };

  // exceljs writes the sheet's XML into the zip entry's stream ignoring its backpressure: we look at it
  // ourselves, or a slower deflate (or client) lets the XML pile up in memory (18 MB at 40k rows).
  let current: ExcelJS.Worksheet = sheet;
  const sheetPipes = (): Writable[] =>
    (current as unknown as { stream: { pipes?: Writable[] } }).stream.pipes ?? [];

  let lines = 0;
  let quantity = 0;
  let valuePurchase = 0;
  let inventoryEnded = false;

  return {
    addRow(row: ExportRow) {
      const cells = exportCells(row);
      const xlsxRow = sheet.addRow(cells.map((value, i) => xlsxValue(value, columns[i]?.kind)));
      cells.forEach((value, i) => {
        const kind = columns[i]?.kind ?? 'text';
        const style =
          kind === 'date' && value !== null
            ? STYLE.date
            : typeof value === 'number'
              ? styleFor(kind, value)
              : null;
        // Every cell gets a shared object, plain ones too: exceljs would else resolve a fresh {} per cell.
        xlsxRow.getCell(i + 1).style = style ?? STYLE.plain;
      });
      xlsxRow.commit();
      lines += 1;
      quantity += row.quantity;
      valuePurchase += (cells[COLUMN.valuePurchase - 1] as number | null) ?? 0;
    },

    congested: () => sheetPipes().find(needsDrain) ?? (out.writableNeedDrain ? out : null),

    openLocations() {
      endInventory();
      const locations = openLocationsSheet(workbook, meta);
      current = locations.sheet;
      return locations.add;
    },

    async finish(summary, usage) {
      endInventory();
      if (current !== sheet) current.commit();
      if (summary) writeSummarySheet(workbook, meta, summary);
      if (usage && usage.length > 0) writeUsageSheet(workbook, meta, usage);
      await workbook.commit();
    },
  };

  /** The totals row, then the sheet is closed (once): the next sheets stream after it. */
  function endInventory() {
    if (inventoryEnded) return;
    inventoryEnded = true;
    const first = HEADER_ROW + 1;
    const last = HEADER_ROW + lines;
    const subtotal = (column: number, result: number): ExcelJS.CellValue => {
      if (lines === 0) return 0;
      const letter = String.fromCharCode(64 + column);
      return {
        formula: `SUBTOTAL(109,${letter}${first}:${letter}${last})`,
        result,
      } as ExcelJS.CellFormulaValue;
    };
    const totals = sheet.addRow([]);
    totals.getCell(COLUMN.name).value = `Total (${lines} ${lines > 1 ? 'lignes' : 'ligne'})`;
    totals.getCell(COLUMN.quantity).value = subtotal(COLUMN.quantity, round3(quantity));
    totals.getCell(COLUMN.valuePurchase).value = subtotal(COLUMN.valuePurchase, round2(valuePurchase));
    for (let i = 1; i <= COLUMN_COUNT; i++) totals.getCell(i).style = STYLE.totalLabel;
    totals.getCell(COLUMN.quantity).style = STYLE.totalQuantity;
    totals.getCell(COLUMN.valuePurchase).style = STYLE.totalMoney;
    totals.commit();
    sheet.commit();
  }
}

/**
 * archiver wraps the entry in a readable-stream@2 PassThrough, which predates `writableNeedDrain`. Its
 * 16 KB high-water mark is the window: measured, a 1 MB window cost ~45 MB more peak RSS for no speed.
 */
function needsDrain(stream: Writable): boolean {
  const legacy = (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState;
  return stream.writableNeedDrain ?? legacy?.needDrain === true;
}

function xlsxValue(value: CellValue, kind: ColumnKind | undefined): ExcelJS.CellValue {
  if (kind === 'date' && typeof value === 'string') return utcDay(value);
  return value;
}
