import type { OrderMessage, ProductUnit, PurchaseOrder } from '@stockscan/contracts';
import ExcelJS from 'exceljs';
import { currencyLabel, neutralizeFormula } from '../exports/columns';
import { slugify } from '../tenants/slug';

/** What the order is sent from: the business and the service ordering. */
export interface OrderSender {
  tenantName: string;
  serviceName: string;
  currency: string;
}

const UNIT_LABEL: Record<ProductUnit, string> = { pcs: '', kg: ' kg', g: ' g', l: ' L', ml: ' mL' };

const frenchNumber = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 }).format(n);
const frenchMoney = (n: number, currency: string) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency }).format(n);
/** '2026-11-15T…' → '15/11/2026'. */
const frenchDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function lineText(line: PurchaseOrder['lines'][number]): string {
  const packs =
    line.packs !== null ? ` (${line.packs} colis de ${frenchNumber(line.pack_size as number)})` : '';
  const code = line.code ? ` — réf. ${line.code}` : '';
  return `- ${line.product_name} : ${frenchNumber(line.quantity)}${UNIT_LABEL[line.unit]}${packs}${code}`;
}

/**
 * The order as a plain French message — the body of the mail to the supplier, and the text to copy when it is
 * not mailed (no mail service, no address): never a link the supplier would need an account for.
 */
export function orderMessage(order: PurchaseOrder, from: OrderSender, at: Date): OrderMessage {
  const priced = order.lines.some((l) => l.line_cost !== null);
  const text = [
    'Bonjour,',
    '',
    `Voici notre commande n° ${order.number} du ${frenchDay(at.toISOString())} pour ${from.tenantName} (${from.serviceName}) :`,
    '',
    ...order.lines.map(lineText),
    '',
    ...(priced ? [`Total estimé : ${frenchMoney(order.total_cost, from.currency)} HT`, ''] : []),
    ...(order.note ? [order.note, ''] : []),
    'Merci de nous confirmer la livraison.',
    '',
    'Cordialement,',
    from.tenantName,
  ].join('\n');
  return { subject: `Commande n° ${order.number} — ${from.tenantName}`, text };
}

export interface OrderFileContent {
  filename: string;
  contentType: string;
  content: Buffer;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

function baseName(order: PurchaseOrder, from: OrderSender): string {
  return `commande-${order.number}_${slugify(order.supplier_name ?? from.tenantName)}`;
}

function headers(currency: string): string[] {
  const money = currencyLabel(currency);
  return [
    'Produit',
    'Code-barres / SKU',
    'Quantité',
    'Unité',
    'Colis',
    `Prix unitaire HT (${money})`,
    `Total HT (${money})`,
  ];
}

function cells(line: PurchaseOrder['lines'][number]): (string | number | null)[] {
  return [
    neutralizeFormula(line.product_name),
    line.code === null ? null : neutralizeFormula(line.code),
    line.quantity,
    line.unit,
    line.packs,
    line.unit_cost,
    line.line_cost,
  ];
}

/** The order as a small workbook: a title, the styled header, one row per line, the total. */
export async function orderXlsx(
  order: PurchaseOrder,
  from: OrderSender,
  at: Date,
): Promise<OrderFileContent> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'StockScan';
  workbook.created = at;
  const sheet = workbook.addWorksheet('Commande');
  sheet.columns = [
    { width: 36 },
    { width: 18 },
    { width: 10 },
    { width: 8 },
    { width: 8 },
    { width: 18 },
    { width: 16 },
  ];
  const title = sheet.addRow([
    neutralizeFormula(
      `Commande n° ${order.number} — ${from.tenantName} (${from.serviceName}) — ${frenchDay(at.toISOString())}`,
    ),
  ]);
  title.font = { bold: true, size: 13 };
  const header = sheet.addRow(headers(from.currency));
  header.font = { bold: true };
  for (const line of order.lines) sheet.addRow(cells(line));
  const total = sheet.addRow(['Total', null, null, null, null, null, order.total_cost]);
  total.font = { bold: true };
  sheet.getColumn(6).numFmt = '#,##0.00##';
  sheet.getColumn(7).numFmt = '#,##0.00';
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename: `${baseName(order, from)}.xlsx`, contentType: XLSX_TYPE, content };
}

/** CSV for French spreadsheets (UTF-8 BOM, ';', decimal comma, CRLF): the header and one line per product. */
export function orderCsv(order: PurchaseOrder, from: OrderSender): OrderFileContent {
  const field = (value: string | number | null) => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value).replace('.', ',');
    return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  };
  const lines = [headers(from.currency), ...order.lines.map(cells)].map((row) => row.map(field).join(';'));
  const content = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  return { filename: `${baseName(order, from)}.csv`, contentType: CSV_TYPE, content };
}
