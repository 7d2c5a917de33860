import { type FakeServer, startFakeServer } from './fake-http';

/** Fake SendGrid: `POST /v3/mail/send` → 202, like the real API. */
export function startFakeSendGrid(): Promise<FakeServer> {
  return startFakeServer((req) =>
    req.method === 'POST' && req.path === '/v3/mail/send'
      ? { status: 202, text: '' }
      : { status: 404, json: {} },
  );
}

/**
 * Fake Stripe: answers 404 until a test installs a handler (each domain test knows which objects it needs).
 * Stripe's SDK sends form-encoded bodies: read them with `req.form`.
 */
export function startFakeStripe(): Promise<FakeServer> {
  return startFakeServer(() => ({
    status: 404,
    json: { error: { type: 'invalid_request_error', message: 'no handler' } },
  }));
}

/** Fake OpenAI: answers 500 until a test installs a handler for /v1/chat/completions or /v1/responses. */
export function startFakeOpenAI(): Promise<FakeServer> {
  return startFakeServer(() => ({ status: 500, json: { error: { message: 'no handler' } } }));
}

export interface FakeIntegrations {
  stripe: FakeServer;
  sendgrid: FakeServer;
  openai: FakeServer;
  close(): Promise<void>;
}

/** The three fakes at once. */
export async function startFakeIntegrations(): Promise<FakeIntegrations> {
  const [stripe, sendgrid, openai] = await Promise.all([
    startFakeStripe(),
    startFakeSendGrid(),
    startFakeOpenAI(),
  ]);
  return {
    stripe,
    sendgrid,
    openai,
    close: async () => {
      await Promise.all([stripe.close(), sendgrid.close(), openai.close()]);
    },
  };
}

/** The environment that points the server's Stripe, SendGrid and OpenAI SDKs at the fakes (fake keys too). */
export function fakeIntegrationsEnv(fakes: Pick<FakeIntegrations, 'stripe' | 'sendgrid' | 'openai'>) {
  return {
    STRIPE_API_KEY: 'sk_test_fake',
    STRIPE_WEBHOOK_SECRET: 'whsec_test_fake',
    STRIPE_API_BASE_URL: fakes.stripe.url,
    STRIPE_PRICE_BOUTIQUE_MONTHLY: 'price_boutique_monthly',
    STRIPE_PRICE_BOUTIQUE_YEARLY: 'price_boutique_yearly',
    STRIPE_PRICE_PRO_MONTHLY: 'price_pro_monthly',
    STRIPE_PRICE_PRO_YEARLY: 'price_pro_yearly',
    INVITATIONS_SEND_EMAILS: 'true',
    SENDGRID_API_KEY: 'SG.fake',
    SENDGRID_FROM_EMAIL: 'noreply@stockscan.test',
    SENDGRID_API_BASE_URL: fakes.sendgrid.url,
    AI_ENABLED: 'true',
    OPENAI_API_KEY: 'sk-fake',
    OPENAI_BASE_URL: `${fakes.openai.url}/v1`,
  } satisfies Record<string, string>;
}
