import Stripe from 'stripe';
import type { Config } from '../config';

/** The only place the Stripe SDK is built; STRIPE_API_BASE_URL points it at a fake or stripe-mock. */
export function createStripe(config: Config): Stripe | null {
  const { apiKey, apiBaseUrl } = config.stripe;
  if (!apiKey) return null;
  const target = apiBaseUrl ? new URL(apiBaseUrl) : undefined;
  return new Stripe(apiKey, {
    maxNetworkRetries: target ? 0 : 2,
    timeout: 20_000,
    ...(target
      ? {
          host: target.hostname,
          port: Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
          protocol: target.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}
