import { z } from 'zod';
import { BillingCycle, PlanSource, SubscriptionStatus } from './enums';

const PAID_PLAN_BY_INPUT = { BOUTIQUE: 'BOUTIQUE', PRO: 'PRO', DUO: 'BOUTIQUE', MULTI: 'PRO' } as const;
type PaidPlanInput = keyof typeof PAID_PLAN_BY_INPUT;

/** The plans one can pay for (ESSENTIEL is free). */
export const PaidPlanCode = z.enum(['BOUTIQUE', 'PRO']);
export type PaidPlanCode = z.infer<typeof PaidPlanCode>;

/** A paid plan code or its alias (DUO, MULTI), any case; ESSENTIEL/SOLO or anything else is refused. */
export const CheckoutPlan = z
  .string({ message: 'Offre attendue : BOUTIQUE ou PRO.' })
  .trim()
  .toUpperCase()
  .refine((v): v is PaidPlanInput => Object.hasOwn(PAID_PLAN_BY_INPUT, v), {
    message: 'Offre payante attendue : BOUTIQUE (Duo) ou PRO (Multi). Solo est gratuit.',
  })
  .transform((v) => PAID_PLAN_BY_INPUT[v as PaidPlanInput]);

/** POST /api/auth/billing/checkout/ — body `{plan, cycle}`; cycle defaults to MONTHLY. */
export const CheckoutInput = z.object({
  plan: CheckoutPlan,
  cycle: z
    .string({ message: 'Cycle attendu : MONTHLY ou YEARLY.' })
    .trim()
    .toUpperCase()
    .pipe(BillingCycle)
    .default('MONTHLY'),
});
export type CheckoutInput = z.input<typeof CheckoutInput>;

export const CheckoutResult = z.object({ url: z.string() });
export type CheckoutResult = z.infer<typeof CheckoutResult>;

/** `{url}`, or `{url: null, disabled: true}` when STRIPE_PORTAL_DISABLED. */
export const PortalResult = z.object({ url: z.string().nullable(), disabled: z.literal(true).optional() });
export type PortalResult = z.infer<typeof PortalResult>;

/** POST /api/auth/billing/sync/ — the Checkout Session id the success page received. */
export const SyncInput = z.object({
  session_id: z.string({ message: 'session_id requis.' }).trim().min(1, 'session_id requis.').max(255),
});
export type SyncInput = z.infer<typeof SyncInput>;

/** What the billing settings page shows (tRPC billing.status; also the answer of sync). */
export const BillingStatus = z.object({
  /** The plan in force now (after trial/grace/expiry rules). */
  plan_effective: z.enum(['ESSENTIEL', 'BOUTIQUE', 'PRO']),
  /** The plan the tenant holds or paid for, even when it no longer applies; null = none. */
  plan_code: z.enum(['ESSENTIEL', 'BOUTIQUE', 'PRO']).nullable(),
  plan_source: PlanSource,
  billing_cycle: BillingCycle.nullable(),
  subscription_status: SubscriptionStatus,
  /** Our own trial (plan_source TRIAL) or a Stripe trial (TRIALING). */
  trial: z.object({ active: z.boolean(), ends_at: z.string(), days_left: z.number().int() }).nullable(),
  /** Next charge of a live subscription; null when none is scheduled (trial without card, cancel planned…). */
  renews_at: z.string().nullable(),
  /** When the current plan stops unless renewed (end of paid period, trial, or scheduled cancellation). */
  expires_at: z.string().nullable(),
  /** A scheduled cancellation of a live subscription. */
  cancel_at: z.string().nullable(),
  past_due: z.boolean(),
  /** PAST_DUE: the plan holds until this instant, then falls back to ESSENTIEL. */
  grace_ends_at: z.string().nullable(),
  /** Stripe is configured: checkout buttons can work. */
  checkout_enabled: z.boolean(),
  /** The portal can be opened (configured and not disabled). */
  portal_enabled: z.boolean(),
});
export type BillingStatus = z.infer<typeof BillingStatus>;

/** POST /api/auth/billing/webhook/ answer. */
export const WebhookResult = z.object({
  received: z.literal(true),
  idempotent: z.literal(true).optional(),
});
export type WebhookResult = z.infer<typeof WebhookResult>;
