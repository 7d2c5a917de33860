import { z } from 'zod';
import { BusinessType, PlanSource, ServiceType, SubscriptionStatus, TenantDomain } from './enums';
import { Email, IsoDateTime, Password, Role, Uuid } from './primitives';
import { ServiceFeaturesPatch, ServiceName, ServiceView, TenantName, TenantView } from './tenants';

/** Accounts, sessions and tokens — SPEC §3, §6, §7 (`/api/auth/*`, tRPC `auth.*`). */

export const Username = z
  .string()
  .trim()
  .min(2, { message: 'Au moins 2 caractères.' })
  .max(150, { message: '150 caractères au maximum.' })
  // Never `@`: a username shaped like someone's email would take over that email's login.
  .regex(/^[\p{L}\p{N}_.+-]+$/u, { message: 'Lettres, chiffres et . + - _ uniquement (pas de @).' });

const MISMATCH = 'Les mots de passe ne correspondent pas.';

/** `features`: the modules switched away from the preset during onboarding (unknown keys are refused). */
export const ExtraServiceInput = z.object({
  name: ServiceName,
  service_type: ServiceType,
  features: ServiceFeaturesPatch.optional(),
});

const RegisterFields = z.object({
  username: Username,
  password: Password,
  password_confirm: z.string().max(200),
  email: Email,
  tenant_name: TenantName,
  business_type: BusinessType,
  service_type: ServiceType,
  service_name: ServiceName,
  /** The primary service's modules, merged onto its preset like `extra_services[].features`. */
  service_features: ServiceFeaturesPatch.optional(),
  domain: TenantDomain,
  extra_services: z.array(ExtraServiceInput).max(20).optional(),
  accept_terms: z.boolean().optional(),
});
type RegisterFields = z.infer<typeof RegisterFields>;

function checkRegister(value: RegisterFields, ctx: z.RefinementCtx): void {
  if (value.password !== value.password_confirm)
    ctx.addIssue({ code: 'custom', path: ['password_confirm'], message: MISMATCH });
  if (value.accept_terms === false)
    ctx.addIssue({
      code: 'custom',
      path: ['accept_terms'],
      message: 'Vous devez accepter les conditions d’utilisation.',
    });
  const seen = new Set([value.service_name.toLowerCase()]);
  (value.extra_services ?? []).forEach((service, index) => {
    const key = service.name.toLowerCase();
    if (seen.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['extra_services', index, 'name'],
        message: 'Deux services ne peuvent pas porter le même nom.',
      });
    seen.add(key);
  });
}

/** REST body of `POST /api/auth/register/`: accept_terms may be absent (existing scripts). */
export const RegisterInput = RegisterFields.superRefine(checkRegister);
export type RegisterInput = z.infer<typeof RegisterInput>;

/** tRPC `auth.register` (the web onboarding): the terms must be accepted. */
export const RegisterFormInput = RegisterFields.extend({ accept_terms: z.literal(true) }).superRefine(
  checkRegister,
);

export const AuthUser = z.object({ id: Uuid, username: z.string(), email: z.string().nullable() });
export type AuthUser = z.infer<typeof AuthUser>;

export const TokenPair = z.object({ access: z.string(), refresh: z.string() });
export type TokenPair = z.infer<typeof TokenPair>;

/** Register / login / switch-tenant answer. `tenant` is null for a user who belongs to no tenant any more. */
export const AuthSession = TokenPair.extend({
  user: AuthUser,
  tenant: TenantView.nullable(),
  services: z.array(ServiceView),
});
export type AuthSession = z.infer<typeof AuthSession>;

/** With EMAIL_VERIFICATION_REQUIRED=true register returns no tokens (null) until the emailed link is used. */
export const RegisterResult = AuthSession.extend({
  access: z.string().nullable(),
  refresh: z.string().nullable(),
  tenant: TenantView,
  email_verification_required: z.boolean(),
});
export type RegisterResult = z.infer<typeof RegisterResult>;

/** `username` may hold a username or an email; `email` is accepted too. */
export const LoginInput = z
  .object({
    username: z.string().trim().max(254).optional(),
    email: z.string().trim().max(254).optional(),
    password: z.string().min(1, { message: 'Mot de passe obligatoire.' }).max(200),
  })
  .refine((v) => Boolean(v.username || v.email), {
    path: ['username'],
    message: 'Nom d’utilisateur ou e-mail obligatoire.',
  });
export type LoginInput = z.infer<typeof LoginInput>;

export const RefreshInput = z.object({ refresh: z.string().min(1).max(200) });
export type RefreshInput = z.infer<typeof RefreshInput>;

export const AuthOk = z.object({ ok: z.literal(true) });
export type AuthOk = z.infer<typeof AuthOk>;

export const SwitchTenantInput = z.object({ tenant_id: Uuid });
export type SwitchTenantInput = z.infer<typeof SwitchTenantInput>;

export const PasswordResetRequestInput = z.object({ email: Email });
export type PasswordResetRequestInput = z.infer<typeof PasswordResetRequestInput>;

export const PasswordResetConfirmInput = z
  .object({
    token: z.string().min(1).max(200),
    password: Password,
    password_confirm: z.string().max(200),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.password_confirm)
      ctx.addIssue({ code: 'custom', path: ['password_confirm'], message: MISMATCH });
  });
export type PasswordResetConfirmInput = z.infer<typeof PasswordResetConfirmInput>;

export const VerifyEmailInput = z.object({ token: z.string().min(1).max(200) });
export type VerifyEmailInput = z.infer<typeof VerifyEmailInput>;

/** `auth.resendVerification`: whether a new link went out (false when already confirmed or mail is off). */
export const ResendVerificationResult = z.object({ sent: z.boolean(), already_verified: z.boolean() });
export type ResendVerificationResult = z.infer<typeof ResendVerificationResult>;

export const DeleteAccountInput = z.object({
  password: z.string().min(1, { message: 'Mot de passe obligatoire pour confirmer.' }).max(200),
});
export type DeleteAccountInput = z.infer<typeof DeleteAccountInput>;

export const DeleteAccountResult = z.object({
  deleted: z.literal(true),
  /** Tenants deleted with the account (the user was their only member). */
  tenants_deleted: z.array(Uuid),
});
export type DeleteAccountResult = z.infer<typeof DeleteAccountResult>;

/** The current tenant with the plan fields the UI needs for banners (trial days left, plan name). */
export const MeTenant = TenantView.extend({
  slug: z.string(),
  plan_code: z.string().nullable(),
  plan_effective: z.enum(['ESSENTIEL', 'BOUTIQUE', 'PRO']),
  plan_source: PlanSource,
  billing_cycle: z.enum(['MONTHLY', 'YEARLY']).nullable(),
  subscription_status: SubscriptionStatus,
  license_expires_at: IsoDateTime.nullable(),
  trial: z.object({ active: z.boolean(), ends_at: IsoDateTime }).nullable(),
});
export type MeTenant = z.infer<typeof MeTenant>;

export const MeMembership = z.object({
  tenant_id: Uuid,
  tenant_name: z.string(),
  role: Role,
  service_id: Uuid.nullable(),
  current: z.boolean(),
});

export const MeView = z.object({
  user: AuthUser.extend({ email_verified: z.boolean(), locale: z.enum(['fr', 'en']) }),
  tenant: MeTenant.nullable(),
  role: Role.nullable(),
  /** null = all services of the tenant. */
  service_id: Uuid.nullable(),
  memberships: z.array(MeMembership),
});
export type MeView = z.infer<typeof MeView>;
