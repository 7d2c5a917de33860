import { parse } from 'csv-parse/sync';
import { decodeText } from './decode';

const CANDIDATES = [';', ',', '\t', '|'] as const;

/** Count of `sep` outside double quotes in one line. */
function countOutsideQuotes(line: string, sep: string): number {
  let inQuotes = false;
  let n = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === sep && !inQuotes) n++;
  }
  return n;
}

/**
 * The separator that splits the first lines most consistently: present on most lines, same count on each.
 * A title line above the header may lack it, so lines are scored, not required to agree.
 */
export function detectSeparator(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 30);
  let best: { sep: string; score: number } = { sep: ';', score: -1 };
  for (const sep of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, sep)).filter((c) => c > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, modeLines] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] as [
      number,
      number,
    ];
    // Lines that agree on one column count, then more columns, win.
    const score = modeLines * 1000 + mode;
    if (score > best.score) best = { sep, score };
  }
  return best.sep;
}

export interface RawRow {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

// csv-parse reports the line where a record ends; a quoted cell may span lines.
const newlinesIn = (cells: string[]) => cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);

/** Rows of a CSV file of any separator and encoding, cells trimmed, empty rows dropped. */
export function readCsv(bytes: Buffer): RawRow[] {
  const text = decodeText(bytes);
  const records = parse(text, {
    delimiter: detectSeparator(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records
    .map(({ record, info }) => ({ line: info.lines - newlinesIn(record), cells: record }))
    .filter((r) => r.cells.some((c) => c !== ''));
}
