#!/usr/bin/env node
// Deployment environment check (SPEC §2). Prints one line per problem; exit 1 on any error, 0 with warnings.
const env = process.env;
const errors = [];
const warnings = [];
const set = (name) => typeof env[name] === 'string' && env[name].trim() !== '';
const isTrue = (name) => ['true', '1', 'yes'].includes((env[name] ?? '').toLowerCase());

const prod = env.NODE_ENV === 'production';
if (!prod) warnings.push('NODE_ENV is not "production"');
if (!set('APP_SECRET')) errors.push('APP_SECRET is required (at least 32 characters)');
else if (env.APP_SECRET.length < 32) errors.push('APP_SECRET must be at least 32 characters');
if (!set('DATABASE_URL')) errors.push('DATABASE_URL is required (embedded PGlite is for dev and demo only)');
else if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) errors.push('DATABASE_URL must be a postgres:// URL');
for (const name of ['ALLOWED_HOSTS', 'CORS_ALLOWED_ORIGINS', 'FRONTEND_URL']) {
  if (!set(name)) errors.push(`${name} is required`);
}
if (set('FRONTEND_URL') && !/^https?:\/\//.test(env.FRONTEND_URL))
  errors.push('FRONTEND_URL must be an http(s) URL');
if (!set('INVITATIONS_SEND_EMAILS')) errors.push('INVITATIONS_SEND_EMAILS is required (true or false)');
else if (!['true', 'false'].includes(env.INVITATIONS_SEND_EMAILS))
  errors.push('INVITATIONS_SEND_EMAILS must be true or false');
if (isTrue('INVITATIONS_SEND_EMAILS')) {
  if (!set('SENDGRID_API_KEY')) errors.push('SENDGRID_API_KEY is required when INVITATIONS_SEND_EMAILS=true');
  if (!set('SENDGRID_FROM_EMAIL'))
    errors.push('SENDGRID_FROM_EMAIL is required when INVITATIONS_SEND_EMAILS=true');
} else if (!set('SENDGRID_API_KEY')) {
  warnings.push(
    'SENDGRID_API_KEY is not set: invitation and password-reset emails are not sent (links are shown instead)',
  );
}
if (isTrue('AI_ENABLED') && !set('OPENAI_API_KEY'))
  errors.push('OPENAI_API_KEY is required when AI_ENABLED=true');
if (!isTrue('AI_ENABLED')) warnings.push('AI_ENABLED is not true: the assistant answers in fallback mode');
const STRIPE_PRICES = ['BOUTIQUE_MONTHLY', 'BOUTIQUE_YEARLY', 'PRO_MONTHLY', 'PRO_YEARLY'].map(
  (p) => `STRIPE_PRICE_${p}`,
);
if (isTrue('VITE_STRIPE_ENABLED')) {
  // The web shows checkout buttons: every one of them must lead somewhere.
  for (const name of ['STRIPE_API_KEY', 'STRIPE_WEBHOOK_SECRET', ...STRIPE_PRICES])
    if (!set(name)) errors.push(`${name} is required when VITE_STRIPE_ENABLED=true`);
} else if (!set('STRIPE_API_KEY')) {
  warnings.push('STRIPE_API_KEY is not set: billing routes answer 503 STRIPE_NOT_CONFIGURED');
} else {
  if (!set('STRIPE_WEBHOOK_SECRET'))
    errors.push('STRIPE_WEBHOOK_SECRET is required when STRIPE_API_KEY is set');
  for (const name of STRIPE_PRICES)
    if (!set(name)) warnings.push(`${name} is not set: that checkout answers 503`);
}
if (set('STRIPE_API_BASE_URL') && prod) errors.push('STRIPE_API_BASE_URL must not be set in production');
if (isTrue('VITE_DEMO_MODE') && prod)
  errors.push(
    'VITE_DEMO_MODE=true is for the demo deployment only: it makes no API call (refused in production)',
  );
if (set('TRUST_PROXY') && !set('METRICS_TOKEN'))
  errors.push('METRICS_TOKEN is required when TRUST_PROXY is set (behind a proxy every client looks local)');
if (set('TRUST_PROXY') && ['true', '*'].includes(env.TRUST_PROXY.trim().toLowerCase()))
  errors.push("TRUST_PROXY must be a hop count or the proxies' addresses/CIDRs, never true");
if (prod && !set('TRUST_PROXY'))
  warnings.push(
    'TRUST_PROXY is not set: behind a load balancer every client has its address (per-address limits)',
  );

// The legal page must name its publisher (LCEN): required in production, optional elsewhere.
const LEGAL = [
  'LEGAL_PUBLISHER_NAME',
  'LEGAL_PUBLISHER_ADDRESS',
  'LEGAL_PUBLISHER_ID',
  'LEGAL_CONTACT_EMAIL',
  'LEGAL_HOST',
];
for (const name of LEGAL.filter((n) => !set(n))) {
  const why = `${name} is not set: the legal page does not show it`;
  if (prod) errors.push(`${name} is required in production (publisher identity on the legal page)`);
  else warnings.push(why);
}
if (set('LEGAL_CONTACT_EMAIL') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(env.LEGAL_CONTACT_EMAIL))
  errors.push('LEGAL_CONTACT_EMAIL must be an email address');

for (const w of warnings) console.log(`WARN  ${w}`);
for (const e of errors) console.log(`ERROR ${e}`);
console.log(
  errors.length
    ? `env check: ${errors.length} error(s), ${warnings.length} warning(s)`
    : `env check: ok, ${warnings.length} warning(s)`,
);
process.exit(errors.length ? 1 : 0);
