import type { AppRouter } from '@stockscan/api';
import type { Locale } from '@stockscan/contracts';
import { type Denial, normalizePlanCode, PLAN_NAMES, type VerdictCode } from '@stockscan/entitlements';
import { TRPCClientError } from '@trpc/client';
import { format } from '../../i18n/i18n';
import { billingPath, loginPath } from '../links';
import { type DescribedError, type ErrorAction, networkFailure } from './described-error';
import { errorMessages } from './error-messages';

type ErrorData = NonNullable<TRPCClientError<AppRouter>['data']>;

export interface DescribeOptions {
  /** Current path, so "log in again" comes back here. */
  here?: string;
  /** Offer "try again" for errors worth retrying (network, server, rate limit). */
  canRetry?: boolean;
}

interface Facts {
  code: string;
  /** The server's localized sentence, or a verdict's message. */
  detail: string | null;
  upgradeTo: string | null;
  requestId: string | null;
}

const PLAN_CODES: ReadonlySet<string> = new Set<VerdictCode>([
  'LIMIT_MAX_PRODUCTS',
  'LIMIT_MAX_SERVICES',
  'LIMIT_MAX_USERS',
  'LIMIT_MAX_LOCATIONS',
  'LIMIT_EXPORT_XLSX_MONTH',
  'LIMIT_EXPORT_CSV_MONTH',
  'LIMIT_AI_REQUESTS_MONTH',
  'FEATURE_NOT_INCLUDED',
]);
/** A refusal of the plan (a limit reached, a feature not included): an upgrade may lift it. */
export function isPlanRefusal(code: string): code is VerdictCode {
  return PLAN_CODES.has(code);
}

const RETRYABLE = new Set(['NETWORK', 'RATE_LIMITED', 'INTERNAL', 'DB_UNAVAILABLE']);

/** What to free when no plan above would help. */
const FIX_ACTIONS: Record<
  string,
  { to: string; key: 'action_products' | 'action_services' | 'action_team' }
> = {
  LIMIT_MAX_PRODUCTS: { to: '/app/products', key: 'action_products' },
  LIMIT_MAX_SERVICES: { to: '/app/settings', key: 'action_services' },
  LIMIT_MAX_USERS: { to: '/app/team', key: 'action_team' },
};

function isDenial(value: unknown): value is Denial {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Denial>;
  return v.ok === false && typeof v.code === 'string' && typeof v.message === 'object' && v.message !== null;
}

function factsOf(error: unknown, locale: Locale): Facts {
  if (isDenial(error)) {
    return { code: error.code, detail: error.message[locale], upgradeTo: error.upgrade_to, requestId: null };
  }
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData | undefined;
    if (data?.code) {
      return {
        code: data.code,
        detail: error.message || null,
        upgradeTo: data.upgrade_to ?? null,
        requestId: data.request_id ?? null,
      };
    }
  }
  // No code from our server: it was not reached (offline, proxy error page, timeout).
  return { code: 'NETWORK', detail: null, upgradeTo: null, requestId: null };
}

/** Our SPEC §5 code, a human sentence in the user's language, and the one thing to do about it. */
export function describeError(error: unknown, locale: Locale, options: DescribeOptions = {}): DescribedError {
  const m = errorMessages[locale];
  const facts = factsOf(error, locale);
  const { code } = facts;
  const planRelated = isPlanRefusal(code);
  const retry: ErrorAction | null =
    options.canRetry && RETRYABLE.has(code) ? { kind: 'retry', label: m.action_retry } : null;

  if (planRelated) {
    const fallback = (m as Record<string, string>)[code] ?? m.FEATURE_NOT_INCLUDED;
    const plan = normalizePlanCode(facts.upgradeTo);
    const fix = FIX_ACTIONS[code];
    const action: ErrorAction | null = plan
      ? { kind: 'link', to: billingPath(plan), label: format(m.action_upgrade, { plan: PLAN_NAMES[plan] }) }
      : fix
        ? { kind: 'link', to: fix.to, label: m[fix.key] }
        : null;
    return { code, message: facts.detail ?? fallback, action, planRelated };
  }
  switch (code) {
    case 'NETWORK':
      return networkFailure(locale, Boolean(options.canRetry));
    case 'RATE_LIMITED':
      return { code, message: m.RATE_LIMITED, action: retry, planRelated };
    case 'INTERNAL':
    case 'DB_UNAVAILABLE': {
      const message = facts.requestId ? format(m.SERVER_REF, { ref: facts.requestId }) : m.SERVER;
      return { code, message, action: retry, planRelated };
    }
    case 'FORBIDDEN_ROLE':
      return { code, message: m.FORBIDDEN_ROLE, action: null, planRelated };
    case 'NOT_AUTHENTICATED':
    case 'TOKEN_INVALID':
      return {
        code,
        message: m.SESSION,
        action: { kind: 'link', to: loginPath(options.here), label: m.action_login },
        planRelated,
      };
    default:
      return { code, message: facts.detail ?? m.GENERIC, action: null, planRelated };
  }
}

/** Validation messages by field name (`error.data.fields`), empty when there are none. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData | undefined;
    return data?.fields ?? {};
  }
  return {};
}
