import type { ErrorBody, Locale } from '@stockscan/contracts';
import { ERROR_MESSAGES } from '@stockscan/contracts';
import { ZodError } from 'zod';
import type { Deps } from '../deps';
import { AppError, isDbUnavailable } from '../errors';

export interface MappedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** true for 5xx that are not our own decision: worth an error log with the stack. */
  unexpected: boolean;
}

export function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.join('.') || '_';
    fields[name] ??= issue.message;
  }
  return fields;
}

/** Plan refusals are a product signal (upsell, limits too tight): counted by code. */
export function countRefusal(deps: Pick<Deps, 'metrics'>, code: string): void {
  if (code.startsWith('LIMIT_') || code === 'FEATURE_NOT_INCLUDED') deps.metrics.refusals.inc({ code });
}

/** One mapping from any thrown value to SPEC §5, used by REST, tRPC and Fastify's error handler. */
export function mapError(error: unknown, locale: Locale, requestId: string): MappedError {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: {
        detail: error.message_for(locale),
        code: error.code,
        ...(error.fields ? { fields: error.fields } : {}),
        ...(error.extra ?? {}),
        ...(error.status >= 500 ? { request_id: requestId } : {}),
      },
      headers: error.headers ?? {},
      unexpected: false,
    };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      body: {
        detail: ERROR_MESSAGES.VALIDATION_ERROR[locale],
        code: 'VALIDATION_ERROR',
        fields: zodFields(error),
      },
      headers: {},
      unexpected: false,
    };
  }
  if (isDbUnavailable(error)) {
    return {
      status: 503,
      body: { detail: ERROR_MESSAGES.DB_UNAVAILABLE[locale], code: 'DB_UNAVAILABLE', request_id: requestId },
      headers: { 'retry-after': '5' },
      unexpected: false,
    };
  }
  return {
    status: 500,
    body: { detail: ERROR_MESSAGES.INTERNAL[locale], code: 'INTERNAL', request_id: requestId },
    headers: {},
    unexpected: true,
  };
}
