import {
  IMPORT_FIELDS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_LINES,
  type ImportColumn,
  type ImportKind,
  type ImportMapping,
} from '@stockscan/contracts';
import { AppError } from '../../errors';
import { proposeMapping } from './headers';
import { unreadableFile } from './invalid';
import { type ReadLine, readLines } from './lines';
import { readTable } from './table';

export interface ReadImport {
  format: 'csv' | 'xlsx';
  header_line: number;
  columns: ImportColumn[];
  proposed_mapping: ImportMapping;
  mapping: ImportMapping;
  lines: ReadLine[];
}

const SAMPLES = 3;

/** The bytes of a base64 upload, refused past the size cap. */
export function fileBytes(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw unreadableFile({ fr: 'fichier vide', en: 'empty file' });
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  return bytes;
}

/** Keeps only the kind's fields and columns that exist; the fields not given stay unmapped. */
function cleanMapping(mapping: ImportMapping, kind: ImportKind, width: number): ImportMapping {
  return Object.fromEntries(
    IMPORT_FIELDS[kind].map((f) => {
      const index = mapping[f];
      return [f, index !== null && index !== undefined && index < width ? index : null];
    }),
  );
}

/** Reads a delivery or till file: its columns, a proposed mapping and its lines read through `chosen`. */
export async function readImport(
  bytes: Buffer,
  kind: ImportKind,
  chosen?: ImportMapping,
): Promise<ReadImport> {
  const table = await readTable(bytes, kind);
  if (table.rows.length > IMPORT_MAX_LINES)
    throw unreadableFile({
      fr: `plus de ${IMPORT_MAX_LINES} lignes`,
      en: `more than ${IMPORT_MAX_LINES} lines`,
    });
  const width = Math.max(table.header.length, ...table.rows.slice(0, 50).map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, index) => ({
    index,
    header: table.header[index] ?? '',
    samples: table.rows
      .map((r) => r.cells[index] ?? '')
      .filter((c) => c !== '')
      .slice(0, SAMPLES),
  }));
  const proposed = proposeMapping(table.header, kind);
  const mapping = chosen ? cleanMapping(chosen, kind, width) : proposed;
  return {
    format: table.format,
    header_line: table.headerLine,
    columns,
    proposed_mapping: proposed,
    mapping,
    lines: readLines(table.rows, table.header, mapping, kind),
  };
}
