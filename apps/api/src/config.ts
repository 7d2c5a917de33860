import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === 'true' || v === '1' || v === 'yes'));

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const optionalUrl = z
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

const RATE = /^(\d+)\/(\d*)(s|sec|second|m|min|minute|h|hour|d|day)$/;

/** "10/min", "5/s", "100/hour", "10/15min" → { limit, windowMs } (windows of one day at most). */
const rate = z
  .string()
  .regex(RATE, 'expected N/min (e.g. 10/min or 10/15min)')
  .transform((v, ctx) => {
    const [, n, times, unit] = RATE.exec(v) as unknown as [string, string, string, string];
    const ms = unit.startsWith('s')
      ? 1_000
      : unit.startsWith('m')
        ? 60_000
        : unit.startsWith('h')
          ? 3_600_000
          : 86_400_000;
    const windowMs = ms * (times ? Number(times) : 1);
    if (windowMs < 1_000 || windowMs > 86_400_000)
      ctx.addIssue({ code: 'custom', message: 'the window must be between 1 second and 1 day' });
    return { limit: Number(n), windowMs };
  });

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string) => {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || !address || !isIP(address)) return false;
  return (
    prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (isIP(address) === 4 ? 32 : 128))
  );
};

/**
 * Which X-Forwarded-For entries to believe. Unset → none (the socket address); a hop count; or the proxies'
 * addresses/CIDRs. Never "true": the left-most entry is written by the client.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): number | string[] | false => {
    const value = (v ?? '').trim();
    if (value === '' || value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = entries.filter((entry) => !isProxyAddress(entry));
    if (bad.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `expected a hop count or a comma list of proxy addresses/CIDRs (not ${bad.join(', ')})`,
      });
    return entries;
  });

/** SPEC §2: the environment, parsed once at start-up. */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(8000),
    HOST: z.string().default('127.0.0.1'),
    ALLOWED_HOSTS: list,
    DATABASE_URL: optionalUrl,
    PGLITE_DATA_DIR: z.string().default('.data/pglite'),
    CORS_ALLOWED_ORIGINS: list,
    FRONTEND_URL: optionalUrl,
    WEB_DIST_DIR: optionalString,
    STRIPE_API_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    STRIPE_SUCCESS_URL: optionalUrl,
    STRIPE_CANCEL_URL: optionalUrl,
    STRIPE_PRICE_BOUTIQUE_MONTHLY: optionalString,
    STRIPE_PRICE_BOUTIQUE_YEARLY: optionalString,
    STRIPE_PRICE_PRO_MONTHLY: optionalString,
    STRIPE_PRICE_PRO_YEARLY: optionalString,
    STRIPE_PORTAL_DISABLED: bool(false),
    STRIPE_API_BASE_URL: optionalUrl,
    INVITATIONS_SEND_EMAILS: z.enum(['true', 'false']).optional(),
    SENDGRID_API_KEY: optionalString,
    SENDGRID_FROM_EMAIL: z
      .email()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    SENDGRID_API_BASE_URL: optionalUrl,
    /** Unknown barcodes of food services are looked up in Open Food Facts (a suggestion, never required). */
    OPENFOODFACTS_ENABLED: bool(false),
    OPENFOODFACTS_BASE_URL: z.url().default('https://world.openfoodfacts.org'),
    OPENFOODFACTS_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(2_000),
    AI_ENABLED: bool(false),
    OPENAI_API_KEY: optionalString,
    AI_MODEL: z.string().default('gpt-4o-mini'),
    AI_THROTTLE_RATE: rate.prefault('10/min'),
    OPENAI_BASE_URL: optionalUrl,
    /** Per-attempt model timeout; only tests shorten it. */
    AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    TRIAL_PLAN: z.enum(['ESSENTIEL', 'BOUTIQUE', 'PRO', 'SOLO', 'DUO', 'MULTI']).default('PRO'),
    TRIAL_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    EMAIL_VERIFICATION_REQUIRED: bool(false),
    SEED_DEMO: bool(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    METRICS_TOKEN: optionalString,
    // SPEC §2: the publisher identity of the legal page (LCEN); served by GET /api/config/public.
    LEGAL_PUBLISHER_NAME: optionalString,
    LEGAL_PUBLISHER_ADDRESS: optionalString,
    LEGAL_PUBLISHER_ID: optionalString,
    LEGAL_CONTACT_EMAIL: z
      .email()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    LEGAL_HOST: optionalString,
    TRUST_PROXY: trustProxy,
    LOGIN_RATE_LIMIT: rate.prefault('10/15min'),
    REGISTER_RATE_LIMIT: rate.prefault('10/hour'),
    TRPC_MAX_BATCH: z.coerce.number().int().min(1).max(1000).default(10),
    EXPORT_EMAIL_DAILY_LIMIT: z.coerce.number().int().min(0).max(100_000).default(20),
    /** The API origin the web was built for (when not the same origin): allowed in the CSP's connect-src. */
    VITE_API_BASE_URL: optionalUrl,
    /** Streamed exports at once per tenant; more → 429 RATE_LIMITED. */
    EXPORT_MAX_CONCURRENT: z.coerce.number().int().min(1).max(50).default(2),
    /**
     * Streamed exports at once on this instance (all tenants); more → 429 RATE_LIMITED. Also the size of the
     * separate pool their cursors read from, so they never take the main pool's connections.
     */
    EXPORT_MAX_CONCURRENT_INSTANCE: z.coerce.number().int().min(1).max(100).default(4),
    /** PostgreSQL connections of the main pool (login, counting: everything but export cursors). */
    DB_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
  })
  .superRefine((env, ctx) => {
    const prod = env.NODE_ENV === 'production';
    const need = (key: keyof typeof env, why: string) =>
      ctx.addIssue({ code: 'custom', path: [key], message: why });
    if (prod && !env.APP_SECRET) need('APP_SECRET', 'required in production (at least 32 characters)');
    if (prod && !env.DATABASE_URL)
      need('DATABASE_URL', 'required in production (embedded PGlite is dev-only)');
    if (prod && !env.FRONTEND_URL) need('FRONTEND_URL', 'required in production (the public web URL)');
    if (prod && env.ALLOWED_HOSTS.length === 0)
      need('ALLOWED_HOSTS', 'required in production (comma list of host names)');
    if (prod && env.CORS_ALLOWED_ORIGINS.length === 0)
      need('CORS_ALLOWED_ORIGINS', 'required in production (comma list of web origins)');
    if (prod && env.TRUST_PROXY !== false && !env.METRICS_TOKEN)
      need(
        'METRICS_TOKEN',
        'required in production when TRUST_PROXY is set (behind a proxy every client looks local)',
      );
    if (prod && env.INVITATIONS_SEND_EMAILS === undefined)
      need('INVITATIONS_SEND_EMAILS', 'required (true or false)');
    if (env.INVITATIONS_SEND_EMAILS === 'true' && !env.SENDGRID_API_KEY)
      need('SENDGRID_API_KEY', 'required when INVITATIONS_SEND_EMAILS=true');
    if (env.INVITATIONS_SEND_EMAILS === 'true' && !env.SENDGRID_FROM_EMAIL)
      need('SENDGRID_FROM_EMAIL', 'required when INVITATIONS_SEND_EMAILS=true');
    if (env.AI_ENABLED && !env.OPENAI_API_KEY) need('OPENAI_API_KEY', 'required when AI_ENABLED=true');
  });

