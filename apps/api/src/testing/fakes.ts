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
