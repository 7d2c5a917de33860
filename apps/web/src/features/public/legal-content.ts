import type { LegalIdentity, Locale } from '@stockscan/contracts';

/**
 * Who publishes and hosts the service comes from the server (LEGAL_* variables, `system.config`). Unset fields
 * are not shown; while all are unset the page says the details are available on request (never a placeholder).
 */
export type IdentityField = keyof LegalIdentity;
export const IDENTITY_FIELDS: readonly IdentityField[] = [
  'publisher_name',
  'publisher_address',
  'publisher_id',
  'contact_email',
  'host',
];

export const LEGAL_UPDATED = '2026-11-29';

export interface LegalSection {
  id: string;
  title: string;
  paragraphs: string[];
}

export interface LegalText {
  title: string;
  intro: string;
  toc: string;
  updated: string;
  on_request: string;
  identity: Record<IdentityField, string>;
  /** Section 3's sentence on the trial: `{trial}` in its paragraphs, as the server grants it. */
  trial: string;
  trial_free: string;
  trial_unknown: string;
  notice_title: string;
  terms_title: string;
  terms: LegalSection[];
  notice: LegalSection[];
  prevails: string | null;
}

export const LEGAL: Record<Locale, LegalText> = {
  fr: {
    title: 'CGU et mentions légales',
    intro:
      'Ces conditions s’appliquent à toute personne qui utilise StockScan (aussi appelé Inventarium) : le propriétaire d’un établissement et les membres de son équipe.',
    toc: 'Sur cette page',
    updated: 'Mise à jour le {date}',
    on_request:
      'L’identité de l’éditeur (raison sociale, siège, immatriculation), le directeur de la publication et l’hébergeur sont communiqués sur simple demande.',
    identity: {
      publisher_name: 'Éditeur',
      publisher_address: 'Siège',
      publisher_id: 'Immatriculation',
      contact_email: 'Contact',
      host: 'Hébergeur',
    },
    trial:
      'À l’inscription, l’offre {plan} est offerte pendant {days}, sans carte bancaire ; à la fin de l’essai, le compte passe à l’offre {free} sauf si vous avez choisi une offre payante.',
    trial_free:
      'L’inscription ouvre un compte sur l’offre {free}, gratuite et sans limite de durée ; vous pouvez choisir une offre payante à tout moment.',
    trial_unknown:
      'À l’inscription, un essai gratuit peut être offert pendant la durée indiquée, sans carte bancaire ; à la fin de l’essai, le compte passe à l’offre {free} sauf si vous avez choisi une offre payante.',
    terms_title: 'Conditions générales d’utilisation',
    terms: [
      {
        id: 'objet',
        title: '1. Objet',
        paragraphs: [
          'StockScan est un service en ligne qui aide les commerces à compter leur stock chaque mois, suivre les pertes, lire la valeur du stock et l’exporter. Créer un compte vaut acceptation des présentes conditions.',
        ],
      },
      {
        id: 'compte',
        title: '2. Compte et équipe',
        paragraphs: [
          'Vous fournissez des informations exactes et gardez votre mot de passe pour vous. Les actions faites avec votre compte sont réputées faites par vous.',
          'Le propriétaire d’un établissement invite les membres de son équipe, choisit leur rôle et répond de leur usage du service.',
        ],
      },
      {
        id: 'offres',
        title: '3. Offres, essai et paiement',
        paragraphs: [
          'L’offre Solo est gratuite. Les offres Duo et Multi sont payantes, au mois ou à l’année, aux prix TTC affichés sur la page Tarifs au moment de la souscription.',
          '{trial}',
          'Le paiement se fait par carte via notre prestataire Stripe ; l’abonnement se renouvelle automatiquement. Vous pouvez le résilier à tout moment depuis Réglages → Abonnement : la résiliation prend effet à la fin de la période payée. En cas d’échec de paiement, l’offre est maintenue 7 jours pour vous laisser régler.',
          'Au-delà des limites de votre offre, vous gardez la lecture et l’export de vos données ; seule la création de nouveaux éléments est bloquée.',
        ],
      },
      {
        id: 'donnees',
        title: '4. Vos données',
        paragraphs: [
          'Les données que vous saisissez (produits, comptages, pertes) restent les vôtres. Vous pouvez les exporter en Excel ou en CSV à tout moment, quelle que soit l’offre.',
          'Nous ne les utilisons que pour faire fonctionner le service et ne les vendons pas. La suppression de votre compte, depuis les réglages, efface aussi les données de l’établissement lorsque vous en êtes le dernier propriétaire et le seul membre.',
        ],
      },
      {
        id: 'assistant',
        title: '5. Assistant',
        paragraphs: [
          'L’assistant propose des pistes à partir d’un résumé chiffré de votre stock. Ses réponses sont indicatives : vérifiez-les avant de décider. Seul ce résumé est transmis au fournisseur du modèle d’IA.',
        ],
      },
      {
        id: 'responsabilite',
        title: '6. Disponibilité et responsabilité',
        paragraphs: [
          'Nous faisons le nécessaire pour que le service soit disponible et vos données sauvegardées, sans pouvoir garantir l’absence d’interruption. StockScan est un outil de comptage : il ne remplace ni votre expert-comptable ni vos obligations comptables et fiscales.',
        ],
      },
      {
        id: 'modifications',
        title: '7. Modifications et droit applicable',
        paragraphs: [
          'Nous vous prévenons par e-mail ou dans l’application au moins 30 jours avant toute modification de ces conditions. Elles sont soumises au droit français.',
        ],
      },
    ],
    notice_title: 'Mentions légales',
    notice: [
      {
        id: 'vie-privee',
        title: 'Données personnelles',
        paragraphs: [
          'Nous traitons votre nom d’utilisateur, votre adresse e-mail et les données de votre établissement pour fournir le service (exécution du contrat). Vous disposez d’un droit d’accès, de rectification, d’effacement, de portabilité et d’opposition, que vous exercez auprès de l’éditeur ; vous pouvez aussi saisir la CNIL.',
        ],
      },
      {
        id: 'cookies',
        title: 'Cookies et stockage',
        paragraphs: [
          'StockScan n’utilise ni cookie publicitaire ni outil de mesure d’audience. Votre navigateur garde seulement votre session et votre langue, pour vous éviter de vous reconnecter.',
        ],
      },
      {
        id: 'propriete',
        title: 'Propriété intellectuelle',
        paragraphs: [
          'Le logiciel, la marque et les contenus de StockScan sont protégés. Vous pouvez utiliser le service pour votre activité, pas le copier ni le revendre.',
        ],
      },
    ],
    prevails: null,
  },
  en: {
    title: 'Terms of use and legal notice',
    intro:
      'These terms apply to everyone who uses StockScan (also known as Inventarium): the owner of a business and the members of their team.',
    toc: 'On this page',
    updated: 'Updated on {date}',
    on_request:
      'The publisher’s identity (company name, registered office, registration), the publication director and the hosting provider are available on request.',
    identity: {
      publisher_name: 'Publisher',
      publisher_address: 'Registered office',
      publisher_id: 'Registration',
      contact_email: 'Contact',
      host: 'Hosting provider',
    },
    trial:
      'When you sign up, the {plan} plan is free for {days}, with no card; when the trial ends the account moves to {free} unless you chose a paid plan.',
    trial_free:
      'Signing up opens an account on the {free} plan, free with no time limit; you can choose a paid plan at any time.',
    trial_unknown:
      'When you sign up, a free trial may be offered for the stated period, with no card; when the trial ends the account moves to {free} unless you chose a paid plan.',
    terms_title: 'Terms of use',
    terms: [
      {
        id: 'objet',
        title: '1. Purpose',
        paragraphs: [
          'StockScan is an online service that helps businesses count their stock every month, track losses, read the value of their stock and export it. Creating an account means accepting these terms.',
        ],
      },
      {
        id: 'compte',
        title: '2. Account and team',
        paragraphs: [
          'You provide accurate information and keep your password to yourself. Actions taken with your account are deemed yours.',
          'The owner of a business invites team members, chooses their role and is responsible for their use of the service.',
        ],
      },
      {
        id: 'offres',
        title: '3. Plans, trial and payment',
        paragraphs: [
          'The Solo plan is free. The Duo and Multi plans are paid monthly or yearly, at the prices (VAT included) shown on the Pricing page when you subscribe.',
          '{trial}',
          'Payment is by card through our provider Stripe; the subscription renews automatically. You can cancel at any time from Settings → Billing: cancellation takes effect at the end of the paid period. If a payment fails, your plan is kept for 7 days so you can settle it.',
          'Beyond your plan’s limits you keep reading and exporting your data; only creating new items is blocked.',
        ],
      },
      {
        id: 'donnees',
        title: '4. Your data',
        paragraphs: [
          'The data you enter (products, counts, losses) remains yours. You can export it to Excel or CSV at any time, on any plan.',
          'We only use it to run the service and never sell it. Deleting your account, from the settings, also deletes the business’s data when you are its last owner and only member.',
        ],
      },
      {
        id: 'assistant',
        title: '5. Assistant',
        paragraphs: [
          'The assistant suggests ideas from a numeric summary of your stock. Its answers are indicative: check them before deciding. Only that summary is sent to the AI model provider.',
        ],
      },
      {
        id: 'responsabilite',
        title: '6. Availability and liability',
        paragraphs: [
          'We do what is needed to keep the service available and your data backed up, but cannot guarantee it will never be interrupted. StockScan is a counting tool: it does not replace your accountant or your accounting and tax obligations.',
        ],
      },
      {
        id: 'modifications',
        title: '7. Changes and governing law',
        paragraphs: [
          'We notify you by email or in the app at least 30 days before any change to these terms. They are governed by French law.',
        ],
      },
    ],
    notice_title: 'Legal notice',
    notice: [
      {
        id: 'vie-privee',
        title: 'Personal data',
        paragraphs: [
          'We process your username, your email address and your business’s data to provide the service (performance of the contract). You have the right to access, rectify, erase and port your data and to object, through the publisher; you may also complain to the CNIL.',
        ],
      },
      {
        id: 'cookies',
        title: 'Cookies and storage',
        paragraphs: [
          'StockScan uses no advertising cookies and no audience measurement. Your browser only keeps your session and your language, so you do not have to log in again.',
        ],
      },
      {
        id: 'propriete',
        title: 'Intellectual property',
        paragraphs: [
          'StockScan’s software, brand and content are protected. You may use the service for your business, not copy or resell it.',
        ],
      },
    ],
    prevails: 'This English text is a translation; the French version prevails.',
  },
};
