import { ASSISTANT_HREFS } from '@stockscan/contracts';
import { startFakeOpenAI } from '@stockscan/testing/fakes';
import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../src/config';
import { createOpenAI } from '../src/integrations/openai';
import { buildServer } from '../src/server';
import { chatBody, completion, seedBar, sentContext, VALID_ANSWER } from './assistant-helpers';
import { createTenantFixture } from './fixtures';
import { startTestApp } from './test-server';

const NOW = new Date('2026-11-15T10:00:00Z');
const TIMEOUT_MS = 600;
const t = await startTestApp({
  now: NOW,
  env: { AI_TIMEOUT_MS: String(TIMEOUT_MS), AI_THROTTLE_RATE: '3/min' },
});
const fake = t.fakes.openai;

const SHAPE_KEYS = ['actions', 'enabled', 'insights', 'message', 'mode', 'question', 'request_id'];

beforeEach(() => {
  fake.reset();
  fake.handle(() => completion(JSON.stringify(VALID_ANSWER)));
});

async function bar(plan: 'ESSENTIEL' | 'BOUTIQUE' | 'PRO' = 'BOUTIQUE') {
  const f = await createTenantFixture(t.db, t.config, { plan, now: NOW });
  const serviceId = f.services[0]?.id as string;
  await seedBar(t.db, f.tenantId, serviceId);
  return { ...f, serviceId };
}

async function ask(token: string, json: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await t.request('/api/ai/assistant/', { method: 'POST', token, json, headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const aiRequests = (tenantId: string) =>
  t.db
    .selectFrom('usage_events')
    .select(['user_id', 'kind'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'ai_request')
    .execute();

describe('POST /api/ai/assistant/ — the model answers', () => {
  it('returns the fake’s structured answer (links allow-listed) and counts one AI request', async () => {
    const f = await bar();
    const { status, body } = await ask(f.owner.token, { question: 'Que recommander ?', month: '2026-11' });

    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(SHAPE_KEYS);
    expect(body).toMatchObject({
      enabled: true,
      mode: 'ai',
      message: VALID_ANSWER.message,
      insights: VALID_ANSWER.insights,
      actions: [
        { label: 'Voir les pertes', href: '/app/losses' },
        { label: 'Lien inventé', href: null },
      ],
      question: 'Que recommander ?',
    });
    expect(body.request_id).toEqual(expect.any(String));
    expect(await aiRequests(f.tenantId)).toEqual([{ user_id: f.owner.id, kind: 'ai_request' }]);
  });

  it('sends the JSON schema (strict, allow-listed hrefs), the model, the tenant’s context and the question', async () => {
    const f = await bar();
    await ask(f.owner.token, { question: 'Où je perds de l’argent ?' });

    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0];
    expect(req?.path).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe('Bearer sk-fake');
    const body = chatBody(req);
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema).toMatchObject({ name: 'assistant_answer', strict: true });
    const schema = body.response_format.json_schema.schema;
    expect(schema.required.sort()).toEqual(['actions', 'insights', 'message']);
    const href = schema.properties.actions?.items?.properties.href;
    expect(href?.anyOf?.[0]?.enum).toEqual([...ASSISTANT_HREFS]);
    expect(schema.properties.insights?.items?.properties.severity?.enum).toEqual([
      'info',
      'warning',
      'danger',
    ]);
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'Où je perds de l’argent ?' });
    expect(body.messages[0]?.content).toContain('Answer in French');

    const context = sentContext(req);
    expect(context).toMatchObject({
      month: '2026-11',
      previous_month: '2026-10',
      currency: 'EUR',
      plan: 'BOUTIQUE',
      services: ['Bar'],
      totals: { products: 4, counted: 3, not_counted: 1, stock_value_purchase: 45, stock_value_selling: 80 },
      previous: { counted: 3, stock_value_purchase: 185 },
      losses: { events: 2, cost: 31.5, previous_cost: 20 },
    });
    expect(JSON.stringify(context)).not.toContain(f.owner.username);
  });

  it('answers in English for an English user', async () => {
    const f = await bar();
    const answer = await t.trpc(f.owner.token, 'en').assistant.ask.mutate({});

    expect(answer).toMatchObject({ mode: 'ai', question: null });
    const body = chatBody(fake.requests[0]);
    expect(body.messages[0]?.content).toContain('Answer in English');
    expect(body.messages.at(-1)?.content).toMatch(/^Review this month/);
  });
});

