import type { Localized } from '@stockscan/contracts';
import type { FeatureKey, Limit, LimitKey } from './entitlements';

/** Feature names for the pricing table and FEATURE_NOT_INCLUDED messages. */
export const FEATURE_LABELS: Readonly<Record<FeatureKey, Localized>> = Object.freeze({
  inventory_basic: { fr: 'Inventaire mensuel', en: 'Monthly stock count' },
  exports_basic: { fr: 'Exports CSV', en: 'CSV exports' },
  exports_xlsx: { fr: 'Exports Excel', en: 'Excel exports' },
  reports_basic: { fr: 'Valeur du stock et rapports de base', en: 'Stock value and basic reports' },
  loss_management: { fr: 'Gestion des pertes', en: 'Loss tracking' },
  alerts_stock: { fr: 'Alertes de stock bas', en: 'Low-stock alerts' },
  ai_assistant_basic: { fr: 'Assistant IA', en: 'AI assistant' },
  roles_per_service: { fr: 'Rôles par service', en: 'Roles per service' },
  reports_standard: { fr: 'Rapports détaillés', en: 'Detailed reports' },
  exports_email: { fr: 'Exports envoyés par e-mail', en: 'Exports sent by email' },
  reports_advanced: { fr: 'Feuille de synthèse dans les exports', en: 'Summary sheet in exports' },
  alerts_expiry: { fr: 'Alertes DLC/DDM', en: 'Expiry date alerts' },
  multi_service_analytics: { fr: 'Analyses multi-services', en: 'Multi-service analytics' },
  stock_control: {
    fr: 'Livraisons, consommation et clôture du mois',
    en: 'Deliveries, consumption and month close',
  },
  stock_variance: { fr: 'Écarts inexpliqués et ventes de caisse', en: 'Unexplained variance and till sales' },
  purchase_orders: { fr: 'Bons de commande', en: 'Purchase orders' },
});

type Noun = { fr: readonly [string, string]; en: readonly [string, string] };

const NOUNS: Record<LimitKey, Noun> = {
  max_products: { fr: ['produit', 'produits'], en: ['product', 'products'] },
  max_services: { fr: ['service', 'services'], en: ['service', 'services'] },
  max_users: { fr: ['utilisateur', 'utilisateurs'], en: ['user', 'users'] },
  max_locations: { fr: ['emplacement', 'emplacements'], en: ['location', 'locations'] },
  exports_xlsx_month: { fr: ['export Excel', 'exports Excel'], en: ['Excel export', 'Excel exports'] },
  exports_csv_month: { fr: ['export CSV', 'exports CSV'], en: ['CSV export', 'CSV exports'] },
  ai_requests_month: {
    fr: ['demande à l’assistant', 'demandes à l’assistant'],
    en: ['assistant request', 'assistant requests'],
  },
  history_days: {
    fr: ['jour d’historique', 'jours d’historique'],
    en: ['day of history', 'days of history'],
  },
};

const UNLIMITED: Record<LimitKey, Localized> = {
  max_products: { fr: 'Produits illimités', en: 'Unlimited products' },
  max_services: { fr: 'Services illimités', en: 'Unlimited services' },
  max_users: { fr: 'Utilisateurs illimités', en: 'Unlimited users' },
  max_locations: { fr: 'Emplacements illimités', en: 'Unlimited locations' },
  exports_xlsx_month: { fr: 'Exports Excel illimités', en: 'Unlimited Excel exports' },
  exports_csv_month: { fr: 'Exports CSV illimités', en: 'Unlimited CSV exports' },
  ai_requests_month: { fr: 'Demandes à l’assistant illimitées', en: 'Unlimited assistant requests' },
  history_days: { fr: 'Historique complet', en: 'Full history' },
};

/**
 * Made on first use, not when the module loads: a page's first Intl.NumberFormat loads the browser's locale data
 * (~50 ms of main thread measured in Chromium), and the login page imports this module without showing a limit.
 */
let numbers: { fr: Intl.NumberFormat; en: Intl.NumberFormat } | undefined;

/** "100 produits" / "100 products" — French treats 0 and 1 as singular. */
export function countOf(key: LimitKey, n: number): Localized {
  const noun = NOUNS[key];
  numbers ??= { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-US') };
  return {
    fr: `${numbers.fr.format(n)} ${noun.fr[n <= 1 ? 0 : 1]}`,
    en: `${numbers.en.format(n)} ${noun.en[n === 1 ? 0 : 1]}`,
  };
}

/** One pricing-table cell: "1 000 produits", "30 exports Excel par mois", "Produits illimités". */
export function describeLimit(key: LimitKey, limit: Limit): Localized {
  if (limit === null) return UNLIMITED[key];
  const count = countOf(key, limit);
  if (key === 'max_locations') return { fr: `${count.fr} par service`, en: `${count.en} per service` };
  if (!key.endsWith('_month')) return count;
  return { fr: `${count.fr} par mois`, en: `${count.en} per month` };
}
