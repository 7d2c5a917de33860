import type { ImportLineProblem, Localized } from '@stockscan/contracts';
import { AppError } from '../../errors';

const PROBLEM: Record<ImportLineProblem, Localized> = {
  identifier_missing: { fr: 'ni nom, ni code-barres, ni référence', en: 'no name, barcode or reference' },
  quantity_missing: { fr: 'quantité manquante', en: 'quantity missing' },
  quantity_invalid: { fr: 'quantité illisible ou négative', en: 'unreadable or negative quantity' },
  cost_invalid: { fr: 'prix illisible ou négatif', en: 'unreadable or negative price' },
  revenue_invalid: { fr: 'montant illisible ou négatif', en: 'unreadable or negative amount' },
  pack_invalid: { fr: 'colisage illisible', en: 'unreadable pack size' },
  date_invalid: { fr: 'date illisible', en: 'unreadable date' },
  unmatched: { fr: 'produit non reconnu, à lier ou à créer', en: 'unknown product, link or create it' },
  product_invalid: {
    fr: 'produit choisi introuvable dans ce service',
    en: 'chosen product not in this service',
  },
};

export function problemText(problem: ImportLineProblem): Localized {
  return PROBLEM[problem];
}

/** A file that cannot be read at all (not CSV/XLSX, no header, no line). */
export function unreadableFile(reason: Localized): AppError {
  return new AppError('IMPORT_INVALID', {
    fr: `Ce fichier ne peut pas être importé : ${reason.fr}.`,
    en: `This file cannot be imported: ${reason.en}.`,
  });
}

const MAX_NAMED = 10;

/** 400 IMPORT_INVALID naming the lines at fault: in the message, in `fields` (line_N) and in `lines`. */
export function invalidLines(faults: { line: number; problems: ImportLineProblem[] }[]): AppError {
  const shown = faults.slice(0, MAX_NAMED);
  const more = faults.length - shown.length;
  const say = (locale: 'fr' | 'en') => {
    const parts = shown.map(
      (f) =>
        `${locale === 'fr' ? 'ligne' : 'line'} ${f.line} (${f.problems.map((p) => PROBLEM[p][locale]).join(', ')})`,
    );
    const tail = more > 0 ? (locale === 'fr' ? ` et ${more} autre(s)` : ` and ${more} more`) : '';
    return `${parts.join(' ; ')}${tail}`;
  };
  const fields = Object.fromEntries(
    faults.map((f) => [`line_${f.line}`, f.problems.map((p) => PROBLEM[p].fr).join(', ')]),
  );
  return new AppError(
    'IMPORT_INVALID',
    {
      fr: `Lignes du fichier à corriger : ${say('fr')}.`,
      en: `Lines of the file to fix: ${say('en')}.`,
    },
    fields,
    undefined,
    { lines: faults.map((f) => f.line) },
  );
}
