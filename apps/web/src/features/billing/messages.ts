import { defineMessages } from '../../i18n/i18n';

/** Subscription page, Stripe return pages. */
export const billingMessages = defineMessages({
  fr: {
    title: 'Abonnement',
    back_settings: 'Réglages',
    loading: 'Chargement de votre abonnement…',
    not_owner_title: 'Réservé au propriétaire',
    not_owner_text:
      'Seul le propriétaire de l’établissement voit et change l’abonnement. Si une limite vous bloque, dites-le-lui : il peut changer d’offre ici.',
    back_home: 'Retour au tableau de bord',
    // Current plan
    current_title: 'Votre offre',
    plan_name: 'Offre {plan}',
    source_TRIAL: 'Essai gratuit',
    source_FREE: 'Gratuite',
    source_PAID: 'Payante',
    source_MANUAL: 'Attribuée par StockScan',
    source_LIFETIME: 'À vie',
    cycle_MONTHLY: 'Facturation mensuelle',
    cycle_YEARLY: 'Facturation annuelle',
    trial_days: 'Il reste {days} jours d’essai, jusqu’au {date}.',
    trial_one: 'Dernier jour d’essai : il se termine le {date}.',
    trial_end: 'Ensuite, vous passez à Solo (gratuit), sauf si vous choisissez une offre. Rien n’est effacé.',
    trial_over: 'Votre essai s’est terminé le {date}.',
    stripe_trial: 'Période d’essai jusqu’au {date} : le premier paiement aura lieu ce jour-là.',
    renews: 'Prochain paiement le {date}.',
    cancel_planned:
      'Résiliation prévue le {date} : {plan} reste actif jusque-là, puis vous passez à Solo (gratuit). Vos données restent.',
    expired: 'Votre offre {plan} a pris fin le {date} : vous êtes sur Solo (gratuit). Rien n’a été effacé.',
    free_text:
      'Solo est gratuit, sans limite de durée. Passez à Duo ou Multi pour compter à plusieurs et sur plusieurs services.',
    manual_until: 'Valable jusqu’au {date}.',
    past_due_title: 'Le dernier paiement a échoué',
    past_due_text:
      'Mettez à jour votre carte avant le {date} pour garder {plan}. Passé cette date, vous passez à Solo (gratuit) ; vos données restent.',
    past_due_text_no_date: 'Mettez à jour votre carte pour garder {plan}.',
    usage_title: 'Votre utilisation',
    usage_line: '{used} / {limit}',
    usage_unlimited: '{used} (illimité)',
    usage_products: 'Produits',
    usage_services: 'Services',
    usage_users: 'Utilisateurs',
    usage_over: 'Solo : {n} max.',
    // Portal
    portal: 'Gérer la carte et les factures',
    portal_opening: 'Ouverture…',
    portal_hint:
      'Changer de carte, télécharger vos factures, changer d’offre ou résilier : tout se fait sur la page sécurisée de notre prestataire de paiement (Stripe).',
    portal_disabled:
      'La gestion en ligne de l’abonnement n’est pas ouverte pour l’instant. Pour changer de carte, obtenir une facture ou résilier, écrivez-nous depuis l’adresse e-mail de votre compte.',
    // Plans
    plans_title: 'Changer d’offre',
    plans_title_choose: 'Choisir une offre',
    change_in_portal:
      'Vous avez un abonnement en cours : pour passer à une autre offre, utilisez « Gérer la carte et les factures ». Le changement est calculé au prorata.',
    checkout_soon:
      'Le paiement en ligne ouvre bientôt. D’ici là, votre essai vous donne tout Multi, et Solo reste gratuit ensuite.',
    checkout_unavailable:
      'Le paiement en ligne est momentanément indisponible. Réessayez plus tard : votre offre actuelle continue.',
    chosen_title: 'Votre choix : {plan}',
    chosen_price: '{price} {period}',
    per_month: 'par mois',
    per_year: 'par an',
    chosen_trial:
      'Vos {days} jours d’essai restants sont conservés : le premier paiement aura lieu à la fin de l’essai.',
    chosen_pay: 'Payer par carte',
    chosen_pay_named: 'Passer à {plan} — payer par carte',
    chosen_secure: 'Paiement sécurisé par Stripe. Sans engagement : vous résiliez quand vous voulez.',
    chosen_other: 'Voir toutes les offres',
    chosen_current: 'C’est déjà votre offre.',
    redirecting: 'Redirection vers le paiement…',
    CONFLICT: 'Un abonnement est déjà en cours : pour changer d’offre, ouvrez la gestion de l’abonnement.',
    STRIPE_NOT_CONFIGURED:
      'Le paiement en ligne n’est pas disponible pour le moment. Votre offre actuelle continue ; réessayez plus tard.',
    tax: 'Prix TTC.',
    // Success page
    success_title: 'Merci !',
    success_checking: 'Nous confirmons votre paiement…',
    success_plan: 'Vous êtes maintenant sur l’offre {plan}.',
    success_trial: 'Votre essai continue jusqu’au {date} ; le premier paiement aura lieu ce jour-là.',
    success_renews: 'Prochain paiement le {date}. Les factures sont dans Réglages → Abonnement.',
    success_pending:
      'Votre paiement est en cours de validation par la banque. Cela prend en général moins d’une minute.',
    success_pending_retry: 'Vérifier à nouveau',
    success_failed:
      'Le paiement n’est pas passé : votre banque l’a refusé. Mettez à jour votre carte depuis la page Abonnement pour garder votre offre.',
    success_open: 'Ouvrir l’inventaire',
    success_see: 'Voir mon abonnement',
    success_missing:
      'Ce lien de retour est incomplet. Si votre paiement a abouti, votre nouvelle offre apparaît dans Réglages → Abonnement d’ici quelques minutes.',
    success_not_found:
      'Nous ne retrouvons pas ce paiement. Si vous avez été débité, votre offre apparaîtra dans Réglages → Abonnement d’ici quelques minutes ; sinon, recommencez depuis la page Abonnement.',
    success_forbidden:
      'Ce paiement concerne un autre établissement que celui ouvert en ce moment. Changez d’établissement (menu en haut) ou connectez-vous avec le compte qui a payé.',
    success_role: 'Seul le propriétaire peut confirmer un paiement. Connectez-vous avec son compte.',
    success_login: 'Connectez-vous pour confirmer votre paiement : votre offre s’affichera ensuite.',
    to_login: 'Se connecter',
    // Cancel page
    cancel_title: 'Paiement annulé',
    cancel_text: 'Aucun montant n’a été débité. Votre offre actuelle continue comme avant.',
    cancel_back: 'Revenir aux offres',
    cancel_open: 'Ouvrir l’inventaire',
  },
  en: {
    title: 'Subscription',
    back_settings: 'Settings',
    loading: 'Loading your subscription…',
    not_owner_title: 'Owner only',
    not_owner_text:
      'Only the owner of the business sees and changes the subscription. If a limit blocks you, tell them: they can change plans here.',
    back_home: 'Back to the dashboard',
    current_title: 'Your plan',
    plan_name: '{plan} plan',
    source_TRIAL: 'Free trial',
    source_FREE: 'Free',
    source_PAID: 'Paid',
    source_MANUAL: 'Granted by StockScan',
    source_LIFETIME: 'Lifetime',
    cycle_MONTHLY: 'Billed monthly',
    cycle_YEARLY: 'Billed yearly',
    trial_days: '{days} days of trial left, until {date}.',
    trial_one: 'Last day of trial: it ends on {date}.',
    trial_end: 'Then you move to Solo (free), unless you choose a plan. Nothing is deleted.',
    trial_over: 'Your trial ended on {date}.',
    stripe_trial: 'Trial period until {date}: the first payment happens that day.',
    renews: 'Next payment on {date}.',
    cancel_planned:
      'Cancellation scheduled on {date}: {plan} stays active until then, then you move to Solo (free). Your data stays.',
    expired: 'Your {plan} plan ended on {date}: you are on Solo (free). Nothing was deleted.',
    free_text:
      'Solo is free, with no time limit. Move to Duo or Multi to count as a team and across several services.',
    manual_until: 'Valid until {date}.',
    past_due_title: 'The last payment failed',
    past_due_text:
      'Update your card before {date} to keep {plan}. After that date you move to Solo (free); your data stays.',
    past_due_text_no_date: 'Update your card to keep {plan}.',
    usage_title: 'Your usage',
    usage_line: '{used} / {limit}',
    usage_unlimited: '{used} (unlimited)',
    usage_products: 'Products',
    usage_services: 'Services',
    usage_users: 'Users',
    usage_over: 'Solo: {n} max.',
    portal: 'Manage card and invoices',
    portal_opening: 'Opening…',
    portal_hint:
      'Change card, download invoices, change plan or cancel: all on the secure page of our payment provider (Stripe).',
    portal_disabled:
      'Online subscription management is not open yet. To change card, get an invoice or cancel, write to us from your account’s email address.',
    plans_title: 'Change plan',
    plans_title_choose: 'Choose a plan',
    change_in_portal:
      'You have a running subscription: to move to another plan, use “Manage card and invoices”. The change is prorated.',
    checkout_soon:
      'Online payment opens soon. Until then, your trial gives you all of Multi, and Solo stays free afterwards.',
    checkout_unavailable:
      'Online payment is temporarily unavailable. Try again later: your current plan continues.',
    chosen_title: 'Your choice: {plan}',
    chosen_price: '{price} {period}',
    per_month: 'per month',
    per_year: 'per year',
    chosen_trial: 'Your {days} remaining trial days are kept: the first payment happens when the trial ends.',
    chosen_pay: 'Pay by card',
    chosen_pay_named: 'Move to {plan} — pay by card',
    chosen_secure: 'Secure payment by Stripe. No commitment: cancel whenever you want.',
    chosen_other: 'See all plans',
    chosen_current: 'This is already your plan.',
    redirecting: 'Taking you to the payment…',
    CONFLICT: 'A subscription is already running: to change plan, open the subscription management.',
    STRIPE_NOT_CONFIGURED:
      'Online payment is not available right now. Your current plan continues; try again later.',
    tax: 'Prices include VAT.',
    success_title: 'Thank you!',
    success_checking: 'Confirming your payment…',
    success_plan: 'You are now on the {plan} plan.',
    success_trial: 'Your trial continues until {date}; the first payment happens that day.',
    success_renews: 'Next payment on {date}. Invoices are in Settings → Subscription.',
    success_pending: 'Your bank is still validating the payment. It usually takes less than a minute.',
    success_pending_retry: 'Check again',
    success_failed:
      'The payment did not go through: your bank refused it. Update your card from the Subscription page to keep your plan.',
    success_open: 'Open the inventory',
    success_see: 'See my subscription',
    success_missing:
      'This return link is incomplete. If your payment went through, your new plan shows in Settings → Subscription within a few minutes.',
    success_not_found:
      'We cannot find this payment. If you were charged, your plan will show in Settings → Subscription within a few minutes; otherwise start again from the Subscription page.',
    success_forbidden:
      'This payment is for another business than the one open now. Switch business (top menu) or log in with the account that paid.',
    success_role: 'Only the owner can confirm a payment. Log in with their account.',
    success_login: 'Log in to confirm your payment: your plan will show afterwards.',
    to_login: 'Log in',
    cancel_title: 'Payment canceled',
    cancel_text: 'Nothing was charged. Your current plan continues as before.',
    cancel_back: 'Back to the plans',
    cancel_open: 'Open the inventory',
  },
});

export type BillingMessageKey = keyof (typeof billingMessages)['fr'];
