import type {
  AssistantAction,
  AssistantHref,
  AssistantInsight,
  Locale,
  LossReason,
} from '@stockscan/contracts';
import type { AssistantContext } from './context';

export interface AssistantAnswer {
  message: string;
  insights: AssistantInsight[];
  actions: AssistantAction[];
}

const REASONS: Record<Locale, Record<LossReason, string>> = {
  fr: {
    breakage: 'casse',
    expired: 'périmé',
    theft: 'vol',
    free: 'offert',
    mistake: 'erreur',
    other: 'autre',
  },
  en: {
    breakage: 'breakage',
    expired: 'expired',
    theft: 'theft',
    free: 'given away',
    mistake: 'mistake',
    other: 'other',
  },
};

const ACTIONS: Record<Locale, Record<'count' | 'losses' | 'exports', string>> = {
  fr: { count: 'Ouvrir le comptage', losses: 'Voir les pertes', exports: 'Exporter l’inventaire' },
  en: { count: 'Open the count', losses: 'See losses', exports: 'Export the inventory' },
};

const HREFS: Record<keyof (typeof ACTIONS)['fr'], AssistantHref> = {
  count: '/app/inventory',
  losses: '/app/losses',
  exports: '/app/exports',
};

const list = (names: string[], total: number, locale: Locale) => {
  const shown = names.slice(0, 3).join(', ');
  const more = total - Math.min(names.length, 3);
  if (more <= 0) return shown;
  return locale === 'fr' ? `${shown} et ${more} autre(s)` : `${shown} and ${more} more`;
};

/**
 * The deterministic summary of the month answered when the model cannot be used (AI off, unconfigured,
 * slow, refused or invalid): the same context, read by rules instead of a model.
 */