describe('POST /api/ai/assistant/ — fallback', () => {
  const cases = [
    ['non-JSON content', () => completion('Voici mon analyse : tout va bien.'), 1],
    ['a JSON of the wrong shape', () => completion(JSON.stringify({ message: 'ok', insights: 'none' })), 1],
    [
      'an unknown severity',
      () =>
        completion(
          JSON.stringify({
            ...VALID_ANSWER,
            insights: [{ title: 'x', description: 'y', severity: 'fatal' }],
          }),
        ),
      1,
    ],
    ['a refusal', () => completion(null, { refusal: 'I cannot help with that.' }), 1],
    [
      'a body that is not JSON',
      () => ({ status: 200, text: 'oops', headers: { 'content-type': 'text/plain' } }),
      1,
    ],
    ['a 500, retried once', () => ({ status: 500, json: { error: { message: 'boom' } } }), 2],
    ['a hang (timeout)', () => ({ hang: true }), 1],
  ] as const;

  it.each(cases)(
    '%s → 200 fallback, deterministic French summary, quota unit given back',
    async (_, reply, calls) => {
      const f = await bar();
      fake.handle(reply);
      const started = performance.now();
      const { status, body } = await ask(f.owner.token, { question: 'Que faire ?' });
      const elapsed = performance.now() - started;

      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(SHAPE_KEYS);
      expect(body).toMatchObject({ enabled: true, mode: 'fallback', question: 'Que faire ?' });
      expect(body.message).toMatch(/^L’assistant IA n’est pas disponible/);
      expect(body.message).toContain('3 produit(s) compté(s) sur 4');
      expect(fake.requests).toHaveLength(calls);
      expect(elapsed).toBeLessThan(TIMEOUT_MS * 1.2 + 1500);
      expect(await aiRequests(f.tenantId)).toEqual([]);
    },
  );

  it('the summary is built from the context: alerts, losses, count progress, data quality, actions', async () => {
    const f = await bar('PRO');
    fake.handle(() => ({ status: 500, json: {} }));
    const { body } = await ask(f.owner.token);

    const nbsp = /\s/g;
    expect(String(body.message).replace(nbsp, ' ')).toBe(
      '2026-11 – Bar : 3 produit(s) compté(s) sur 4, valeur du stock 45,00 € au prix d’achat. Évolution depuis 2026-10 : −140,00 €.',
    );
    expect(body.insights).toEqual([
      {
        title: 'Ruptures de stock',
        description: '1 produit(s) compté(s) à zéro : Gin Bombay.',
        severity: 'danger',
      },
      {
        title: 'Stock bas',
        description: '1 produit(s) au niveau du minimum ou en dessous : Vodka Absolut (2/3 pcs).',
        severity: 'warning',
      },
      {
        title: 'Dates limites proches',
        description: '1 produit(s) expirent dans les 30 jours : Citrons (2026-11-25).',
        severity: 'warning',
      },
      expect.objectContaining({ title: 'Pertes du mois', severity: 'warning' }),
      {
        title: 'Comptage incomplet',
        description: '1 produit(s) pas encore compté(s) en 2026-11.',
        severity: 'info',
      },
    ]);
    expect(body.actions).toEqual([
      { label: 'Ouvrir le comptage', href: '/app/inventory' },
      { label: 'Voir les pertes', href: '/app/losses' },
      { label: 'Exporter l’inventaire', href: '/app/exports' },
    ]);
  });

  it('the summary is in English when the request says Accept-Language: en', async () => {
    const f = await bar();
    fake.handle(() => ({ status: 400, json: { error: { message: 'bad request' } } }));
    const { body } = await ask(f.owner.token, {}, { 'accept-language': 'en-GB,en;q=0.9' });

    expect(body).toMatchObject({ mode: 'fallback' });
    expect(body.message).toBe(
      '2026-11 – Bar: 3 of 4 product(s) counted, stock value €45.00 at purchase price. Change since 2026-10: −€140.00.',
    );
    expect(body.insights).toContainEqual({
      title: 'Out of stock',
      description: '1 product(s) counted at zero: Gin Bombay.',
      severity: 'danger',
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('AI_ENABLED=false → fallback without any request to OpenAI and without using the quota', async () => {
    const off = await startTestApp({ testDb: t.testDb, now: NOW, env: { AI_ENABLED: 'false' } });
    const f = await bar();
    const res = await off.request('/api/ai/assistant/', { method: 'POST', token: f.owner.token, json: {} });
    const body = (await res.json()) as Record<string, unknown>;

    expect(res.status).toBe(200);
    expect(body).toMatchObject({ enabled: false, mode: 'fallback', question: null });
    expect(body.message).toMatch(/^2026-11 – Bar/);
    expect(off.fakes.openai.requests).toHaveLength(0);
    expect(await aiRequests(f.tenantId)).toEqual([]);
  });
});

describe('limits', () => {
  it('ESSENTIEL → 200 paywall with a plans link, no model call, no quota', async () => {
    const f = await bar('ESSENTIEL');
    const { status, body } = await ask(f.owner.token, { question: 'Bonjour ?' });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      enabled: false,
      mode: 'paywall',
      code: 'FEATURE_NOT_INCLUDED',
      insights: [],
      actions: [{ label: 'Voir les offres', href: '/pricing' }],
      question: 'Bonjour ?',
    });
    expect(body.message).toEqual(expect.any(String));
    expect(fake.requests).toHaveLength(0);
  });

  it('quota exhausted (15/15 on BOUTIQUE) → 403 LIMIT_AI_REQUESTS_MONTH, the model is not called', async () => {
    const f = await bar('BOUTIQUE');
    await t.db
      .insertInto('usage_events')
      .values(
        Array.from({ length: 15 }, () => ({
          tenant_id: f.tenantId,
          user_id: f.owner.id,
          kind: 'ai_request' as const,
          created_at: NOW,
        })),
      )
      .execute();
    const { status, body } = await ask(f.owner.token);
    const viaTrpc = await t
      .trpc(f.owner.token)
      .assistant.ask.mutate({})
      .catch((e: unknown) => e);

    expect(status).toBe(403);
    expect(body).toMatchObject({
      code: 'LIMIT_AI_REQUESTS_MONTH',
      limit: 15,
      current: 15,
      upgrade_to: 'PRO',
    });
    expect(viaTrpc).toBeInstanceOf(TRPCClientError);
    expect((viaTrpc as TRPCClientError<never>).data).toMatchObject({ code: 'LIMIT_AI_REQUESTS_MONTH' });
    expect(fake.requests).toHaveLength(0);
    expect(await aiRequests(f.tenantId)).toHaveLength(15);
  });

  it('the 4th request of a user within the minute (AI_THROTTLE_RATE=3/min) → 429 RATE_LIMITED with Retry-After', async () => {
    const f = await bar('PRO');
    for (let i = 0; i < 3; i++) expect((await ask(f.owner.token)).status).toBe(200);
    const limited = await ask(f.owner.token);
    const row = await t.db
      .selectFrom('rate_limits')
      .select('hits')
      .where('key', '=', `assistant:${f.owner.id}`)
      .executeTakeFirstOrThrow();

    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(row.hits).toBe(4);
    expect(fake.requests).toHaveLength(3);

    t.clock.advance(60_000);
    expect((await ask(f.owner.token)).status).toBe(200);
    t.clock.set(NOW);
  });

  it('answers 401 without a token and 400 for a malformed body', async () => {
    const f = await bar();
    const anonymous = await t.request('/api/ai/assistant/', { method: 'POST', json: {} });
    const tooLong = await ask(f.owner.token, { question: 'x'.repeat(501) });
    const badMonth = await ask(f.owner.token, { month: '2026-13' });

    expect(anonymous.status).toBe(401);
    expect(tooLong).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(badMonth).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('metrics', () => {
  const aiCount = async (mode: string) => {
    const text = await (await t.request('/metrics')).text();
    return Number(text.match(new RegExp(`stockscan_ai_requests_total\\{mode="${mode}"\\} (\\d+)`))?.[1] ?? 0);
  };

  it('counts answers by mode in stockscan_ai_requests_total', async () => {
    const paid = await bar('PRO');
    const free = await bar('ESSENTIEL');
    const before = {
      ai: await aiCount('ai'),
      fallback: await aiCount('fallback'),
      paywall: await aiCount('paywall'),
    };
    await ask(paid.owner.token);
    fake.handle(() => ({ status: 404, json: {} }));
    await ask(paid.owner.token);
    await ask(free.owner.token);

    expect(await aiCount('ai')).toBe(before.ai + 1);
    expect(await aiCount('fallback')).toBe(before.fallback + 1);
    expect(await aiCount('paywall')).toBe(before.paywall + 1);
  });
});

describe('logs', () => {
  async function loggedApp(ai: Partial<Config['ai']>) {
    const lines: string[] = [];
    const config: Config = { ...t.config, ai: { ...t.config.ai, ...ai } };
    const app = await buildServer(
      config,
      { ...t.deps, openai: createOpenAI(config) },
      { logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } },
    );
    const post = (token: string, payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/ai/assistant/',
        headers: { authorization: `Bearer ${token}` },
        payload,
      });
    const logs = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    return { app, post, logs, raw: () => lines.join('\n') };
  }

  it('one line per request with mode, duration and token usage, never the question text', async () => {
    const logged = await loggedApp({});
    const f = await bar();
    const question = 'Question confidentielle sur mon fournisseur';
    const res = await logged.post(f.owner.token, { question });
    await logged.app.close();

    expect(res.statusCode).toBe(200);
    const entries = logged.logs().filter((l) => l.msg === 'assistant answered');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      mode: 'ai',
      attempts: 1,
      model: 'gpt-4o-mini',
      usage: { prompt_tokens: 812, completion_tokens: 96, total_tokens: 908 },
      duration_ms: expect.any(Number),
    });
    expect(logged.raw()).not.toContain('confidentielle');
  });

  it('a rejected key (401) logs one "AI disabled" warning, then falls back without calling OpenAI again', async () => {
    const rejecting = await startFakeOpenAI();
    rejecting.handle(() => ({ status: 401, json: { error: { message: 'Incorrect API key provided' } } }));
    const logged = await loggedApp({ apiKey: 'sk-invalid', baseUrl: `${rejecting.url}/v1` });
    const f = await bar();
    const first = await logged.post(f.owner.token, {});
    const second = await logged.post(f.owner.token, {});
    await logged.app.close();
    await rejecting.close();

    expect(first.json()).toMatchObject({ mode: 'fallback', enabled: false });
    expect(second.json()).toMatchObject({ mode: 'fallback', enabled: false });
    expect(rejecting.requests).toHaveLength(1);
    const warnings = logged.logs().filter((l) => String(l.msg).startsWith('AI disabled:'));
    expect(warnings).toHaveLength(1);
    expect(logged.raw()).not.toContain('sk-invalid');
    expect(await aiRequests(f.tenantId)).toEqual([]);
  });
});
