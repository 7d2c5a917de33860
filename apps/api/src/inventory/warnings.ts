import type { InventoryWarning, Localized, WarningCode } from '@stockscan/contracts';

const FIELD_LABELS: Record<string, Localized> = {
  purchase_price: { fr: 'prix d’achat', en: 'purchase price' },
  selling_price: { fr: 'prix de vente', en: 'selling price' },
  vat_rate: { fr: 'TVA', en: 'VAT' },
  barcode: { fr: 'code-barres', en: 'barcode' },
  internal_sku: { fr: 'référence interne', en: 'internal SKU' },
  supplier: { fr: 'fournisseur', en: 'supplier' },
  variant_name: { fr: 'variante', en: 'variant' },
  variant_value: { fr: 'valeur de variante', en: 'variant value' },
  pack_size: { fr: 'conditionnement', en: 'pack size' },
  pack_uom: { fr: 'unité de conditionnement', en: 'pack unit' },
  conversion_unit: { fr: 'unité de conversion', en: 'conversion unit' },
  conversion_factor: { fr: 'facteur de conversion', en: 'conversion factor' },
  product_role: { fr: 'type d’article', en: 'item type' },
  expiry_date: { fr: 'DLC', en: 'expiry date' },
  lot_number: { fr: 'lot', en: 'lot number' },
  container_status: { fr: 'contenant ouvert', en: 'opened container' },
  remaining_fraction: { fr: 'reste', en: 'remaining fraction' },
};

const label = (field: string): Localized => FIELD_LABELS[field] ?? { fr: field, en: field };

const MESSAGES: Record<WarningCode, (field: string, detail: string) => Localized> = {
  NO_IDENTIFIER: () => ({
    fr: 'Ni code-barres ni référence : ce produit ne pourra pas être scanné.',
    en: 'No barcode or SKU: this product cannot be scanned.',
  }),
  MISSING_PURCHASE_PRICE: () => ({
    fr: 'Prix d’achat manquant : la valeur du stock sera incomplète.',
    en: 'Missing purchase price: the stock value will be incomplete.',
  }),
  FIELD_IGNORED: (field) => ({
    fr: `Le champ « ${label(field).fr} » n’est pas suivi dans ce service : valeur ignorée.`,
    en: `The field "${label(field).en}" is not tracked in this service: value ignored.`,
  }),
  UNIT_NORMALISED: (_field, unit) => ({
    fr: `Unité ajustée au mode de comptage du service : ${unit}.`,
    en: `Unit adjusted to the service's counting mode: ${unit}.`,
  }),
  OPENED_WITHOUT_FRACTION: () => ({
    fr: 'Contenant ouvert sans reste indiqué : compté comme vide.',
    en: 'Opened container without a remaining fraction: counted as empty.',
  }),
  EXPIRY_MISSING: () => ({
    fr: 'DLC manquante alors que ce service suit les dates.',
    en: 'Expiry date missing while this service tracks them.',
  }),
};

/** A non-blocking warning about `field` of the input (`detail`: the unit kept, for UNIT_NORMALISED). */
export function warning(
  code: WarningCode,
  extra: { field?: string; product_id?: string; detail?: string } = {},
): InventoryWarning {
  return {
    code,
    message: MESSAGES[code](extra.field ?? '', extra.detail ?? ''),
    ...(extra.field ? { field: extra.field } : {}),
    ...(extra.product_id ? { product_id: extra.product_id } : {}),
  };
}
