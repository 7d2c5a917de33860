import { IMPORT_FIELDS, type ImportField, type ImportKind, type ImportMapping } from '@stockscan/contracts';
import { normaliseText } from './normalise';

/** French and English header words of each field, normalised (see normaliseText). */
const SYNONYMS: Record<ImportField, string[]> = {
  name: [
    'designation',
    'libelle',
    'libelle article',
    'produit',
    'article',
    'nom',
    'nom produit',
    'description',
    'intitule',
    'name',
    'product',
    'product name',
    'item',
    'item name',
  ],
  barcode: [
    'code barres',
    'code barre',
    'codebarre',
    'ean',
    'ean13',
    'ean 13',
    'gtin',
    'upc',
    'barcode',
    'gencod',
  ],
  sku: [
    'ref',
    'reference',
    'ref article',
    'reference article',
    'ref fournisseur',
    'code article',
    'code produit',
    'code',
    'sku',
    'plu',
    'item code',
    'product code',
  ],
  quantity: [
    'quantite',
    'qte',
    'qty',
    'quantity',
    'quantite livree',
    'qte livree',
    'quantite vendue',
    'qte vendue',
    'nb vendus',
    'ventes',
    'vendu',
    'vendus',
    'nombre',
    'nb',
    'units',
    'units sold',
    'quantity sold',
    'qty sold',
    'sold',
    'delivered',
  ],
  pack_size: [
    'colisage',
    'pack',
    'conditionnement',
    'pcb',
    'uvc par colis',
    'unites par colis',
    'pack size',
    'case size',
  ],
  unit_cost: [
    'prix unitaire',
    'prix unitaire ht',
    'pu',
    'pu ht',
    'pu net',
    'pu net ht',
    'prix ht',
    'prix achat',
    'prix d achat',
    'prix',
    'tarif',
    'unit cost',
    'unit price',
    'cost',
    'price',
  ],
  total_cost: [
    'montant',
    'montant ht',
    'total',
    'total ht',
    'montant net ht',
    'line total',
    'amount',
    'total cost',
  ],
  lot_number: ['lot', 'n lot', 'no lot', 'numero de lot', 'num lot', 'batch', 'lot number'],
  expiry_date: [
    'dlc',
    'ddm',
    'dluo',
    'date limite',
    'date limite de consommation',
    'peremption',
    'date de peremption',
    'expiry',
    'expiry date',
    'best before',
    'use by',
  ],
  revenue: [
    'ca',
    'ca ht',
    'ca ttc',
    'chiffre d affaires',
    'montant',
    'montant ttc',
    'montant ht',
    'total',
    'total ttc',
    'revenue',
    'sales',
    'net sales',
    'turnover',
  ],
};

const NORMALISED: Record<ImportField, Set<string>> = Object.fromEntries(
  Object.entries(SYNONYMS).map(([field, words]) => [field, new Set(words.map(normaliseText))]),
) as Record<ImportField, Set<string>>;

/**
 * How well a header names a field: 3 = exactly a synonym, 2 = starts with one ("Qté livrée (colis)"),
 * 1 = contains one as whole words, 0 = no.
 */
export function headerScore(header: string, field: ImportField): number {
  const h = normaliseText(header);
  if (h === '') return 0;
  let score = 0;
  for (const word of NORMALISED[field]) {
    if (h === word) return 3 + word.length / 100;
    if (h.startsWith(`${word} `)) score = Math.max(score, 2 + word.length / 100);
    else if (` ${h} `.includes(` ${word} `)) score = Math.max(score, 1 + word.length / 100);
  }
  return score;
}

/** Each field to the column that names it best; a column serves one field; longest synonyms win ties. */
export function proposeMapping(header: string[], kind: ImportKind): ImportMapping {
  const fields = IMPORT_FIELDS[kind];
  const candidates: { field: ImportField; index: number; score: number }[] = [];
  header.forEach((text, index) => {
    for (const field of fields) {
      const score = headerScore(text, field);
      if (score > 0) candidates.push({ field, index, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const mapping: ImportMapping = Object.fromEntries(fields.map((f) => [f, null]));
  const used = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== null || used.has(c.index)) continue;
    mapping[c.field] = c.index;
    used.add(c.index);
  }
  return mapping;
}

/** How many distinct fields a row's cells name: the header row is the one that names the most. */
export function headerFieldCount(cells: string[], kind: ImportKind): number {
  const mapping = proposeMapping(cells, kind);
  return Object.values(mapping).filter((v) => v !== null && v !== undefined).length;
}
