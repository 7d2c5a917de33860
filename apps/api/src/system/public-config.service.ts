import type { PublicConfig } from '@stockscan/contracts';
import { normalizePlanCode } from '@stockscan/entitlements';
import type { Config } from '../config';

/** What the server runs with and the web must show as is: the trial new tenants get, payments, legal identity. */
export function publicConfig(config: Pick<Config, 'trial' | 'stripe' | 'legal'>): PublicConfig {
  const plan = normalizePlanCode(config.trial.plan);
  const { legal } = config;
  return {
    // The same reading as trialBilling: no days, no trial.
    trial: plan && config.trial.days > 0 ? { plan, days: config.trial.days } : null,
    stripe_enabled: Boolean(config.stripe.apiKey),
    legal: {
      publisher_name: legal.publisherName ?? null,
      publisher_address: legal.publisherAddress ?? null,
      publisher_id: legal.publisherId ?? null,
      contact_email: legal.contactEmail ?? null,
      host: legal.host ?? null,
    },
  };
}
