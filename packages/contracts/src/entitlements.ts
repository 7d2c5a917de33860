import { z } from 'zod';
import { PlanSource, SubscriptionStatus } from './enums';

/** GET /api/auth/me/org/entitlements — SPEC §4, key for key. */
export const EntitlementsResponse = z.object({
  plan_effective: z.enum(['ESSENTIEL', 'BOUTIQUE', 'PRO']),
  plan_source: PlanSource,
  expires_at: z.string().nullable(),
  subscription_status: SubscriptionStatus,
  entitlements: z.record(z.string(), z.literal(true)),
  limits: z.record(z.string(), z.number().nullable()),
  usage: z.object({
    products_count: z.number(),
    services_count: z.number(),
    users_count: z.number(),
    exports_xlsx_month: z.number(),
    exports_csv_month: z.number(),
    ai_requests_month: z.number(),
  }),
  over_limit: z.object({ products: z.boolean(), services: z.boolean(), users: z.boolean() }),
  currency_code: z.string(),
  trial: z.object({ active: z.boolean(), ends_at: z.string() }).nullable(),
});
export type EntitlementsResponse = z.infer<typeof EntitlementsResponse>;
