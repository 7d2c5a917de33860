import { defineMessages } from '../../i18n/i18n';

/** Forgotten password, reset link and email confirmation pages. */
export const passwordMessages = defineMessages({
  fr: {
    forgot_title: 'Mot de passe oublié',
    forgot_lead:
      'Indiquez l’adresse e-mail de votre compte : nous vous envoyons un lien pour en choisir un nouveau.',
    email: 'Adresse e-mail',
    forgot_submit: 'Recevoir le lien',
    forgot_sent_title: 'Regardez vos e-mails',
    forgot_sent:
      'Si un compte existe pour {email}, un e-mail vient de partir. Le lien est valable 1 heure et ne sert qu’une fois. Pensez à regarder dans les indésirables.',
    forgot_again: 'Utiliser une autre adresse',
    back_login: 'Retour à la connexion',
    reset_title: 'Nouveau mot de passe',
    reset_lead:
      'Choisissez un mot de passe d’au moins 8 caractères. Vos autres appareils seront déconnectés.',
    new_password: 'Nouveau mot de passe',
    confirm_password: 'Confirmez le mot de passe',
    reset_submit: 'Enregistrer le mot de passe',
    reset_done_title: 'Mot de passe changé',
    reset_done: 'Vous pouvez vous connecter avec votre nouveau mot de passe.',
    link_invalid:
      'Ce lien n’est plus valable : il a expiré (1 heure), a déjà servi, ou est incomplet. Demandez-en un nouveau.',
    link_new: 'Demander un nouveau lien',
    verify_title: 'Confirmation de l’adresse e-mail',
    verify_pending: 'Confirmation en cours…',
    verify_done: 'Adresse e-mail confirmée. Vous pouvez vous connecter.',
    verify_done_signed_in: 'Adresse e-mail confirmée. Merci !',
    verify_invalid:
      'Ce lien de confirmation n’est plus valable : il a expiré, a déjà servi, ou est incomplet. Si vous pouvez vous connecter, votre adresse est sans doute déjà confirmée.',
  },
  en: {
    forgot_title: 'Forgotten password',
    forgot_lead: 'Enter your account’s email address: we will send you a link to choose a new one.',
    email: 'Email address',
    forgot_submit: 'Send me the link',
    forgot_sent_title: 'Check your email',
    forgot_sent:
      'If an account exists for {email}, an email is on its way. The link works for 1 hour and only once. Check your spam folder too.',
    forgot_again: 'Use another address',
    back_login: 'Back to log in',
    reset_title: 'New password',
    reset_lead: 'Choose a password of at least 8 characters. Your other devices will be logged out.',
    new_password: 'New password',
    confirm_password: 'Confirm the password',
    reset_submit: 'Save the password',
    reset_done_title: 'Password changed',
    reset_done: 'You can now log in with your new password.',
    link_invalid:
      'This link no longer works: it expired (1 hour), was already used, or is incomplete. Ask for a new one.',
    link_new: 'Ask for a new link',
    verify_title: 'Email confirmation',
    verify_pending: 'Confirming…',
    verify_done: 'Email address confirmed. You can now log in.',
    verify_done_signed_in: 'Email address confirmed. Thank you!',
    verify_invalid:
      'This confirmation link no longer works: it expired, was already used, or is incomplete. If you can log in, your address is probably already confirmed.',
  },
});
