import type { AssistantAction, AssistantHref, AssistantInsight, Locale } from '@stockscan/contracts';
import type { AssistantContext } from './context-types';
import { countInsights, dataQualityInsights, lossInsights, stockInsights } from './fallback-insights';
import { type Phrasing, phrasing } from './phrasing';

export interface AssistantAnswer {
  message: string;
  insights: AssistantInsight[];
  actions: AssistantAction[];
}

const ACTIONS: Record<Locale, Record<'count' | 'losses' | 'exports', string>> = {
  fr: { count: 'Ouvrir le comptage', losses: 'Voir les pertes', exports: 'Exporter l’inventaire' },
  en: { count: 'Open the count', losses: 'See losses', exports: 'Export the inventory' },
};

const HREFS: Record<keyof (typeof ACTIONS)['fr'], AssistantHref> = {
  count: '/app/inventory',
  losses: '/app/losses',
  exports: '/app/exports',
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
  const say = phrasing(locale, context.currency);
  const insights = [
    ...stockInsights(context, say),
    ...lossInsights(context, say),
    ...countInsights(context, say),
    ...dataQualityInsights(context, say),
  ];
  return {
    message: summary(context, say, question).join(' '),
    insights: insights.slice(0, 5),
    actions: suggestedActions(context, locale),
  };
}

/** The opening sentences: why no AI answer, what was counted and its value, the change since last month. */
function summary(context: AssistantContext, say: Phrasing, question: string | null): string[] {
  const { fr, money } = say;
  const { totals, previous } = context;
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
  return sentences;
}

/** Where to go next: the count when something is left to count or low, the losses, the export. */
function suggestedActions(context: AssistantContext, locale: Locale): AssistantAction[] {
  const { totals, losses } = context;
  const actions: AssistantAction[] = [];
  const add = (key: keyof typeof HREFS) => actions.push({ label: ACTIONS[locale][key], href: HREFS[key] });
  if (totals.not_counted > 0 || (context.out_of_stock?.count ?? 0) > 0 || (context.low_stock?.count ?? 0) > 0)
    add('count');
  if (losses && losses.events > 0) add('losses');
  if (totals.counted > 0) add('exports');
  return actions;
}
