import type { BillingCycle } from '@stockscan/contracts';

/** Where an owner picks or changes a plan; the billing page reads `plan` and `cycle` to preselect. */
export function billingPath(plan?: string | null, cycle?: BillingCycle): string {
  const params = new URLSearchParams();
  if (plan) params.set('plan', plan);
  if (cycle) params.set('cycle', cycle);
  const query = params.toString();
  return query ? `/app/settings/billing?${query}` : '/app/settings/billing';
}

/** Back to the login page, then to where the user was. */
export function loginPath(here?: string): string {
  return here ? `/login?next=${encodeURIComponent(here)}` : '/login';
}
