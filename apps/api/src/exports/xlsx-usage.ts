import type ExcelJS from 'exceljs';
import { currencyLabel, neutralizeFormula } from './columns';
import type { UsageSheetPart, WorkbookMeta } from './export-writer';

export const USAGE_SHEET = 'Consommation';

const HEADER = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  border: { bottom: { style: 'thin' } },
} satisfies Partial<ExcelJS.Style>;
const QUANTITY = { numFmt: '#,##0.0##' } satisfies Partial<ExcelJS.Style>;
const MONEY = { numFmt: '#,##0.00' } satisfies Partial<ExcelJS.Style>;
const MISSING = 'comptage manquant';

/**
 * The BOUTIQUE+ "Consommation" sheet: per service and product, opening + received − closing = usage, losses,
 * sold and the unexplained gap (PRO with imported sales), at the purchase price; biggest gaps first.
 */
export function writeUsageSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  meta: WorkbookMeta,
  parts: UsageSheetPart[],
): void {
  const c = currencyLabel(meta.currency);
  const sheet = workbook.addWorksheet(USAGE_SHEET, { views: [{ state: 'frozen', ySplit: 3 }] });
  const headers = [
    'Service',
    'Catégorie',
    'Produit',
    'Unité',
    'Stock début',
    'Entrées',
    'Stock fin',
    'Consommation',
    'Pertes',
    'Ventes',
    'Écart inexpliqué',
    `Prix achat (${c})`,
    `Consommation (${c})`,
    `Écart (${c})`,
    'Statut',
  ];
  sheet.columns = headers.map((_, i) => ({ width: i === 2 ? 32 : i < 2 ? 16 : 14 }));
  const month = parts[0]?.report.month ?? '';
  sheet.addRow([`Consommation ${month.slice(5, 7)}/${month.slice(0, 4)} — ${meta.title}`]).commit();
  sheet.addRow([]).commit();
  const head = sheet.addRow(headers);
  head.eachCell((cell) => {
    cell.style = HEADER;
  });
  head.commit();
  for (const { serviceName, report } of parts) {
    for (const r of report.rows) {
      const row = sheet.addRow([
        neutralizeFormula(serviceName),
        r.category === null ? null : neutralizeFormula(r.category),
        neutralizeFormula(r.name),
        r.unit,
        r.opening,
        r.received,
        r.closing,
        r.usage,
        r.losses,
        r.sold,
        r.unexplained,
        r.purchase_price,
        r.usage_cost,
        r.unexplained_cost,
        r.missing_count ? MISSING : null,
      ]);
      for (let i = 5; i <= 11; i++) row.getCell(i).style = QUANTITY;
      for (let i = 12; i <= 14; i++) row.getCell(i).style = MONEY;
      row.commit();
    }
    const t = report.totals;
    const total = sheet.addRow([
      `Total ${neutralizeFormula(serviceName)}`,
      null,
      t.cost_pct === null ? null : `Coût matière : ${t.cost_pct} % du chiffre d’affaires`,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      t.usage_cost,
      t.unexplained_cost,
      t.missing_count > 0 ? `${t.missing_count} ${MISSING}` : null,
    ]);
    total.font = { bold: true };
    for (let i = 13; i <= 14; i++) total.getCell(i).style = { ...MONEY, font: { bold: true } };
    total.commit();
  }
  sheet.commit();
}
