import { defineMessages } from '../../i18n/i18n';

export const bannerMessages = defineMessages({
  fr: {
    past_due:
      'Le dernier paiement de votre abonnement a échoué. Mettez à jour votre carte pour garder l’offre {plan}.',
    past_due_lost:
      'Le paiement de votre abonnement a échoué : votre compte est repassé à l’offre Solo. Réglez le paiement pour retrouver votre offre.',
    past_due_action: 'Régler le paiement',
    over_products:
      'Vous avez {count} produits actifs pour {limit} compris dans l’offre {plan} : l’ajout de produits est bloqué, le comptage et les exports continuent. Archivez-en {excess} ou passez à l’offre {upgrade}.',
    over_products_no_upgrade:
      'Vous avez {count} produits actifs pour {limit} compris dans l’offre {plan}. Archivez-en {excess} pour pouvoir en ajouter.',
    over_services:
      'Vous avez {count} services pour {limit} compris dans l’offre {plan} : impossible d’en créer un autre. Supprimez-en {excess} ou passez à l’offre {upgrade}.',
    over_services_no_upgrade:
      'Vous avez {count} services pour {limit} compris dans l’offre {plan}. Supprimez-en {excess} pour pouvoir en créer.',
    over_users:
      'Votre équipe compte {count} personnes (invitations comprises) pour {limit} dans l’offre {plan} : plus d’invitation possible. Retirez-en {excess} ou passez à l’offre {upgrade}.',
    over_users_no_upgrade:
      'Votre équipe compte {count} personnes (invitations comprises) pour {limit} dans l’offre {plan}. Retirez-en {excess} pour inviter quelqu’un.',
    upgrade_action: 'Passer à l’offre {plan}',
    fix_products: 'Archiver des produits',
    fix_services: 'Gérer les services',
    fix_users: 'Gérer l’équipe',
    trial_title: 'Essai {plan} : {days} jours restants',
    trial_title_one: 'Essai {plan} : dernier jour',
    trial_text: 'Ensuite, votre compte passe à l’offre Solo gratuite ({limits}).',
    trial_action: 'Choisir mon offre',
    owner_decides: 'Le propriétaire de l’établissement choisit l’offre.',
    owner_pays: 'Prévenez le propriétaire de l’établissement : lui seul peut régler le paiement.',
    dismiss: 'Masquer',
    dismiss_label: 'Masquer ce rappel',
    region: 'Votre offre',
  },
  en: {
    past_due: 'The last payment of your subscription failed. Update your card to keep the {plan} plan.',
    past_due_lost:
      'Your subscription payment failed: your account is back on the Solo plan. Settle the payment to get your plan back.',
    past_due_action: 'Settle the payment',
    over_products:
      'You have {count} active products for {limit} included in the {plan} plan: adding products is blocked, counting and exports still work. Archive {excess} or upgrade to {upgrade}.',
    over_products_no_upgrade:
      'You have {count} active products for {limit} included in the {plan} plan. Archive {excess} to add new ones.',
    over_services:
      'You have {count} services for {limit} included in the {plan} plan: you cannot create another one. Delete {excess} or upgrade to {upgrade}.',
    over_services_no_upgrade:
      'You have {count} services for {limit} included in the {plan} plan. Delete {excess} to create new ones.',
    over_users:
      'Your team has {count} people (invitations included) for {limit} in the {plan} plan: no more invitations. Remove {excess} or upgrade to {upgrade}.',
    over_users_no_upgrade:
      'Your team has {count} people (invitations included) for {limit} in the {plan} plan. Remove {excess} to invite someone.',
    upgrade_action: 'Upgrade to {plan}',
    fix_products: 'Archive products',
    fix_services: 'Manage services',
    fix_users: 'Manage the team',
    trial_title: '{plan} trial: {days} days left',
    trial_title_one: '{plan} trial: last day',
    trial_text: 'Then your account moves to the free Solo plan ({limits}).',
    trial_action: 'Choose my plan',
    owner_decides: 'The owner of the business chooses the plan.',
    owner_pays: 'Let the owner of the business know: only they can settle the payment.',
    dismiss: 'Hide',
    dismiss_label: 'Hide this reminder',
    region: 'Your plan',
  },
});
