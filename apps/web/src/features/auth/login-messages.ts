import { defineMessages } from '../../i18n/i18n';

export const loginMessages = defineMessages({
  fr: {
    title: 'Se connecter',
    lead: 'Retrouvez votre inventaire là où vous l’avez laissé.',
    identifier: 'Identifiant ou e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    no_account: 'Pas encore de compte ?',
    register: 'Créer un compte — essai gratuit',
    identifier_required: 'Saisissez votre identifiant ou votre adresse e-mail.',
    password_required: 'Saisissez votre mot de passe.',
    invalid_credentials:
      'Identifiant ou mot de passe incorrect. Vérifiez les majuscules, ou essayez avec votre adresse e-mail.',
    email_not_verified:
      'Confirmez d’abord votre adresse e-mail : ouvrez le lien reçu à l’inscription (regardez aussi dans les indésirables).',
    already_signed_in: 'Vous êtes déjà connecté sur cet appareil.',
  },
  en: {
    title: 'Log in',
    lead: 'Pick up your stock count where you left it.',
    identifier: 'Username or email',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    no_account: 'No account yet?',
    register: 'Sign up — free trial',
    identifier_required: 'Enter your username or email address.',
    password_required: 'Enter your password.',
    invalid_credentials: 'Wrong username or password. Check capital letters, or try your email address.',
    email_not_verified:
      'Please confirm your email address first: open the link sent when you signed up (check your spam folder too).',
    already_signed_in: 'You are already logged in on this device.',
  },
});
