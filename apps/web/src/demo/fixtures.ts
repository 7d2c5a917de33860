import type { Localized } from '@stockscan/contracts';

/** The trades of the public pages (SPEC §6 business types). */
const TRADES = ['bar', 'restaurant', 'grocery', 'retail', 'bakery', 'pharmacy', 'camping_multi'] as const;
export type Trade = (typeof TRADES)[number];

export function isTrade(value: unknown): value is Trade {
  return typeof value === 'string' && (TRADES as readonly string[]).includes(value);
}

export interface DemoProduct {
  name: string;
  /** Pack or size, as printed on the shelf label. */
  detail: Localized;
  count: number;
}

/** A scripted month of one service: fixture data only, nothing comes from the network. */
export interface TradeFixture {
  service: Localized;
  /** Other services of the same business, shown as tabs. */
  otherServices: Localized[];
  /** products[0] is typed in; products[3] is the opened container (or the scanned item). */
  products: [DemoProduct, DemoProduct, DemoProduct, DemoProduct];
  /** The opened container: sealed units counted, plus the fraction left in the opened one. Null → find it instead. */
  opened: { sealed: number; fraction: 0.25 | 0.5 | 0.75; word: Localized } | null;
  /** Without barcodes (retail preset), the fourth product is found by its internal reference. */
  searchFor?: string;
  catalogue: number;
  /** Stock value at purchase price, the last six months, oldest first. */
  values: [number, number, number, number, number, number];
  losses: number;
  lossReason: Localized;
  lowStock: { count: number; example: string };
  slug: string;
}

const L = (fr: string, en: string = fr): Localized => ({ fr, en });

