import { z } from 'zod';
import { ContainerStatus, PeriodStatus, ProductUnit, ReviewDecision } from './enums';
import { ServiceMonthInput } from './inventory';
import { Money, Month, Uuid } from './primitives';

// Review and close a month (SPEC §11 inventory_periods) -----------------------------------------------------

/** A service's month: OPEN (also when never closed) or CLOSED, who closed it and when, the last reopening. */
export const Period = z.object({
  service_id: Uuid,
  month: Month,
  status: PeriodStatus,
  closed_by: Uuid.nullable(),
  closed_by_name: z.string().nullable(),
  closed_at: z.string().nullable(),
  reopened_by: Uuid.nullable(),
  reopened_by_name: z.string().nullable(),
  reopened_at: z.string().nullable(),
  reopen_reason: z.string().nullable(),
});
export type Period = z.infer<typeof Period>;

export const PeriodReopenInput = ServiceMonthInput.extend({
  reason: z
    .string()
    .trim()
    .min(3, { message: 'Indiquez pourquoi le mois est rouvert.' })
    .max(500, { message: '500 caractères au maximum.' }),
});
export type PeriodReopenInput = z.infer<typeof PeriodReopenInput>;

export const PeriodReviewInput = ServiceMonthInput.extend({
  /** A change vs last month is suspicious only above this value (the tenant's currency); default 20. */
  value_threshold: Money.optional(),
});
export type PeriodReviewInput = z.infer<typeof PeriodReviewInput>;

/** Why a product's month looks wrong. */
export const ReviewReason = z.discriminatedUnion('kind', [
  /** Beyond ±50 % of last month's quantity and worth more than the threshold (null value: no purchase price). */
  z.object({
    kind: z.literal('change'),
    previous: z.number(),
    percent: z.number(),
    value: z.number().nullable(),
  }),
  /** More than one opened container counted (bottles opened in two places…). */
  z.object({ kind: z.literal('opened'), containers: z.number().int() }),
  /** Far above the product's usual quantity (the median of its previous months). */
  z.object({ kind: z.literal('far_above'), usual: z.number(), ratio: z.number() }),
]);
export type ReviewReason = z.infer<typeof ReviewReason>;

/**
 * Where a suspicious product stands: TO_REVIEW; RECOUNT_REQUESTED (the count screen shows it until someone
 * counts it again); RECOUNTED (counted again since the request: look again). Marked correct and unchanged
 * since, it leaves the list.
 */
export const ReviewState = z.enum(['TO_REVIEW', 'RECOUNT_REQUESTED', 'RECOUNTED']);
export type ReviewState = z.infer<typeof ReviewState>;

export const ReviewLine = z.object({
  location_id: Uuid.nullable(),
  location_name: z.string().nullable(),
  quantity: z.number(),
  container_status: ContainerStatus,
  remaining_fraction: z.number().nullable(),
  counted_by: Uuid.nullable(),
  counted_by_name: z.string().nullable(),
  counted_at: z.string(),
});
export type ReviewLine = z.infer<typeof ReviewLine>;

export const SuspiciousProduct = z.object({
  product_id: Uuid,
  name: z.string(),
  category: z.string().nullable(),
  unit: ProductUnit,
  purchase_price: z.number().nullable(),
  /** This month's stock (lines summed, remaining fractions included). */
  total: z.number(),
  /** Last month's, null when it was not counted. */
  previous: z.number().nullable(),
  reasons: z.array(ReviewReason).min(1),
  lines: z.array(ReviewLine),
  state: ReviewState,
  decided_by_name: z.string().nullable(),
  decided_at: z.string().nullable(),
});
export type SuspiciousProduct = z.infer<typeof SuspiciousProduct>;

export const MissingProduct = z.object({
  product_id: Uuid,
  name: z.string(),
  category: z.string().nullable(),
  unit: ProductUnit,
  /** Its stock last month. */
  previous: z.number(),
});
export type MissingProduct = z.infer<typeof MissingProduct>;

export const LocationProgress = z.object({
  /** null = lines counted for the service as a whole. */
  location_id: Uuid.nullable(),
  name: z.string().nullable(),
  /** Products with a line there this month. */
  counted: z.number().int(),
  /** Products usually stored there (the location's list), null when it has none. */
  expected: z.number().int().nullable(),
  last_activity: z.string().nullable(),
});
export type LocationProgress = z.infer<typeof LocationProgress>;

export const CounterProgress = z.object({
  user_id: Uuid.nullable(),
  name: z.string().nullable(),
  lines: z.number().int(),
  products: z.number().int(),
  last_activity: z.string(),
});
export type CounterProgress = z.infer<typeof CounterProgress>;

/** At most this many missing products are listed (`missing_total` says how many there are). */
export const REVIEW_MISSING_MAX = 200;

export const PeriodReview = z.object({
  period: Period,
  previous_month: Month,
  /** Live products of the service, and how many have a line this month. */
  products: z.object({ total: z.number().int(), counted: z.number().int() }),
  by_location: z.array(LocationProgress),
  by_counter: z.array(CounterProgress),
  /** Counted last month, not this month (live products), by name. */
  missing: z.array(MissingProduct),
  missing_total: z.number().int(),
  suspicious: z.array(SuspiciousProduct),
  /** Suspicious products marked correct and unchanged since (no longer listed). */
  reviewed: z.number().int(),
  value_threshold: z.number(),
});
export type PeriodReview = z.infer<typeof PeriodReview>;

export const PeriodMarkInput = ServiceMonthInput.extend({ product_id: Uuid, decision: ReviewDecision });
export type PeriodMarkInput = z.infer<typeof PeriodMarkInput>;

export const PeriodMark = z.object({
  product_id: Uuid,
  month: Month,
  decision: ReviewDecision,
  decided_by: Uuid.nullable(),
  decided_at: z.string(),
  /** "Recompter": the people who counted it, told by e-mail (when SendGrid is configured), this time. */
  emailed: z.number().int(),
});
export type PeriodMark = z.infer<typeof PeriodMark>;
