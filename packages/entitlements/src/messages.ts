import type { Localized } from '@stockscan/contracts';
import type { FeatureKey, HeldKey, QuotaKey } from './entitlements';
import { countOf, describeLimit, FEATURE_LABELS } from './labels';
import { PLAN_NAMES, type PlanCode } from './plans';

const NBSP = '\u00a0';
const CONTACT_US: Localized = { fr: 'Contactez-nous pour l’activer.', en: 'Contact us to enable it.' };

function upgradeTo(upgrade: PlanCode): Localized {
  const name = PLAN_NAMES[upgrade];
  return { fr: `Passez à l’offre ${name} pour en profiter.`, en: `Upgrade to the ${name} plan to use it.` };
}

function join(...parts: Localized[]): Localized {
  return { fr: parts.map((p) => p.fr).join(' '), en: parts.map((p) => p.en).join(' ') };
}

/** The one thing to do about a full count: free a slot, or upgrade when a plan above would allow it. */
const COUNT_ACTIONS: Record<HeldKey, (upgrade: string | null) => Localized> = {
  max_products: (up) =>
    up
      ? {
          fr: `Archivez des produits ou passez à l’offre ${up}.`,
          en: `Archive some products or upgrade to the ${up} plan.`,
        }
      : {
          fr: 'Archivez des produits pour en ajouter de nouveaux.',
          en: 'Archive some products to add new ones.',
        },
  max_services: (up) =>
    up
      ? {
          fr: `Supprimez un service inutilisé ou passez à l’offre ${up}.`,
          en: `Delete an unused service or upgrade to the ${up} plan.`,
        }
      : {
          fr: 'Supprimez un service inutilisé pour en créer un autre.',
          en: 'Delete an unused service to create another one.',
        },
  max_users: (up) =>
    up
      ? {
          fr: `Retirez un membre ou annulez une invitation, ou passez à l’offre ${up}.`,
          en: `Remove a member or cancel an invitation, or upgrade to the ${up} plan.`,
        }
      : {
          fr: 'Retirez un membre ou annulez une invitation pour inviter quelqu’un d’autre.',
          en: 'Remove a member or cancel an invitation to invite someone else.',
        },
  max_locations: (up) =>
    up
      ? {
          fr: `Archivez un emplacement ou passez à l’offre ${up}.`,
          en: `Archive a location or upgrade to the ${up} plan.`,
        }
      : {
          fr: 'Archivez un emplacement pour en créer un autre.',
          en: 'Archive a location to create another one.',
        },
};

export function countMessage(
  key: HeldKey,
  plan: PlanCode,
  limit: number,
  upgrade: PlanCode | null,
): Localized {
  const name = PLAN_NAMES[plan];
  const count = countOf(key, limit);
  const scope: Localized =
    key === 'max_users'
      ? { fr: ', invitations en attente comprises', en: ', pending invitations included' }
      : key === 'max_locations'
        ? { fr: ' par service', en: ' per service' }
        : { fr: '', en: '' };
  const reason = {
    fr: `Votre offre ${name} permet ${count.fr}${scope.fr}.`,
    en: `Your ${name} plan allows ${count.en}${scope.en}.`,
  };
  return join(reason, COUNT_ACTIONS[key](upgrade === null ? null : PLAN_NAMES[upgrade]));
}

/** What a quota of 0 leaves out. */
const NOT_INCLUDED: Record<QuotaKey, Localized> = {
  exports_xlsx_month: { fr: 'les exports Excel', en: 'Excel exports' },
  exports_csv_month: { fr: 'les exports CSV', en: 'CSV exports' },
  ai_requests_month: { fr: 'l’assistant IA', en: 'the AI assistant' },
};

export function quotaMessage(
  key: QuotaKey,
  plan: PlanCode,
  limit: number,
  upgrade: PlanCode | null,
): Localized {
  const name = PLAN_NAMES[plan];
  if (limit === 0) {
    const what = NOT_INCLUDED[key];
    const reason = {
      fr: `Votre offre ${name} n’inclut pas ${what.fr}.`,
      en: `Your ${name} plan does not include ${what.en}.`,
    };
    return join(reason, upgrade ? upgradeTo(upgrade) : CONTACT_US);
  }
  const quota = describeLimit(key, limit);
  const reason = {
    fr: `Votre offre ${name} permet ${quota.fr}.`,
    en: `Your ${name} plan allows ${quota.en}.`,
  };
  const action: Localized = upgrade
    ? {
        fr: `Le quota repart à zéro le mois prochain, ou passez dès maintenant à l’offre ${PLAN_NAMES[upgrade]}.`,
        en: `The quota resets next month, or upgrade to the ${PLAN_NAMES[upgrade]} plan now.`,
      }
    : {
        fr: 'Le quota repart à zéro le 1er du mois prochain.',
        en: 'The quota resets on the 1st of next month.',
      };
  return join(reason, action);
}

export function featureMessage(feature: FeatureKey, plan: PlanCode, upgrade: PlanCode | null): Localized {
  const name = PLAN_NAMES[plan];
  const label = FEATURE_LABELS[feature];
  const reason = {
    fr: `Votre offre ${name} n’inclut pas la fonctionnalité «${NBSP}${label.fr}${NBSP}».`,
    en: `Your ${name} plan does not include “${label.en}”.`,
  };
  return join(reason, upgrade ? upgradeTo(upgrade) : CONTACT_US);
}
