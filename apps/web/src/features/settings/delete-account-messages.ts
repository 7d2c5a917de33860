import { defineMessages } from '../../i18n/i18n';

export const deleteAccountMessages = defineMessages({
  fr: {
    open: 'Supprimer mon compte…',
    title: 'Supprimer mon compte',
    body_owner:
      'Votre compte sera supprimé définitivement. Si vous êtes seul dans « {name} », l’établissement part avec lui, avec tout ce qu’il contient (produits, inventaires, pertes), et son abonnement est résilié auprès de Stripe avant la suppression. Si d’autres membres y restent, nommez d’abord un autre propriétaire.',
    body_member:
      'Votre compte sera supprimé définitivement. « {name} » reste en place pour les autres membres.',
    body_no_tenant: 'Votre compte sera supprimé définitivement.',
    export_first: 'Pensez à exporter vos inventaires avant : rien ne pourra être récupéré.',
    export_link: 'Exporter mes inventaires',
    confirm_label: 'Pour confirmer, tapez « {name} »',
    confirm_mismatch: 'Tapez exactement « {name} ».',
    password: 'Mot de passe',
    submit: 'Supprimer définitivement',
    submitting: 'Suppression…',
    cancel: 'Annuler',
    done: 'Votre compte a été supprimé.',
  },
  en: {
    open: 'Delete my account…',
    title: 'Delete my account',
    body_owner:
      'Your account will be deleted for good. If you are alone in “{name}”, the business goes with it, with everything in it (products, inventories, losses), and its subscription is cancelled with Stripe before the deletion. If other members stay, make someone else owner first.',
    body_member: 'Your account will be deleted for good. “{name}” stays for its other members.',
    body_no_tenant: 'Your account will be deleted for good.',
    export_first: 'Export your inventories first: nothing can be recovered.',
    export_link: 'Export my inventories',
    confirm_label: 'To confirm, type “{name}”',
    confirm_mismatch: 'Type exactly “{name}”.',
    password: 'Password',
    submit: 'Delete for good',
    submitting: 'Deleting…',
    cancel: 'Cancel',
    done: 'Your account was deleted.',
  },
});
