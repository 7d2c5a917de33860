import { performance } from 'node:perf_hooks';
import {
  type AssistantAskParsed,
  type AssistantResponse,
  currentMonth,
  type Locale,
} from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { checkFeature, type Entitlements } from '@stockscan/entitlements';
import { isEmailVerified } from '../auth/verified-email';
import type { Deps } from '../deps';
import { consumeQuota } from '../entitlements/enforce';
import { loadTenantPlan } from '../entitlements/tenant-entitlements';
import { AppError } from '../errors';
import { hitRateLimit } from '../ratelimit/rate-limit.service';
import { type Actor, assertServiceInScope } from '../request/actor';
import { buildAssistantContext } from './context';
import { contextBytes } from './context-cap';
import type { ScopeService } from './context-types';
import { type AssistantAnswer, fallbackAnswer } from './fallback';
import { askModel, type FallbackReason, type ModelLog, type ModelOutcome } from './model';

export interface AssistantLog extends ModelLog {
  info(obj: object, msg: string): void;
}

/** Per-request facts the transport knows: the answer's language, the id echoed back, the logger. */
export interface AskRequest {
  locale: Locale;
  requestId: string;
  log: AssistantLog;
}

const NO_USAGE = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

const VERIFY_EMAIL = {
  fr: {
    line: 'Confirmez votre adresse e-mail pour recevoir les réponses de l’assistant IA (lien reçu à l’inscription, ou « Renvoyer le lien » dans Réglages → Compte).',
    action: 'Confirmer mon e-mail',
  },
  en: {
    line: 'Confirm your email address to get the AI assistant’s answers (the link sent at sign-up, or “Resend the link” in Settings → Account).',
    action: 'Confirm my email',
  },
} as const;

/** The fallback for an unconfirmed account says why, first, and links to where the link is resent. */
function withReason(answer: AssistantAnswer, reason: FallbackReason, locale: Locale): AssistantAnswer {
  if (reason !== 'email_unverified') return answer;
  const say = VERIFY_EMAIL[locale];
  return {
    ...answer,
    message: `${say.line} ${answer.message}`,
    actions: [{ label: say.action, href: '/app/settings' as const }, ...answer.actions].slice(0, 3),
  };
}
const PLANS_LABEL: Record<Locale, string> = { fr: 'Voir les offres', en: 'See plans' };

/**
 * The services the answer covers: the one asked for (404 outside the tenant or the member's scope), else
 * the member's own service, else every service when the plan has multi-service analytics (or there is
 * only one), else the tenant's first service.
 */
async function servicesInScope(
  db: Db,
  actor: Actor,
  ent: Entitlements,
  serviceId: string | null | undefined,
): Promise<ScopeService[]> {
  const rows = await db
    .selectFrom('services')
    .select(['id', 'name', 'features'])
    .where('tenant_id', '=', actor.tenantId)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  const wanted = serviceId && serviceId !== 'all' ? serviceId : actor.serviceId;
  if (wanted) {
    assertServiceInScope(actor, wanted);
    const row = rows.find((r) => r.id === wanted);
    if (!row) throw new AppError('NOT_FOUND');
    return [row];
  }
  return rows.length <= 1 || ent.features.multi_service_analytics ? rows : rows.slice(0, 1);
}

/**
 * POST /api/ai/assistant/ and assistant.ask: always a 200 answer (ai, fallback or paywall) except 404 for a
 * service out of reach, 429 RATE_LIMITED (per-user throttle) and 403 LIMIT_AI_REQUESTS_MONTH (quota).
 * The quota unit is taken before calling the model and given back unless the model answered validly.
 */
export async function askAssistant(
  deps: Deps,
  actor: Actor,
  input: AssistantAskParsed,
  request: AskRequest,
): Promise<AssistantResponse> {
  const started = performance.now();
  const now = deps.now();
  const { locale, requestId, log } = request;
  const month = input.month ?? currentMonth(now);
  const plan = await loadTenantPlan(deps.db, actor.tenantId, now);
  const services = await servicesInScope(deps.db, actor, plan.ent, input.service_id);

  const feature = checkFeature(plan.ent, 'ai_assistant_basic');
  if (!feature.ok) {
    log.info({ mode: 'paywall', duration_ms: Math.round(performance.now() - started) }, 'assistant answered');
    deps.metrics.aiRequests.inc({ mode: 'paywall' });
    return {
      enabled: false,
      mode: 'paywall',
      code: 'FEATURE_NOT_INCLUDED',
      message: feature.message[locale],
      insights: [],
      actions: [{ label: PLANS_LABEL[locale], href: '/pricing' }],
      question: input.question,
      request_id: requestId,
    };
  }

  const throttle = await hitRateLimit(deps.db, `assistant:${actor.userId}`, deps.config.ai.throttle, now);
  if (!throttle.allowed)
    throw new AppError('RATE_LIMITED', undefined, undefined, {
      'Retry-After': String(throttle.retryAfterSeconds),
    });

  const context = await buildAssistantContext(deps, actor, {
    services,
    month,
    ent: plan.ent,
    currency: plan.currency_code,
  });

  let outcome: ModelOutcome = { ok: false, reason: 'ai_disabled', usage: NO_USAGE, attempts: 0 };
  if (deps.openai && !(await isEmailVerified(deps.db, actor.userId)))
    outcome = { ok: false, reason: 'email_unverified', usage: NO_USAGE, attempts: 0 };
  else if (deps.openai) {
    const reservation = await consumeQuota(deps.db, actor.tenantId, actor.userId, 'ai_request', now, {
      request_id: requestId,
    });
    outcome = await askModel(deps.openai, {
      model: deps.config.ai.model,
      timeoutMs: deps.config.ai.timeoutMs,
      context,
      question: input.question,
      locale,
      log,
    });
    // Counted only when the model answered.
    if (!outcome.ok) await reservation.release();
  }

  const answer = outcome.ok
    ? outcome.answer
    : withReason(fallbackAnswer(context, locale, input.question), outcome.reason, locale);
  const mode = outcome.ok ? 'ai' : 'fallback';
  deps.metrics.aiRequests.inc({ mode });
  log.info(
    {
      mode,
      ...(outcome.ok ? {} : { fallback_reason: outcome.reason, status: outcome.status }),
      duration_ms: Math.round(performance.now() - started),
      attempts: outcome.attempts,
      model: deps.openai ? deps.config.ai.model : null,
      usage: outcome.usage,
      context_bytes: contextBytes(context),
    },
    'assistant answered',
  );
  return {
    enabled: outcome.ok || (outcome.reason !== 'ai_disabled' && outcome.reason !== 'key_rejected'),
    mode,
    ...answer,
    question: input.question,
    request_id: requestId,
  };
}
