import { z } from 'zod';

/** `GET /api/config/public`, tRPC `system.config` (SPEC §2): what the web must not hard-code. */

/** The publisher identity shown on the legal page (LCEN), from the `LEGAL_*` variables; null when unset. */
export const LegalIdentity = z.object({
  publisher_name: z.string().nullable(),
  publisher_address: z.string().nullable(),
  publisher_id: z.string().nullable(),
  contact_email: z.string().nullable(),
  host: z.string().nullable(),
});
export type LegalIdentity = z.infer<typeof LegalIdentity>;

export const PublicConfig = z.object({
  /** The plan a new tenant is given and for how long (TRIAL_PLAN, TRIAL_DAYS); null when TRIAL_DAYS=0. */
  trial: z
    .object({ plan: z.enum(['ESSENTIEL', 'BOUTIQUE', 'PRO']), days: z.number().int().positive() })
    .nullable(),
  /** Payments are configured on this server (STRIPE_API_KEY): checkout and portal can answer. */
  stripe_enabled: z.boolean(),
  legal: LegalIdentity,
});
export type PublicConfig = z.infer<typeof PublicConfig>;
