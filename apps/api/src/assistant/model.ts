import { performance } from 'node:perf_hooks';
import { AssistantModelAnswer, type Locale } from '@stockscan/contracts';
import type OpenAI from 'openai';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
} from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { AssistantContext } from './context-types';
import type { AssistantAnswer } from './fallback';

export interface ModelUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export type FallbackReason =
  | 'ai_disabled'
  /** The asking account has not confirmed its email: the model is never called for it. */
  | 'email_unverified'
  | 'key_rejected'
  | 'timeout'
  | 'http_error'
  | 'connection_error'
  | 'refusal'
  | 'invalid_answer';

export type ModelOutcome =
  | { ok: true; answer: AssistantAnswer; usage: ModelUsage; attempts: number }
  | { ok: false; reason: FallbackReason; status?: number; usage: ModelUsage; attempts: number };

export interface ModelLog {
  warn(obj: object, msg: string): void;
}

export interface ModelRequest {
  model: string;
  /** Per attempt; the whole call (one retry included) stays within 1.2× this. */
  timeoutMs: number;
  context: AssistantContext;
  question: string | null;
  locale: Locale;
  log: ModelLog;
}

/** Clients whose key OpenAI rejected: they are not called again (one warning, then fallback). */
const rejectedClients = new WeakSet<OpenAI>();

const RESPONSE_FORMAT = zodResponseFormat(AssistantModelAnswer, 'assistant_answer');
const LIMITS = { insights: 5, actions: 3, message: 2000, title: 120, description: 600, label: 60 };
const NO_USAGE: ModelUsage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

const DEFAULT_QUESTION: Record<Locale, string> = {
  fr: 'Fais le point sur ce mois : ce qui va, ce qui ne va pas, et quoi faire en priorité.',
  en: 'Review this month: what is fine, what is not, and what to do first.',
};

function instructions(context: AssistantContext, locale: Locale): string {
  return [
    'You are the inventory assistant of StockScan, used by small businesses (restaurants, bars, shops…).',
    `Answer in ${locale === 'en' ? 'English' : 'French'}, briefly and concretely.`,
    `Use only the figures of the CONTEXT message (month ${context.month}, previous month ${context.previous_month}, amounts in ${context.currency}); never invent products or numbers. When the question cannot be answered from the context, say so.`,
    'insights: at most 5, most severe first; severity "danger" for stock-outs, expired goods or heavy losses, "warning" for what needs action soon, "info" otherwise.',
    'actions: at most 3; href is one of /app/inventory (count screen), /app/losses (losses), /app/exports (exports), /app/settings/billing (billing), /pricing (plans), /app/team (team), or null.',
  ].join('\n');
}

const clip = (s: string, max: number) => {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** Keeps a valid answer within the panel's limits (the schema cannot express lengths in strict mode). */
function tidy(answer: AssistantModelAnswer): AssistantAnswer {
  return {
    message: clip(answer.message, LIMITS.message),
    insights: answer.insights.slice(0, LIMITS.insights).map((i) => ({
      title: clip(i.title, LIMITS.title),
      description: clip(i.description, LIMITS.description),
      severity: i.severity,
    })),
    actions: answer.actions
      .map((a) => ({ label: clip(a.label, LIMITS.label), href: a.href }))
      .filter((a) => a.label !== '')
      .slice(0, LIMITS.actions),
  };
}

type Attempt =
  | { ok: true; answer: AssistantAnswer; usage: ModelUsage }
  | { ok: false; reason: FallbackReason; status?: number; retryable: boolean };

async function attempt(client: OpenAI, request: ModelRequest, timeoutMs: number): Promise<Attempt> {
  try {
    const completion = await client.chat.completions.parse(
      {
        model: request.model,
        messages: [
          { role: 'system', content: instructions(request.context, request.locale) },
          { role: 'system', content: `CONTEXT: ${JSON.stringify(request.context)}` },
          { role: 'user', content: request.question ?? DEFAULT_QUESTION[request.locale] },
        ],
        response_format: RESPONSE_FORMAT,
        temperature: 0.2,
        max_completion_tokens: 1200,
      },
      // The signal also bounds reading the body, which the SDK timeout alone does not.
      { timeout: timeoutMs, maxRetries: 0, signal: AbortSignal.timeout(timeoutMs) },
    );
    const message = completion.choices[0]?.message;
    if (message?.refusal) return { ok: false, reason: 'refusal', retryable: false };
    if (!message?.parsed) return { ok: false, reason: 'invalid_answer', retryable: false };
    const usage = completion.usage;
    return {
      ok: true,
      answer: tidy(message.parsed),
      usage: {
        prompt_tokens: usage?.prompt_tokens ?? 0,
        completion_tokens: usage?.completion_tokens ?? 0,
        total_tokens: usage?.total_tokens ?? 0,
      },
    };
  } catch (error) {
    if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError)
      return { ok: false, reason: 'timeout', retryable: false };
    if (error instanceof AuthenticationError)
      return { ok: false, reason: 'key_rejected', status: 401, retryable: false };
    if (error instanceof APIConnectionError)
      return { ok: false, reason: 'connection_error', retryable: true };
    if (error instanceof APIError) {
      const status = error.status ?? 0;
      return { ok: false, reason: 'http_error', status, retryable: status >= 500 || status === 429 };
    }
    // Non-JSON body, JSON that is not a completion, content failing the schema, truncated or filtered.
    return { ok: false, reason: 'invalid_answer', retryable: false };
  }
}

/**
 * Asks the model for a structured answer validated by AssistantModelAnswer. Retries once, only on a
 * transient failure (5xx, 429, connection) and only while the overall budget allows; never throws.
 */
export async function askModel(client: OpenAI | null, request: ModelRequest): Promise<ModelOutcome> {
  if (!client) return { ok: false, reason: 'ai_disabled', usage: NO_USAGE, attempts: 0 };
  if (rejectedClients.has(client)) return { ok: false, reason: 'key_rejected', usage: NO_USAGE, attempts: 0 };
  const deadline = performance.now() + request.timeoutMs * 1.2;
  let attempts = 0;
  for (;;) {
    const budget = Math.min(request.timeoutMs, Math.floor(deadline - performance.now()));
    attempts += 1;
    const result = await attempt(client, request, budget);
    if (result.ok) return { ...result, attempts };
    if (result.reason === 'key_rejected' && !rejectedClients.has(client)) {
      rejectedClients.add(client);
      request.log.warn(
        { status: result.status },
        'AI disabled: OpenAI rejected OPENAI_API_KEY; the assistant answers in fallback mode until restart',
      );
    }
    const left = deadline - performance.now();
    if (!result.retryable || attempts >= 2 || left < request.timeoutMs / 10) {
      return {
        ok: false,
        reason: result.reason,
        ...(result.status !== undefined ? { status: result.status } : {}),
        usage: NO_USAGE,
        attempts,
      };
    }
  }
}
