import { z } from 'zod';

/** Every stable error code of SPEC §5 with its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  IMPORT_INVALID: 400,
  BATCH_TOO_LARGE: 400,
  NOT_AUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_INVALID: 401,
  EMAIL_NOT_VERIFIED: 401,
  FORBIDDEN_ROLE: 403,
  FORBIDDEN: 403,
  FEATURE_NOT_INCLUDED: 403,
  LIMIT_MAX_PRODUCTS: 403,
  LIMIT_MAX_SERVICES: 403,
  LIMIT_MAX_USERS: 403,
  LIMIT_MAX_LOCATIONS: 403,
  LIMIT_EXPORT_XLSX_MONTH: 403,
  LIMIT_EXPORT_CSV_MONTH: 403,
  LIMIT_AI_REQUESTS_MONTH: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_MEMBER_OR_INVITED: 409,
  INVITE_ALREADY_SENT: 409,
  INVITE_ALREADY_ACCEPTED: 409,
  USERNAME_TAKEN: 409,
  EMAIL_TAKEN: 409,
  DUPLICATE_BARCODE: 409,
  DUPLICATE_SKU: 409,
  DUPLICATE_NAME: 409,
  SERVICE_NOT_EMPTY: 409,
  LAST_OWNER: 409,
  MONTH_CLOSED: 409,
  IDEMPOTENCY_MISMATCH: 409,
  INVITE_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  STRIPE_NOT_CONFIGURED: 503,
  STRIPE_PRICE_NOT_CONFIGURED: 503,
  STRIPE_UNAVAILABLE: 503,
  DB_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ErrorCodeSchema = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

export type LimitCode = Extract<ErrorCode, `LIMIT_${string}`>;

export type Locale = 'fr' | 'en';
export type Localized = Record<Locale, string>;

/** Default human messages; services may pass a more specific detail. */
export const ERROR_MESSAGES: Record<ErrorCode, Localized> = {
  VALIDATION_ERROR: { fr: 'Certaines informations sont invalides.', en: 'Some fields are invalid.' },
  IMPORT_INVALID: {
    fr: 'Ce fichier ne peut pas être importé.',
    en: 'This file cannot be imported.',
  },
  BATCH_TOO_LARGE: {
    fr: 'Trop d’appels dans une seule requête.',
    en: 'Too many calls in one request.',
  },
  NOT_AUTHENTICATED: { fr: 'Veuillez vous connecter.', en: 'Please log in.' },
  INVALID_CREDENTIALS: { fr: 'Identifiant ou mot de passe incorrect.', en: 'Wrong username or password.' },
  TOKEN_INVALID: {
    fr: 'Session expirée ou invalide, reconnectez-vous.',
    en: 'Session expired or invalid, please log in again.',
  },
  EMAIL_NOT_VERIFIED: {
    fr: 'Confirmez d’abord votre adresse e-mail.',
    en: 'Please verify your email address first.',
  },
  FORBIDDEN_ROLE: {
    fr: 'Votre rôle ne permet pas cette action.',
    en: 'Your role does not allow this action.',
  },
  FORBIDDEN: { fr: 'Action non autorisée.', en: 'This action is not allowed.' },
  FEATURE_NOT_INCLUDED: {
    fr: 'Cette fonctionnalité n’est pas incluse dans votre offre.',
    en: 'This feature is not included in your plan.',
  },
  LIMIT_MAX_PRODUCTS: {
    fr: 'Limite de produits atteinte pour votre offre.',
    en: 'Product limit reached for your plan.',
  },
  LIMIT_MAX_SERVICES: {
    fr: 'Limite de services atteinte pour votre offre.',
    en: 'Service limit reached for your plan.',
  },
  LIMIT_MAX_USERS: {
    fr: 'Limite d’utilisateurs atteinte pour votre offre.',
    en: 'User limit reached for your plan.',
  },
  LIMIT_MAX_LOCATIONS: {
    fr: 'Limite d’emplacements atteinte pour ce service avec votre offre.',
    en: 'Location limit reached for this service on your plan.',
  },
  LIMIT_EXPORT_XLSX_MONTH: {
    fr: 'Quota mensuel d’exports Excel atteint.',
    en: 'Monthly Excel export quota reached.',
  },
  LIMIT_EXPORT_CSV_MONTH: {
    fr: 'Quota mensuel d’exports CSV atteint.',
    en: 'Monthly CSV export quota reached.',
  },
  LIMIT_AI_REQUESTS_MONTH: {
    fr: 'Quota mensuel de l’assistant atteint.',
    en: 'Monthly assistant quota reached.',
  },
  NOT_FOUND: { fr: 'Introuvable.', en: 'Not found.' },
  CONFLICT: { fr: 'Conflit avec des données existantes.', en: 'Conflicts with existing data.' },
  ALREADY_MEMBER_OR_INVITED: {
    fr: 'Cette personne est déjà membre ou invitée.',
    en: 'This person is already a member or invited.',
  },
  INVITE_ALREADY_SENT: {
    fr: 'Une invitation est déjà en cours pour cet e-mail.',
    en: 'An invitation is already pending for this email.',
  },
  INVITE_ALREADY_ACCEPTED: {
    fr: 'Cette invitation a déjà été acceptée.',
    en: 'This invitation was already accepted.',
  },
  USERNAME_TAKEN: { fr: 'Ce nom d’utilisateur est déjà pris.', en: 'This username is already taken.' },
  EMAIL_TAKEN: { fr: 'Cette adresse e-mail est déjà utilisée.', en: 'This email is already in use.' },
  DUPLICATE_BARCODE: {
    fr: 'Ce code-barres existe déjà dans ce service.',
    en: 'This barcode already exists in this service.',
  },
  DUPLICATE_SKU: {
    fr: 'Cette référence interne existe déjà dans ce service.',
    en: 'This internal SKU already exists in this service.',
  },
  DUPLICATE_NAME: { fr: 'Ce nom est déjà utilisé.', en: 'This name is already used.' },
  SERVICE_NOT_EMPTY: {
    fr: 'Ce service contient encore des produits.',
    en: 'This service still holds products.',
  },
  LAST_OWNER: {
    fr: 'Le dernier propriétaire ne peut pas être retiré ni rétrogradé.',
    en: 'The last owner cannot be removed or demoted.',
  },
  MONTH_CLOSED: {
    fr: 'Ce mois est clôturé : rouvrez-le pour le modifier.',
    en: 'This month is closed: reopen it to change it.',
  },
  IDEMPOTENCY_MISMATCH: {
    fr: 'Cette clé d’idempotence a déjà servi pour une autre requête.',
    en: 'This idempotency key was already used for a different request.',
  },
  INVITE_EXPIRED: { fr: 'Cette invitation a expiré.', en: 'This invitation has expired.' },
  PAYLOAD_TOO_LARGE: { fr: 'Requête trop volumineuse.', en: 'Request too large.' },
  RATE_LIMITED: { fr: 'Trop de tentatives, réessayez plus tard.', en: 'Too many attempts, try again later.' },
  INTERNAL: { fr: 'Erreur interne, réessayez.', en: 'Internal error, please retry.' },
  STRIPE_NOT_CONFIGURED: { fr: 'Le paiement n’est pas configuré.', en: 'Payments are not configured.' },
  STRIPE_PRICE_NOT_CONFIGURED: { fr: 'Ce tarif n’est pas configuré.', en: 'This price is not configured.' },
  STRIPE_UNAVAILABLE: {
    fr: 'Stripe ne répond pas pour le moment, réessayez dans quelques minutes.',
    en: 'Stripe is not answering right now, try again in a few minutes.',
  },
  DB_UNAVAILABLE: {
    fr: 'Base de données indisponible, réessayez.',
    en: 'Database unavailable, please retry.',
  },
};

/**
 * Calls one tRPC batch may carry by default (server: TRPC_MAX_BATCH; more → 400 BATCH_TOO_LARGE). The web
 * client never batches more than this.
 */
export const TRPC_MAX_BATCH_DEFAULT = 10;

/** JSON body of every error (REST) — SPEC §5. */
export const ErrorBody = z.object({
  detail: z.string(),
  code: ErrorCodeSchema,
  fields: z.record(z.string(), z.string()).optional(),
  request_id: z.string().optional(),
  /** LIMIT_* refusals: the limit, current usage and the smallest plan that allows it. */
  limit: z.number().nullable().optional(),
  current: z.number().optional(),
  upgrade_to: z.string().nullable().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
