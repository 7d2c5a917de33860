import type { AppRouter } from '@stockscan/api';
import {
  BUSINESS_DEFAULT_SERVICES,
  type BusinessType,
  BusinessType as BusinessTypeSchema,
  FEATURE_KEYS,
  presetFeatures,
  type ServiceFeatureKey,
  type ServiceFeaturesPatch,
  ServiceName,
  type ServiceType,
  type TenantDomain,
} from '@stockscan/contracts';
import type { inferRouterInputs } from '@trpc/server';

export type RegisterPayload = inferRouterInputs<AppRouter>['auth']['register'];

/** The trade from a link (`?business_type=`), when it names one. */
export function parseBusiness(value: string | null): BusinessType | null {
  const parsed = BusinessTypeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The six families first, then the campsite with several outlets, then anything else (UX.md). */
export const BUSINESS_TYPES: readonly BusinessType[] = [
  'grocery',
  'retail',
  'bar',
  'restaurant',
  'bakery',
  'pharmacy',
  'camping_multi',
  'other',
];

export interface ServiceDraft {
  /** Stable React key: names change while typing. */
  key: string;
  name: string;
  service_type: ServiceType;
  /** Modules switched away from the preset, by feature key. */
  overrides: Partial<Record<ServiceFeatureKey, boolean>>;
}

let nextKey = 0;
export function newDraft(name: string, service_type: ServiceType): ServiceDraft {
  nextKey += 1;
  return { key: `s${nextKey}`, name, service_type, overrides: {} };
}

// Suggested names are the user's data once sent; an English interface suggests English names.
const ENGLISH_NAMES: Record<string, string> = {
  Cuisine: 'Kitchen',
  Salle: 'Dining room',
  Épicerie: 'Grocery',
  Boutique: 'Shop',
  Pharmacie: 'Pharmacy',
  Boulangerie: 'Bakery',
  Restauration: 'Food service',
};

/** BUSINESS_DEFAULT_SERVICES (SPEC §6) as editable drafts. */
export function defaultServices(business: BusinessType, locale: 'fr' | 'en'): ServiceDraft[] {
  const defaults = BUSINESS_DEFAULT_SERVICES[business] ?? BUSINESS_DEFAULT_SERVICES.other ?? [];
  return defaults.map((s) =>
    newDraft(locale === 'en' ? (ENGLISH_NAMES[s.name] ?? s.name) : s.name, s.service_type),
  );
}

const GENERAL_TYPES: ReadonlySet<ServiceType> = new Set(['retail_general', 'other']);

/** `food` as soon as one service sells food, drinks or medicines (dates matter); else `general`. */
export function domainFor(services: readonly ServiceDraft[]): TenantDomain {
  return services.some((s) => !GENERAL_TYPES.has(s.service_type)) ? 'food' : 'general';
}

/** The preset of the service's type with the user's switches on top. */
export function draftFeatures(draft: ServiceDraft, domain: TenantDomain) {
  const preset = presetFeatures(draft.service_type, domain);
  const features: Record<string, { enabled: boolean; recommended: boolean }> = {};
  for (const key of FEATURE_KEYS) {
    const base = preset[key] ?? { enabled: false, recommended: false };
    features[key] = { enabled: draft.overrides[key] ?? base.enabled, recommended: base.recommended };
  }
  return features;
}

/** What differs from the preset the server will apply: the modules `auth.register` sends for this service. */
export function featuresPatch(draft: ServiceDraft, domain: TenantDomain): ServiceFeaturesPatch {
  const preset = presetFeatures(draft.service_type, domain);
  const patch: ServiceFeaturesPatch = {};
  for (const key of FEATURE_KEYS) {
    const wanted = draft.overrides[key];
    if (wanted !== undefined && wanted !== (preset[key]?.enabled ?? false)) patch[key] = { enabled: wanted };
  }
  return patch;
}

export interface AccountDraft {
  tenant_name: string;
  username: string;
  email: string;
  password: string;
  password_confirm: string;
  accept_terms: boolean;
}

export type AccountField = keyof AccountDraft;

export const EMPTY_ACCOUNT: AccountDraft = {
  tenant_name: '',
  username: '',
  email: '',
  password: '',
  password_confirm: '',
  accept_terms: false,
};

export const isAccountField = (name: string): name is AccountField => Object.hasOwn(EMPTY_ACCOUNT, name);

/** The `auth.register` body: the first service is the primary one, the others `extra_services`, each with its modules. */
export function registerPayload(
  business: BusinessType,
  services: readonly ServiceDraft[],
  account: AccountDraft,
): Omit<RegisterPayload, 'accept_terms'> & { accept_terms: boolean } {
  const [first, ...rest] = services;
  const domain = domainFor(services);
  return {
    username: account.username,
    password: account.password,
    password_confirm: account.password_confirm,
    email: account.email,
    tenant_name: account.tenant_name,
    business_type: business,
    service_name: first?.name ?? '',
    service_type: first?.service_type ?? 'other',
    service_features: first ? featuresPatch(first, domain) : {},
    domain,
    extra_services: rest.map((s) => ({
      name: s.name,
      service_type: s.service_type,
      features: featuresPatch(s, domain),
    })),
    accept_terms: account.accept_terms,
  };
}

export type ServiceNameIssue = 'required' | 'long' | 'duplicate';

/** Service name problems before sending: empty, too long, or the same name twice (case-insensitive). */
export function serviceNameIssues(services: readonly ServiceDraft[]): Record<string, ServiceNameIssue> {
  const issues: Record<string, ServiceNameIssue> = {};
  const seen = new Set<string>();
  for (const s of services) {
    const name = s.name.trim().toLowerCase();
    if (!ServiceName.safeParse(s.name).success) issues[s.key] = name ? 'long' : 'required';
    else if (seen.has(name)) issues[s.key] = 'duplicate';
    seen.add(name);
  }
  return issues;
}
