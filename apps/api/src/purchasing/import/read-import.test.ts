import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { invalidLines } from './invalid';
import { buildMatcher } from './match';
import { fileBytes, readImport } from './read-import';
import { parseDate, parseDecimal } from './values';

const products = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Crème fraîche 20cl',
    barcode: '3033490004521',
    internal_sku: null,
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    name: 'Pâté de campagne',
    barcode: null,
    internal_sku: 'PAT-01',
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    name: 'Œufs plein air x6',
    barcode: null,
    internal_sku: null,
  },
];

function win1252Csv(): Buffer {
  const text = [
    'Désignation;Code-barres;Réf.;Qté;Colisage;PU HT;DLC;N° lot',
    'Crème fraîche 20cl;3033490004521;;2;12;14,40;31/12/2026;L123',
    'Pâté  de Campagne;;pat-01;3;;4,5;;',
    'OEUFS PLEIN AIR X6;;;10;;2,10;2026-12-20;',
    'Beurre doux 250 g;;;5;;1 234,56;;',
    'Total HT;;;;;;;',
  ].join('\r\n');
  return iconv.encode(text, 'win1252');
}

async function xlsxWithTitle(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Facture');
  ws.addRow(['Metro Cash & Carry — Facture F-2026-118']);
  ws.addRow(['Livré le 03/12/2026']);
  ws.addRow([]);
  ws.addRow(['EAN', 'Libellé article', 'Quantité', 'Prix unitaire', 'Montant HT']);
  ws.addRow(['3033490004521', 'Crème fraîche', 4, 1.2, 4.8]);
  ws.addRow([
    3033490004521,
    'Crème fraîche (same EAN as a number)',
    1,
    1.2,
    { formula: 'C6*D6', result: 1.2 },
  ]);
  ws.addRow(['', 'Produit inconnu', 2, 3.5, 7]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading a supplier file', () => {
  it('reads a Windows-1252 CSV with ; and decimal commas, packs into units, and matches barcode, SKU, name', async () => {
    const bytes = win1252Csv();
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const read = await readImport(bytes, 'receipt');
    expect(read.format).toBe('csv');
    expect(read.header_line).toBe(1);
    expect(read.columns.map((c) => c.header)).toEqual([
      'Désignation',
      'Code-barres',
      'Réf.',
      'Qté',
      'Colisage',
      'PU HT',
      'DLC',
      'N° lot',
    ]);
    expect(read.proposed_mapping).toEqual({
      name: 0,
      barcode: 1,
      sku: 2,
      quantity: 3,
      pack_size: 4,
      unit_cost: 5,
      total_cost: null,
      expiry_date: 6,
      lot_number: 7,
    });
    const [creme, pate, oeufs, beurre] = read.lines;
    expect(read.lines).toHaveLength(4); // the Total row is not a product
    expect(creme).toMatchObject({
      line: 2,
      quantity: 24,
      unit_cost: 1.2,
      expiry_date: '2026-12-31',
      lot_number: 'L123',
      problems: [],
    });
    expect(pate).toMatchObject({ line: 3, quantity: 3, unit_cost: 4.5, expiry_date: null });
    expect(oeufs).toMatchObject({ name: 'OEUFS PLEIN AIR X6', expiry_date: '2026-12-20' });
    expect(beurre).toMatchObject({ line: 5, unit_cost: 1234.56 });

    const match = buildMatcher(products);
    expect(read.lines.map((l) => match(l)?.by ?? null)).toEqual(['barcode', 'sku', 'name', null]);
    expect(match(pate!)?.product_id).toBe(products[1]!.id);
  });

  it('finds the header of an XLSX under a title block and reads numbers, text barcodes and formulas', async () => {
    const read = await readImport(await xlsxWithTitle(), 'receipt');
    expect(read.format).toBe('xlsx');
    expect(read.header_line).toBe(4);
    expect(read.mapping).toMatchObject({ barcode: 0, name: 1, quantity: 2, unit_cost: 3, total_cost: 4 });
    expect(read.lines.map((l) => [l.line, l.barcode, l.quantity, l.unit_cost])).toEqual([
      [5, '3033490004521', 4, 1.2],
      [6, '3033490004521', 1, 1.2],
      [7, null, 2, 3.5],
    ]);
    const match = buildMatcher(products);
    expect(read.lines.map((l) => match(l)?.product_id ?? null)).toEqual([
      products[0]!.id,
      products[0]!.id,
      null,
    ]);
  });

  it('flags the bad lines and names them in a 400 IMPORT_INVALID', async () => {
    const csv = [
      'name,quantity,unit cost,expiry',
      'Tomatoes,12,1.50,2026-12-01',
      'Onions,twelve,0.80,',
      ',4,1.00,',
      'Garlic,,2.00,',
      'Basil,1,-3,31/02/2026',
    ].join('\n');
    const read = await readImport(Buffer.from(csv), 'receipt');
    expect(read.lines.map((l) => [l.line, l.problems])).toEqual([
      [2, []],
      [3, ['quantity_invalid']],
      [4, ['identifier_missing']],
      [5, ['quantity_missing']],
      [6, ['cost_invalid', 'date_invalid']],
    ]);
    const error = invalidLines(
      read.lines.filter((l) => l.problems.length).map((l) => ({ line: l.line, problems: l.problems })),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message_for('fr')).toContain('ligne 3 (quantité illisible ou négative)');
    expect(error.message_for('en')).toContain('line 6 (unreadable or negative price, unreadable date)');
    expect(error.extra).toEqual({ lines: [3, 4, 5, 6] });
    expect(Object.keys(error.fields ?? {})).toEqual(['line_3', 'line_4', 'line_5', 'line_6']);
  });

  it('a line with a quantity but nothing to name it is at fault', async () => {
    const read = await readImport(Buffer.from('Produit\tQuantité\tEAN\nA\t1\t\n\t2\t\n'), 'receipt');
    expect(read.lines.map((l) => l.problems)).toEqual([[], ['identifier_missing']]);
  });

  it('reads a till export for sales: quantity sold and revenue', async () => {
    const csv =
      '\ufeffArticle,Quantité vendue,CA TTC\n"Pâté de campagne",7,"31,50"\nBière pression,"1,234",4567.5\n';
    const read = await readImport(Buffer.from(csv, 'utf8'), 'sales');
    expect(read.mapping).toEqual({ name: 0, barcode: null, sku: null, quantity: 1, revenue: 2 });
    expect(read.lines.map((l) => [l.name, l.quantity, l.revenue])).toEqual([
      ['Pâté de campagne', 7, 31.5],
      ['Bière pression', 1.234, 4567.5],
    ]);
  });

  it('a chosen mapping overrides the proposed one', async () => {
    const read = await readImport(
      Buffer.from('a;b;c\nX;1;2\n'.replace('a;b;c', 'Produit;Qté;Qté 2')),
      'receipt',
      {
        name: 0,
        quantity: 2,
      },
    );
    expect(read.mapping).toMatchObject({ name: 0, quantity: 2, unit_cost: null });
    expect(read.lines[0]?.quantity).toBe(2);
  });

  it('refuses what is not a table', async () => {
    await expect(
      readImport(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]), 'receipt'),
    ).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
    });
    await expect(readImport(Buffer.from('hello\nworld\n'), 'receipt')).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
    });
    await expect(readImport(Buffer.from('PK\u0003\u0004garbage'), 'receipt')).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
    });
    expect(() => fileBytes('')).toThrow(AppError);
  });
});

describe('values as files write them', () => {
  it('reads decimals with commas, dots, spaces and currency', () => {
    expect(
      ['12,5', '1 234,56', '1.234,56', '1,234.56', '12.50 €', '-3', '', 'abc', '1\u202f000'].map(
        parseDecimal,
      ),
    ).toEqual([12.5, 1234.56, 1234.56, 1234.56, 12.5, -3, null, undefined, 1000]);
  });
  it('reads French dates, ISO dates and Excel serials; refuses impossible ones', () => {
    expect(
      ['31/12/2026', '01-02-26', '2026-12-31', '46387', '31/02/2026', 'demain', ''].map(parseDate),
    ).toEqual(['2026-12-31', '2026-02-01', '2026-12-31', '2026-12-31', undefined, undefined, null]);
  });
});