export function fallbackAnswer(
  context: AssistantContext,
  locale: Locale,
  question: string | null,
): AssistantAnswer {
  const fr = locale === 'fr';
  const money = (n: number) =>
    new Intl.NumberFormat(fr ? 'fr-FR' : 'en-GB', { style: 'currency', currency: context.currency }).format(
      n,
    );
  const qty = (n: number) =>
    new Intl.NumberFormat(fr ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 3 }).format(n);
  const { totals, previous, losses, data_quality: dq } = context;
  const out = context.out_of_stock;
  const low = context.low_stock;
  const expiring = context.expiring_soon;
  const scope = context.services.join(', ');

  const sentences: string[] = [];
  if (question)
    sentences.push(
      fr
        ? 'L’assistant IA n’est pas disponible pour répondre à votre question ; voici le résumé automatique de vos données.'
        : 'The AI assistant cannot answer your question right now; here is the automatic summary of your data.',
    );
  if (totals.products === 0) {
    sentences.push(
      fr
        ? `Aucun produit dans ${scope || 'vos services'} pour l’instant : ajoutez votre catalogue pour commencer le comptage.`
        : `No products in ${scope || 'your services'} yet: add your catalogue to start counting.`,
    );
  } else {
    sentences.push(
      fr
        ? `${context.month} – ${scope} : ${totals.counted} produit(s) compté(s) sur ${totals.products}, valeur du stock ${money(totals.stock_value_purchase)} au prix d’achat.`
        : `${context.month} – ${scope}: ${totals.counted} of ${totals.products} product(s) counted, stock value ${money(totals.stock_value_purchase)} at purchase price.`,
    );
    if (previous && previous.counted > 0) {
      const delta = totals.stock_value_purchase - previous.stock_value_purchase;
      sentences.push(
        fr
          ? `Évolution depuis ${context.previous_month} : ${delta >= 0 ? '+' : '−'}${money(Math.abs(delta))}.`
          : `Change since ${context.previous_month}: ${delta >= 0 ? '+' : '−'}${money(Math.abs(delta))}.`,
      );
    }
  }
  if (context.retention_limited)
    sentences.push(
      fr
        ? 'L’historique de votre offre ne couvre pas toute la période demandée.'
        : 'Your plan’s history does not cover the whole period requested.',
    );

  const insights: AssistantInsight[] = [];
  if (out && out.count > 0) {
    const names = list(
      out.items.map((i) => i.name),
      out.count,
      locale,
    );
    insights.push({
      title: fr ? 'Ruptures de stock' : 'Out of stock',
      description: fr
        ? `${out.count} produit(s) compté(s) à zéro : ${names}.`
        : `${out.count} product(s) counted at zero: ${names}.`,
      severity: 'danger',
    });
  }
  if (low && low.count > 0) {
    const names = list(
      low.items.map((i) => `${i.name} (${qty(i.quantity)}/${qty(i.min_qty)} ${i.unit})`),
      low.count,
      locale,
    );
    insights.push({
      title: fr ? 'Stock bas' : 'Low stock',
      description: fr
        ? `${low.count} produit(s) au niveau du minimum ou en dessous : ${names}.`
        : `${low.count} product(s) at or below their minimum: ${names}.`,
      severity: 'warning',
    });
  }
  if (expiring && expiring.count > 0) {
    const names = list(
      expiring.items.map((i) => `${i.name} (${i.expiry_date})`),
      expiring.count,
      locale,
    );
    insights.push({
      title: fr ? 'Dates limites proches' : 'Expiry dates coming up',
      description: fr
        ? `${expiring.count} produit(s) expirent dans les 30 jours : ${names}.`
        : `${expiring.count} product(s) expire within 30 days: ${names}.`,
      severity: expiring.items.some((i) => i.days_left < 0) ? 'danger' : 'warning',
    });
  }
  if (losses && losses.events > 0) {
    const reasons = losses.by_reason.map((r) => `${REASONS[locale][r.reason]} ${money(r.cost)}`).join(', ');
    insights.push({
      title: fr ? 'Pertes du mois' : 'Losses this month',
      description: fr
        ? `${losses.events} perte(s) pour ${money(losses.cost)} (${reasons}).`
        : `${losses.events} loss(es) costing ${money(losses.cost)} (${reasons}).`,
      severity: losses.previous_cost !== null && losses.cost > losses.previous_cost ? 'warning' : 'info',
    });
  }
  if (totals.products > 0 && totals.not_counted > 0)
    insights.push({
      title: fr ? 'Comptage incomplet' : 'Count not finished',
      description: fr
        ? `${totals.not_counted} produit(s) pas encore compté(s) en ${context.month}.`
        : `${totals.not_counted} product(s) not counted yet in ${context.month}.`,
      severity: 'info',
    });
  const biggest = context.biggest_changes[0];
  if (biggest)
    insights.push({
      title: fr ? 'Plus forte variation' : 'Biggest change',
      description: fr
        ? `${biggest.name} : ${qty(biggest.previous_quantity)} → ${qty(biggest.quantity)} ${biggest.unit} depuis ${context.previous_month}.`
        : `${biggest.name}: ${qty(biggest.previous_quantity)} → ${qty(biggest.quantity)} ${biggest.unit} since ${context.previous_month}.`,
      severity: 'info',
    });
  const gaps = [
    [dq.missing_purchase_price, fr ? 'sans prix d’achat' : 'without a purchase price'],
    [dq.missing_identifier, fr ? 'sans code-barres ni référence' : 'without barcode or SKU'],
    [dq.counted_without_expiry, fr ? 'comptés sans date limite' : 'counted without an expiry date'],
  ] as const;
  const found = gaps.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (found.length > 0)
    insights.push({
      title: fr ? 'Données à compléter' : 'Data to complete',
      description: `${fr ? 'Produits' : 'Products'} : ${found.join(', ')}.`,
      severity: 'info',
    });

  const actions: AssistantAction[] = [];
  const add = (key: keyof typeof HREFS) => actions.push({ label: ACTIONS[locale][key], href: HREFS[key] });
  if (totals.not_counted > 0 || (out?.count ?? 0) > 0 || (low?.count ?? 0) > 0) add('count');
  if (losses && losses.events > 0) add('losses');
  if (totals.counted > 0) add('exports');

  return { message: sentences.join(' '), insights: insights.slice(0, 5), actions };
}
