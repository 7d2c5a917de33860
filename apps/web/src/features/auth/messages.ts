import { defineMessages } from '../../i18n/i18n';

/** Words shared by the login, sign-up and password pages. */
export const authCommon = defineMessages({
  fr: {
    dismiss: 'Fermer',
    dismiss_label: 'Fermer ce message',
    retry: 'Réessayer',
    sending: 'Envoi…',
    network: 'Pas de connexion au serveur. Vérifiez le Wi-Fi ou la 4G, puis réessayez.',
    rate_limited_wait: 'Trop de tentatives d’affilée. Vous pourrez réessayer dans {s} s.',
    rate_limited_minute: 'Trop de tentatives d’affilée. Patientez une minute, puis réessayez.',
    rate_limited_over: 'Vous pouvez réessayer maintenant.',
    to_login: 'Aller à la connexion',
    to_app: 'Ouvrir StockScan',
    forgot_link: 'Mot de passe oublié ?',
    password_mismatch: 'Les deux mots de passe ne sont pas identiques.',
    password_rule: 'Au moins 8 caractères.',
    email_invalid: 'Adresse e-mail invalide, par exemple nom@domaine.fr.',
  },
  en: {
    dismiss: 'Close',
    dismiss_label: 'Close this message',
    retry: 'Try again',
    sending: 'Sending…',
    network: 'Cannot reach the server. Check your Wi-Fi or mobile data, then try again.',
    rate_limited_wait: 'Too many attempts in a row. You can try again in {s} s.',
    rate_limited_minute: 'Too many attempts in a row. Wait a minute, then try again.',
    rate_limited_over: 'You can try again now.',
    to_login: 'Go to log in',
    to_app: 'Open StockScan',
    forgot_link: 'Forgot your password?',
    password_mismatch: 'The two passwords are not the same.',
    password_rule: 'At least 8 characters.',
    email_invalid: 'Invalid email address, for example name@domain.com.',
  },
});
