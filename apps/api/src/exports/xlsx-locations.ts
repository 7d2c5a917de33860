import type ExcelJS from 'exceljs';
import { neutralizeFormula } from './columns';
import type { WorkbookMeta } from './export-writer';
import type { LocationRow } from './stream-location-rows';

export const LOCATIONS_SHEET = 'Emplacements';
/** Lines counted for the service as a whole (no place). */
const WHOLE_SERVICE = 'Tout le service';

const HEADER = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  border: { bottom: { style: 'thin' } },
} satisfies Partial<ExcelJS.Style>;
const PLAIN = {} satisfies Partial<ExcelJS.Style>;
const INTEGER = { numFmt: '#,##0' } satisfies Partial<ExcelJS.Style>;
const DECIMAL = { numFmt: '#,##0.0##' } satisfies Partial<ExcelJS.Style>;
const PERCENT = { numFmt: '0%' } satisfies Partial<ExcelJS.Style>;
const DATETIME = { numFmt: 'dd/mm/yyyy hh:mm' } satisfies Partial<ExcelJS.Style>;

const HEADERS = [
  'Service',
  'Emplacement',
  'Catégorie',
  'Produit',
  'Code-barres / SKU',
  'Mois',
  'Quantité',
  'Unité',
  'Statut',
  'Reste',
  'Compté par',
  'Compté le',
];
const WIDTHS = [16, 18, 18, 36, 18, 9, 11, 7, 9, 8, 16, 17];
const text = (value: string | null) => (value === null ? null : neutralizeFormula(value));

/**
 * The "Emplacements" sheet (SPEC §11): every count line of the period with its place, so the per-place lines
 * behind each product of the "Inventaire" sheet can be checked. Rows are committed as they come (streamed).
 */
export function openLocationsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  meta: WorkbookMeta,
): { sheet: ExcelJS.Worksheet; add(row: LocationRow): void } {
  const sheet = workbook.addWorksheet(LOCATIONS_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const title = sheet.addRow([`Emplacements — ${meta.title}`]);
  title.font = { bold: true };
  title.commit();
  const head = sheet.addRow(HEADERS);
  head.eachCell((cell) => {
    cell.style = HEADER;
  });
  head.commit();
  return {
    sheet,
    add(row) {
      const opened = row.container_status === 'OPENED';
      const line = sheet.addRow([
        text(row.service_name),
        text(row.location_name ?? WHOLE_SERVICE),
        text(row.category),
        text(row.name),
        text(row.barcode ?? row.internal_sku),
        row.inventory_month,
        row.quantity,
        row.unit,
        opened ? 'Ouvert' : 'Scellé',
        opened ? row.remaining_fraction : null,
        text(row.counted_by),
        row.counted_at,
      ]);
      for (let i = 1; i <= HEADERS.length; i++) line.getCell(i).style = PLAIN;
      line.getCell(7).style = Number.isInteger(row.quantity) ? INTEGER : DECIMAL;
      line.getCell(10).style = PERCENT;
      line.getCell(12).style = DATETIME;
      line.commit();
    },
  };
}
