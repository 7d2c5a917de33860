import type { AssistantInsight, Locale, LossReason } from '@stockscan/contracts';
import type { AssistantContext } from './context-types';
import type { Phrasing } from './phrasing';

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

/** Products at zero, at or below their minimum, close to their expiry date. */
export function stockInsights(context: AssistantContext, say: Phrasing): AssistantInsight[] {
  const { fr, qty } = say;
  const out = context.out_of_stock;
  const low = context.low_stock;
  const expiring = context.expiring_soon;
  const insights: AssistantInsight[] = [];
  if (out && out.count > 0) {
    const names = say.list(
      out.items.map((i) => i.name),
      out.count,
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
    const names = say.list(
      low.items.map((i) => `${i.name} (${qty(i.quantity)}/${qty(i.min_qty)} ${i.unit})`),
      low.count,
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
    const names = say.list(
      expiring.items.map((i) => `${i.name} (${i.expiry_date})`),
      expiring.count,
    );
    insights.push({
      title: fr ? 'Dates limites proches' : 'Expiry dates coming up',
      description: fr
        ? `${expiring.count} produit(s) expirent dans les 30 jours : ${names}.`
        : `${expiring.count} product(s) expire within 30 days: ${names}.`,
      severity: expiring.items.some((i) => i.days_left < 0) ? 'danger' : 'warning',
    });
  }
  return insights;
}

/** The month's losses by reason; a warning when they cost more than last month's. */
export function lossInsights(context: AssistantContext, say: Phrasing): AssistantInsight[] {
  const { fr, money } = say;
  const { losses } = context;
  if (!losses || losses.events === 0) return [];
  const reasons = losses.by_reason.map((r) => `${REASONS[say.locale][r.reason]} ${money(r.cost)}`).join(', ');
  return [
    {
      title: fr ? 'Pertes du mois' : 'Losses this month',
      description: fr
        ? `${losses.events} perte(s) pour ${money(losses.cost)} (${reasons}).`
        : `${losses.events} loss(es) costing ${money(losses.cost)} (${reasons}).`,
      severity: losses.previous_cost !== null && losses.cost > losses.previous_cost ? 'warning' : 'info',
    },
  ];
}

/** How far the count is, and the product that moved most since last month. */
export function countInsights(context: AssistantContext, say: Phrasing): AssistantInsight[] {
  const { fr, qty } = say;
  const { totals } = context;
  const insights: AssistantInsight[] = [];
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
  return insights;
}

/** Products missing a purchase price, an identifier or an expiry date. */
export function dataQualityInsights(context: AssistantContext, say: Phrasing): AssistantInsight[] {
  const { fr } = say;
  const dq = context.data_quality;
  const gaps = [
    [dq.missing_purchase_price, fr ? 'sans prix d’achat' : 'without a purchase price'],
    [dq.missing_identifier, fr ? 'sans code-barres ni référence' : 'without barcode or SKU'],
    [dq.counted_without_expiry, fr ? 'comptés sans date limite' : 'counted without an expiry date'],
  ] as const;
  const found = gaps.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (found.length === 0) return [];
  return [
    {
      title: fr ? 'Données à compléter' : 'Data to complete',
      description: `${fr ? 'Produits' : 'Products'} : ${found.join(', ')}.`,
      severity: 'info',
    },
  ];
}
