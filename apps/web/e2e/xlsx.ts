import ExcelJS from 'exceljs';

export type SheetRow = Record<string, ExcelJS.CellValue>;

/** A downloaded workbook: its sheet names, and a sheet's data rows keyed by the French header row. */
export async function readWorkbook(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return {
    sheetNames: workbook.worksheets.map((s) => s.name),
    /** Rows under the header row (the first row whose first cell is `headerStart`), as header → value. */
    rowsOf(sheetName: string, headerStart = 'Nom'): SheetRow[] {
      const sheet = workbook.getWorksheet(sheetName);
      if (!sheet) throw new Error(`no sheet "${sheetName}" in ${path}`);
      const values: ExcelJS.CellValue[][] = [];
      sheet.eachRow((row) => values.push((row.values as ExcelJS.CellValue[]).slice(1)));
      const headerIndex = values.findIndex((cells) => cells[0] === headerStart);
      if (headerIndex < 0) throw new Error(`no header row starting with "${headerStart}" in ${sheetName}`);
      const headers = (values[headerIndex] ?? []).map(String);
      return values
        .slice(headerIndex + 1)
        .map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i]])) as SheetRow);
    },
  };
}
