import type { ImportLineProblem, ImportResolution, ProductUnit } from '@stockscan/contracts';
import type { ReadLine } from './lines';
import type { Matcher } from './match';
import { normaliseBarcode, normaliseSku, normaliseText } from './normalise';

/** A product the commit creates: lines naming the same one share it. */
export interface NewProduct {
  key: string;
  name: string;
  barcode: string | null;
  sku: string | null;
  unit: ProductUnit | null;
  unit_cost: number | null;
}

export interface ResolvedLine {
  line: ReadLine;
  /** An existing product id, or the key of a NewProduct. */
  product: { id: string } | { newKey: string };
}

export interface Resolution {
  lines: ResolvedLine[];
  creations: NewProduct[];
  faults: { line: number; problems: ImportLineProblem[] }[];
  skipped: number;
}

const newKey = (l: ReadLine, name: string) =>
  l.barcode
    ? `b:${normaliseBarcode(l.barcode)}`
    : l.sku
      ? `s:${normaliseSku(l.sku)}`
      : `n:${normaliseText(name)}`;

/**
 * Each line's product at commit: the user's choice (link, create, skip) first, else the match. Lines with
 * unreadable values, no product, or a linked product outside the service are faults; empty lines are skipped.
 */
export function resolveLines(
  lines: ReadLine[],
  match: Matcher,
  choices: ImportResolution[],
  serviceProductIds: ReadonlySet<string>,
): Resolution {
  const byLine = new Map(choices.map((c) => [c.line, c]));
  const out: Resolution = { lines: [], creations: [], faults: [], skipped: 0 };
  const created = new Map<string, NewProduct>();
  for (const line of lines) {
    const choice = byLine.get(line.line);
    if (choice?.action === 'skip') {
      out.skipped++;
      continue;
    }
    if (line.problems.length > 0) {
      out.faults.push({ line: line.line, problems: line.problems });
      continue;
    }
    if (!line.quantity && !line.revenue) {
      out.skipped++;
      continue;
    }
    if (choice?.action === 'link') {
      if (serviceProductIds.has(choice.product_id))
        out.lines.push({ line, product: { id: choice.product_id } });
      else out.faults.push({ line: line.line, problems: ['product_invalid'] });
    } else if (choice?.action === 'create') {
      const name = choice.name ?? line.name ?? line.barcode ?? line.sku ?? '';
      const key = newKey(line, name);
      if (!created.has(key))
        created.set(key, {
          key,
          name,
          barcode: line.barcode,
          sku: line.sku,
          unit: choice.unit ?? null,
          unit_cost: line.unit_cost,
        });
      out.lines.push({ line, product: { newKey: key } });
    } else {
      const found = match(line);
      if (found) out.lines.push({ line, product: { id: found.product_id } });
      else out.faults.push({ line: line.line, problems: ['unmatched'] });
    }
  }
  out.creations = [...created.values()];
  return out;
}