export type Env = z.input<typeof EnvSchema>;
export type PlanPrice = 'BOUTIQUE_MONTHLY' | 'BOUTIQUE_YEARLY' | 'PRO_MONTHLY' | 'PRO_YEARLY';

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  appSecret: string;
  /** true when APP_SECRET was generated for this process (dev only): tokens die with it. */
  appSecretGenerated: boolean;
  port: number;
  host: string;
  allowedHosts: string[];
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  corsAllowedOrigins: string[];
  frontendUrl: string;
  webDistDir: string | undefined;
  stripe: {
    apiKey: string | undefined;
    webhookSecret: string | undefined;
    successUrl: string;
    cancelUrl: string;
    prices: Record<PlanPrice, string | undefined>;
    portalDisabled: boolean;
    apiBaseUrl: string | undefined;
  };
  invitationsSendEmails: boolean;
  sendgrid: { apiKey: string | undefined; fromEmail: string | undefined; apiBaseUrl: string | undefined };
  openFoodFacts: { enabled: boolean; baseUrl: string; timeoutMs: number };
  ai: {
    enabled: boolean;
    apiKey: string | undefined;
    model: string;
    throttle: { limit: number; windowMs: number };
    baseUrl: string | undefined;
    timeoutMs: number;
  };
  trial: { plan: string; days: number };
  emailVerificationRequired: boolean;
  seedDemo: boolean;
  logLevel: string;
  metricsToken: string | undefined;
  /** Who publishes and hosts the service (LEGAL_*); unset fields are not shown. */
  legal: {
    publisherName: string | undefined;
    publisherAddress: string | undefined;
    publisherId: string | undefined;
    contactEmail: string | undefined;
    host: string | undefined;
  };
  /** Fastify's trustProxy: false (socket address), a hop count, or the proxies' addresses/CIDRs. */
  trustProxy: number | string[] | false;
  rateLimits: {
    /** Failed logins per account (across addresses) and per client address. */
    login: { limit: number; windowMs: number };
    /** Sign-ups per client address. */
    register: { limit: number; windowMs: number };
  };
  trpcMaxBatch: number;
  exportEmailDailyLimit: number;
  /** Origin of VITE_API_BASE_URL, when set. */
  apiPublicOrigin: string | undefined;
  exports: { maxConcurrentPerTenant: number; maxConcurrentPerInstance: number };
  dbPoolMax: number;
  version: string;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const frontendUrl = (e.FRONTEND_URL ?? 'http://127.0.0.1:8000').replace(/\/$/, '');
  return {
    nodeEnv: e.NODE_ENV,
    appSecret: e.APP_SECRET ?? randomBytes(32).toString('hex'),
    appSecretGenerated: !e.APP_SECRET,
    port: e.PORT,
    host: e.HOST,
    allowedHosts: e.ALLOWED_HOSTS,
    databaseUrl: e.DATABASE_URL,
    pgliteDataDir: e.PGLITE_DATA_DIR,
    corsAllowedOrigins: e.CORS_ALLOWED_ORIGINS,
    frontendUrl,
    webDistDir: e.WEB_DIST_DIR,
    stripe: {
      apiKey: e.STRIPE_API_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
      successUrl: e.STRIPE_SUCCESS_URL ?? `${frontendUrl}/billing/success`,
      cancelUrl: e.STRIPE_CANCEL_URL ?? `${frontendUrl}/billing/cancel`,
      prices: {
        BOUTIQUE_MONTHLY: e.STRIPE_PRICE_BOUTIQUE_MONTHLY,
        BOUTIQUE_YEARLY: e.STRIPE_PRICE_BOUTIQUE_YEARLY,
        PRO_MONTHLY: e.STRIPE_PRICE_PRO_MONTHLY,
        PRO_YEARLY: e.STRIPE_PRICE_PRO_YEARLY,
      },
      portalDisabled: e.STRIPE_PORTAL_DISABLED,
      apiBaseUrl: e.STRIPE_API_BASE_URL,
    },
    invitationsSendEmails: e.INVITATIONS_SEND_EMAILS === 'true',
    openFoodFacts: {
      enabled: e.OPENFOODFACTS_ENABLED,
      baseUrl: e.OPENFOODFACTS_BASE_URL,
      timeoutMs: e.OPENFOODFACTS_TIMEOUT_MS,
    },
    sendgrid: {
      apiKey: e.SENDGRID_API_KEY,
      fromEmail: e.SENDGRID_FROM_EMAIL,
      apiBaseUrl: e.SENDGRID_API_BASE_URL,
    },
    ai: {
      enabled: e.AI_ENABLED,
      apiKey: e.OPENAI_API_KEY,
      model: e.AI_MODEL,
      throttle: e.AI_THROTTLE_RATE,
      baseUrl: e.OPENAI_BASE_URL,
      timeoutMs: e.AI_TIMEOUT_MS,
    },
    trial: { plan: e.TRIAL_PLAN, days: e.TRIAL_DAYS },
    emailVerificationRequired: e.EMAIL_VERIFICATION_REQUIRED,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    legal: {
      publisherName: e.LEGAL_PUBLISHER_NAME,
      publisherAddress: e.LEGAL_PUBLISHER_ADDRESS,
      publisherId: e.LEGAL_PUBLISHER_ID,
      contactEmail: e.LEGAL_CONTACT_EMAIL,
      host: e.LEGAL_HOST,
    },
    trustProxy: e.TRUST_PROXY,
    rateLimits: { login: e.LOGIN_RATE_LIMIT, register: e.REGISTER_RATE_LIMIT },
    trpcMaxBatch: e.TRPC_MAX_BATCH,
    exportEmailDailyLimit: e.EXPORT_EMAIL_DAILY_LIMIT,
    apiPublicOrigin: e.VITE_API_BASE_URL ? new URL(e.VITE_API_BASE_URL).origin : undefined,
    exports: {
      maxConcurrentPerTenant: e.EXPORT_MAX_CONCURRENT,
      maxConcurrentPerInstance: e.EXPORT_MAX_CONCURRENT_INSTANCE,
    },
    dbPoolMax: e.DB_POOL_MAX,
    version: process.env.npm_package_version ?? '0.1.0',
  };
}
