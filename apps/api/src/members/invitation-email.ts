import type { Locale, Role } from '@stockscan/contracts';
import type { MailMessage } from '../integrations/sendgrid';

export interface InvitationEmailFacts {
  to: string;
  link: string;
  tenantName: string;
  inviter: string | null;
  role: Role;
  serviceName: string | null;
  expiresAt: Date;
}

const ROLE_LABEL: Record<Locale, Record<Role, string>> = {
  fr: { owner: 'propriétaire', manager: 'responsable', operator: 'opérateur' },
  en: { owner: 'owner', manager: 'manager', operator: 'operator' },
};

function expiryText(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** The invitation email, in the inviter's language (French unless they chose English). */
export function invitationEmail(facts: InvitationEmailFacts, locale: Locale): MailMessage {
  const role = ROLE_LABEL[locale][facts.role];
  const expires = expiryText(facts.expiresAt, locale);
  if (locale === 'en') {
    const who = facts.inviter ? `${facts.inviter} invites you` : 'You are invited';
    const scope = facts.serviceName ? ` for the service "${facts.serviceName}"` : '';
    return {
      to: facts.to,
      subject: `Invitation to join ${facts.tenantName} on StockScan`,
      text: [
        'Hello,',
        '',
        `${who} to join ${facts.tenantName} on StockScan as ${role}${scope}.`,
        `Accept the invitation here: ${facts.link}`,
        `This link expires on ${expires} (UTC).`,
        '',
        'If you were not expecting this invitation, ignore this email.',
      ].join('\n'),
    };
  }
  const who = facts.inviter ? `${facts.inviter} vous invite` : 'Vous êtes invité(e)';
  const scope = facts.serviceName ? ` pour le service « ${facts.serviceName} »` : '';
  return {
    to: facts.to,
    subject: `Invitation à rejoindre ${facts.tenantName} sur StockScan`,
    text: [
      'Bonjour,',
      '',
      `${who} à rejoindre ${facts.tenantName} sur StockScan en tant que ${role}${scope}.`,
      `Acceptez l’invitation ici : ${facts.link}`,
      `Ce lien expire le ${expires} (UTC).`,
      '',
      'Si vous n’attendiez pas cette invitation, ignorez cet e-mail.',
    ].join('\n'),
  };
}
