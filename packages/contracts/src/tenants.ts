import { z } from 'zod';
import { BusinessType, CountingMode, ServiceType, TenantDomain } from './enums';
import { FEATURE_KEYS } from './presets';
import { IsoDateTime, Uuid } from './primitives';

/** Tenant (organisation) and service (zone of the business) schemas — SPEC §3, §6, §7. */

export const TenantName = z
  .string()
  .trim()
  .min(1, { message: 'Nom obligatoire.' })
  .max(120, { message: '120 caractères au maximum.' });

export const ServiceName = z
  .string()
  .trim()
  .min(1, { message: 'Nom obligatoire.' })
  .max(80, { message: '80 caractères au maximum.' });

// Node and current browsers know the ISO 4217 list; elsewhere the format check alone applies.
const KNOWN_CURRENCIES: ReadonlySet<string> | null =
  typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'Code ISO 4217 attendu : 3 lettres majuscules (ex. EUR).' })
  .refine((code) => KNOWN_CURRENCIES === null || KNOWN_CURRENCIES.has(code), {
    message: 'Devise inconnue (code ISO 4217 attendu, ex. EUR).',
  });

export const FeatureToggleView = z.object({
  enabled: z.boolean(),
  recommended: z.boolean(),
  purchase_enabled: z.boolean().optional(),
  selling_enabled: z.boolean().optional(),
});

export const ServiceFeaturesView = z.record(z.string(), FeatureToggleView);

/** Any subset of feature keys, each a partial toggle: merged onto the preset (create) or the current value (update). */
export const ServiceFeaturesPatch = z.partialRecord(
  z.enum(FEATURE_KEYS),
  FeatureToggleView.partial().strict(),
);
export type ServiceFeaturesPatch = z.infer<typeof ServiceFeaturesPatch>;

export const ServiceView = z.object({
  id: Uuid,
  name: z.string(),
  service_type: ServiceType,
  counting_mode: CountingMode,
  features: ServiceFeaturesView,
  /** Operators see neither last month's quantities nor "copy from last month". */
  blind_counting: z.boolean(),
  created_at: IsoDateTime,
});
export type ServiceView = z.infer<typeof ServiceView>;

export const ServiceCreateInput = z.object({
  name: ServiceName,
  service_type: ServiceType,
  /** Defaults to the preset of service_type. */
  counting_mode: CountingMode.optional(),
  features: ServiceFeaturesPatch.optional(),
});
export type ServiceCreateInput = z.infer<typeof ServiceCreateInput>;

/** PATCH body: features merge key by key into the current ones. */
export const ServicePatch = z.object({
  name: ServiceName.optional(),
  service_type: ServiceType.optional(),
  counting_mode: CountingMode.optional(),
  features: ServiceFeaturesPatch.optional(),
  blind_counting: z.boolean().optional(),
});
export type ServicePatch = z.infer<typeof ServicePatch>;

export const ServiceIdInput = z.object({ id: Uuid });
export type ServiceIdInput = z.infer<typeof ServiceIdInput>;

export const ServiceUpdateInput = ServicePatch.extend({ id: Uuid });
export type ServiceUpdateInput = z.infer<typeof ServiceUpdateInput>;

export const ServiceDeleted = z.object({ id: Uuid, deleted: z.literal(true) });
export type ServiceDeleted = z.infer<typeof ServiceDeleted>;

/** The tenant as register/login return it (SPEC §7). */
export const TenantView = z.object({
  id: Uuid,
  name: z.string(),
  domain: TenantDomain,
  business_type: BusinessType,
  currency_code: z.string(),
});
export type TenantView = z.infer<typeof TenantView>;

export const TenantUpdateInput = z.object({
  name: TenantName.optional(),
  currency_code: CurrencyCode.optional(),
});
export type TenantUpdateInput = z.infer<typeof TenantUpdateInput>;
