import type { ImportKind } from '@stockscan/contracts';
import { type RawRow, readCsv } from './csv';
import { headerFieldCount } from './headers';
import { unreadableFile } from './invalid';
import { readXlsx } from './xlsx';

export interface ImportTable {
  format: 'csv' | 'xlsx';
  headerLine: number;
  header: string[];
  /** The rows under the header. */
  rows: RawRow[];
}

/** How far down a title block may push the header. */
const HEADER_SEARCH_ROWS = 25;

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** NUL bytes mean a binary file (an old .xls, a PDF…), not text. */
const looksBinary = (b: Buffer) => b.subarray(0, 4096).includes(0);

async function readRows(bytes: Buffer): Promise<{ format: 'csv' | 'xlsx'; rows: RawRow[] }> {
  if (isZip(bytes)) {
    try {
      return { format: 'xlsx', rows: await readXlsx(bytes) };
    } catch {
      throw unreadableFile({ fr: 'classeur Excel illisible', en: 'unreadable Excel workbook' });
    }
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes))
    throw unreadableFile({ fr: 'ni CSV ni XLSX', en: 'neither CSV nor XLSX' });
  try {
    return { format: 'csv', rows: readCsv(bytes) };
  } catch {
    throw unreadableFile({ fr: 'CSV illisible', en: 'unreadable CSV' });
  }
}

/**
 * The file as a header and its rows. The header is the row, among the first ones, that names the most
 * known columns (a supplier's title, address or date lines often sit above it).
 */
export async function readTable(bytes: Buffer, kind: ImportKind): Promise<ImportTable> {
  const { format, rows } = await readRows(bytes);
  let best = { index: -1, fields: 1 };
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const fields = headerFieldCount(row.cells, kind);
    if (fields > best.fields) best = { index, fields };
  });
  const headerRow = rows[best.index];
  if (!headerRow)
    throw unreadableFile({
      fr: 'aucune ligne d’en-tête reconnue (désignation, code-barres, quantité…)',
      en: 'no header row found (name, barcode, quantity…)',
    });
  const body = rows.slice(best.index + 1);
  if (body.length === 0)
    throw unreadableFile({ fr: 'aucune ligne sous l’en-tête', en: 'no line under the header' });
  return { format, headerLine: headerRow.line, header: headerRow.cells, rows: body };
}
