import type { LossReason } from '@stockscan/contracts';
import type ExcelJS from 'exceljs';
import { currencyLabel, neutralizeFormula } from './columns';
import type { WorkbookMeta } from './export-writer';
import type { ExportSummary, Totals } from './summary';

export const SUMMARY_SHEET = 'Synthèse';

const REASON_LABEL: Record<LossReason, string> = {
  breakage: 'Casse',
  expired: 'Périmé',
  theft: 'Vol',
  free: 'Offert',
  mistake: 'Erreur',
  other: 'Autre',
};

const BOLD = { font: { bold: true } } satisfies Partial<ExcelJS.Style>;
const SECTION = { font: { bold: true, size: 12 } } satisfies Partial<ExcelJS.Style>;
const TABLE_HEADER = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  border: { bottom: { style: 'thin' } },
} satisfies Partial<ExcelJS.Style>;
const FORMAT = { integer: '#,##0', quantity: '#,##0.0##', money: '#,##0.00' } as const;

type Format = keyof typeof FORMAT | null;

/**
 * The PRO "Synthèse" sheet (`reports_advanced`): key figures, then one table per category (and per month
 * for a range), then losses by reason. A handful of rows, written after the Inventaire sheet is committed.
 */
export function writeSummarySheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  meta: WorkbookMeta,
  summary: ExportSummary,
): void {
  const c = currencyLabel(meta.currency);
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  sheet.columns = [{ width: 46 }, { width: 14 }, { width: 14 }, { width: 18 }, { width: 18 }];

  const line = (
    values: (string | number | null)[],
    formats: Format[] = [],
    style?: Partial<ExcelJS.Style>,
  ) => {
    const row = sheet.addRow(values);
    values.forEach((_, i) => {
      const format = formats[i];
      // A fresh object per cell: exceljs's numFmt setter would otherwise mutate the shared style.
      if (style || format)
        row.getCell(i + 1).style = { ...style, ...(format ? { numFmt: FORMAT[format] } : {}) };
    });
    row.commit();
  };
  const table = (headers: string[]) => line(headers, [], TABLE_HEADER);
  const totalsLine = (label: string, t: Totals) =>
    line(
      [label, t.lines, t.quantity, t.value_purchase, t.value_selling],
      [null, 'integer', 'quantity', 'money', 'money'],
    );

  line([`Synthèse — ${meta.title}`], [], { font: { bold: true, size: 14 } });
  line([]);
  line(['Chiffres clés'], [], SECTION);
  const t = summary.totals;
  line(['Produits comptés (lignes exportées)', t.lines], [null, 'integer']);
  line(['Quantité totale (reste des contenants ouverts inclus)', t.quantity], [null, 'quantity']);
  line([`Valeur du stock au prix d’achat (${c})`, t.value_purchase], [null, 'money']);
  line([`Valeur du stock au prix de vente (${c})`, t.value_selling], [null, 'money']);
  line(['Lignes sans prix d’achat', t.unpriced], [null, 'integer']);
  if (summary.losses) {
    line(['Pertes (événements)', summary.losses.events], [null, 'integer']);
    line([`Pertes (coût, ${c})`, summary.losses.cost], [null, 'money']);
  }

  line([]);
  line(['Par catégorie'], [], SECTION);
  table(['Catégorie', 'Produits', 'Quantité', `Valeur achat (${c})`, `Valeur vente (${c})`]);
  for (const row of summary.by_category)
    totalsLine(row.category === null ? 'Sans catégorie' : neutralizeFormula(row.category), row);
  line(
    ['Total', t.lines, t.quantity, t.value_purchase, t.value_selling],
    [null, 'integer', 'quantity', 'money', 'money'],
    BOLD,
  );

  if (summary.by_month.length > 0) {
    line([]);
    line(['Par mois'], [], SECTION);
    table(['Mois', 'Produits', 'Quantité', `Valeur achat (${c})`, `Valeur vente (${c})`]);
    for (const row of summary.by_month) totalsLine(row.month, row);
  }

  if (summary.losses) {
    line([]);
    line(['Pertes par motif'], [], SECTION);
    table(['Motif', 'Événements', 'Quantité', `Coût (${c})`]);
    for (const r of summary.losses.by_reason)
      line([REASON_LABEL[r.reason], r.events, r.quantity, r.cost], [null, 'integer', 'quantity', 'money']);
  }
  sheet.commit();
}