export const FIXTURES: Record<Trade, TradeFixture> = {
  bar: {
    service: L('Bar'),
    otherServices: [],
    products: [
      { name: 'Coca-Cola', detail: L('33 cl, canette', '33 cl can'), count: 24 },
      { name: 'Ricard', detail: L('1 L'), count: 4 },
      { name: 'Fût Kronenbourg', detail: L('30 L'), count: 2 },
      { name: 'Get 27', detail: L('70 cl'), count: 1.5 },
    ],
    opened: { sealed: 1, fraction: 0.5, word: L('Bouteille entamée', 'Opened bottle') },
    catalogue: 86,
    values: [2140, 2290, 2205, 2410, 2330, 2384],
    losses: 46,
    lossReason: L('casse', 'breakage'),
    lowStock: { count: 2, example: 'Sirop de grenadine' },
    slug: 'le-comptoir_bar',
  },
  restaurant: {
    service: L('Cuisine', 'Kitchen'),
    otherServices: [L('Salle', 'Dining room')],
    products: [
      { name: 'Beurre doux', detail: L('plaquette 250 g', '250 g pack'), count: 18 },
      { name: 'Farine T55', detail: L('kg'), count: 12.5 },
      { name: 'Crème liquide 35 %', detail: L('brique 1 L', '1 L carton'), count: 6 },
      { name: 'Huile d’olive', detail: L('bidon 5 L', '5 L can'), count: 1.75 },
    ],
    opened: { sealed: 1, fraction: 0.75, word: L('Bidon entamé', 'Opened can') },
    catalogue: 140,
    values: [3920, 4105, 3980, 4240, 4150, 4210],
    losses: 82,
    lossReason: L('DLC dépassée', 'past use-by date'),
    lowStock: { count: 3, example: 'Crème liquide 35 %' },
    slug: 'le-bistrot_cuisine',
  },
  grocery: {
    service: L('Épicerie', 'Grocery'),
    otherServices: [],
    products: [
      { name: 'Lait demi-écrémé', detail: L('1 L'), count: 48 },
      { name: 'Pâtes fusilli', detail: L('500 g'), count: 36 },
      { name: 'Œufs plein air', detail: L('boîte de 6', 'box of 6'), count: 20 },
      { name: 'Riz basmati vrac', detail: L('sac 25 kg', '25 kg bag'), count: 0.25 },
    ],
    opened: { sealed: 0, fraction: 0.25, word: L('Sac de vrac entamé', 'Opened bulk bag') },
    catalogue: 420,
    values: [6120, 6340, 6210, 6480, 6550, 6620],
    losses: 57,
    lossReason: L('DLC/DDM dépassée', 'past best-before date'),
    lowStock: { count: 5, example: 'Œufs plein air' },
    slug: 'epicerie-du-marche_epicerie',
  },
  retail: {
    service: L('Boutique', 'Shop'),
    otherServices: [],
    products: [
      { name: 'T-shirt coton bio', detail: L('taille M, écru', 'size M, ecru'), count: 12 },
      { name: 'Jean brut', detail: L('taille 40', 'size 40'), count: 7 },
      { name: 'Casquette', detail: L('taille unique', 'one size'), count: 5 },
      { name: 'Écharpe laine', detail: L('réf. ECH-014', 'SKU ECH-014'), count: 9 },
    ],
    opened: null,
    searchFor: 'ECH-014',
    catalogue: 230,
    values: [8420, 8710, 8390, 8960, 9080, 9150],
    losses: 35,
    lossReason: L('vol', 'theft'),
    lowStock: { count: 4, example: 'Jean brut 38' },
    slug: 'atelier-linea_boutique',
  },
  bakery: {
    service: L('Boulangerie', 'Bakery'),
    otherServices: [],
    products: [
      { name: 'Beurre AOP', detail: L('plaque 1 kg', '1 kg block'), count: 10 },
      { name: 'Sucre semoule', detail: L('1 kg'), count: 15 },
      { name: 'Croissants crus surgelés', detail: L('carton de 50', 'box of 50'), count: 4 },
      { name: 'Farine T65', detail: L('sac 25 kg', '25 kg bag'), count: 3.5 },
    ],
    opened: { sealed: 3, fraction: 0.5, word: L('Sac de farine entamé', 'Opened flour bag') },
    catalogue: 64,
    values: [1510, 1580, 1620, 1590, 1700, 1720],
    losses: 38,
    lossReason: L('invendus', 'unsold'),
    lowStock: { count: 1, example: 'Beurre AOP' },
    slug: 'fournil-saint-jean_boulangerie',
  },
  pharmacy: {
    service: L('Pharmacie', 'Pharmacy'),
    otherServices: [],
    products: [
      { name: 'Paracétamol 1000 mg', detail: L('boîte de 8', 'box of 8'), count: 32 },
      { name: 'Crème solaire SPF 50', detail: L('tube 50 ml'), count: 14 },
      { name: 'Sérum physiologique', detail: L('30 unidoses', '30 single doses'), count: 40 },
      { name: 'Vitamine C 500 mg', detail: L('lot 24B17', 'lot 24B17'), count: 12 },
    ],
    opened: null,
    catalogue: 850,
    values: [18240, 18610, 18390, 19020, 19210, 19400],
    losses: 64,
    lossReason: L('périmés', 'expired'),
    lowStock: { count: 6, example: 'Sérum physiologique' },
    slug: 'pharmacie-des-halles_pharmacie',
  },
  camping_multi: {
    service: L('Bar'),
    otherServices: [L('Épicerie', 'Shop'), L('Snack')],
    products: [
      { name: 'Bière blonde', detail: L('25 cl'), count: 96 },
      { name: 'Chips nature', detail: L('45 g'), count: 60 },
      { name: 'Glace bâtonnet', detail: L('boîte de 24', 'box of 24'), count: 3 },
      { name: 'Pastis', detail: L('1 L'), count: 2.25 },
    ],
    opened: { sealed: 2, fraction: 0.25, word: L('Bouteille entamée', 'Opened bottle') },
    catalogue: 310,
    values: [2980, 3150, 4820, 6240, 6910, 5420],
    losses: 74,
    lossReason: L('offerts', 'given away'),
    lowStock: { count: 4, example: 'Glace bâtonnet' },
    slug: 'camping-les-pins_bar',
  },
};
