import type Stripe from 'stripe';
import type { Deps } from '../deps';
import { AppError } from '../errors';

/** The Stripe SDK, or 503 STRIPE_NOT_CONFIGURED when STRIPE_API_KEY is unset (the rest of the app works). */
export function requireStripe(deps: Pick<Deps, 'stripe'>): Stripe {
  if (!deps.stripe) throw new AppError('STRIPE_NOT_CONFIGURED');
  return deps.stripe;
}

/** Stripe answered 404 for an id the caller gave us. */
export function isStripeMissing(error: unknown): boolean {
  const e = error as { type?: unknown; statusCode?: unknown; code?: unknown };
  return e?.type === 'StripeInvalidRequestError' && (e.statusCode === 404 || e.code === 'resource_missing');
}

/** An id field that Stripe may return expanded. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}
