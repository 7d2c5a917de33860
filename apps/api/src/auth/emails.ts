import type { Locale } from '@stockscan/contracts';
import type { MailMessage } from '../integrations/sendgrid';

/** Account emails, French unless the user chose English. Links carry the raw token; only its hash is stored. */

export function userLocale(locale: string | null | undefined): Locale {
  return locale === 'en' ? 'en' : 'fr';
}

export function passwordResetEmail(to: string, username: string, link: string, locale: Locale): MailMessage {
  if (locale === 'en')
    return {
      to,
      subject: 'Reset your StockScan password',
      text: [
        `Hello ${username},`,
        '',
        'Someone (hopefully you) asked to reset your StockScan password.',
        `Choose a new one here (the link is valid for one hour and works once): ${link}`,
        '',
        'If you did not ask for it, ignore this email: your password stays unchanged.',
      ].join('\n'),
    };
  return {
    to,
    subject: 'Réinitialisez votre mot de passe StockScan',
    text: [
      `Bonjour ${username},`,
      '',
      'Une demande de réinitialisation du mot de passe de votre compte StockScan a été faite.',
      `Choisissez un nouveau mot de passe ici (lien valable une heure, utilisable une seule fois) : ${link}`,
      '',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.',
    ].join('\n'),
  };
}

/**
 * The confirmation link. `toLogIn`: the account cannot log in before (EMAIL_VERIFICATION_REQUIRED); otherwise
 * it confirms the address that emailed exports and the AI assistant need.
 */
export function verificationEmail(
  to: string,
  username: string,
  link: string,
  locale: Locale,
  toLogIn = true,
): MailMessage {
  if (locale === 'en')
    return {
      to,
      subject: 'Confirm your email address for StockScan',
      text: [
        `Hello ${username},`,
        '',
        toLogIn
          ? `Welcome to StockScan! Confirm your email address to log in: ${link}`
          : `Welcome to StockScan! Confirm your email address to send exports by email and use the AI assistant: ${link}`,
        '',
        'If you did not create this account, ignore this email.',
      ].join('\n'),
    };
  return {
    to,
    subject: 'Confirmez votre adresse e-mail StockScan',
    text: [
      `Bonjour ${username},`,
      '',
      toLogIn
        ? `Bienvenue sur StockScan ! Confirmez votre adresse e-mail pour vous connecter : ${link}`
        : `Bienvenue sur StockScan ! Confirmez votre adresse e-mail pour envoyer vos exports par e-mail et utiliser l’assistant IA : ${link}`,
      '',
      'Si vous n’avez pas créé ce compte, ignorez cet e-mail.',
    ].join('\n'),
  };
}
