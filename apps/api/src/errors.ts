import {
  ERROR_MESSAGES,
  ERROR_STATUS,
  type ErrorCode,
  type Locale,
  type Localized,
} from '@stockscan/contracts';

/** The only error type services throw. Transports map it to SPEC §5 (REST JSON or tRPC error.data). */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail?: Localized | string,
    readonly fields?: Record<string, string>,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
    /** Extra body keys for clients (e.g. limit, upgrade_to on LIMIT_* refusals). */
    readonly extra?: Record<string, unknown>,
    /** Only where SPEC §5 gives one code two statuses (EMAIL_NOT_VERIFIED: 401 at login, 403 on an action). */
    status?: number,
  ) {
    super(typeof detail === 'string' ? detail : (detail?.en ?? ERROR_MESSAGES[code].en));
    this.name = 'AppError';
    this.status = status ?? ERROR_STATUS[code];
  }

  message_for(locale: Locale): string {
    if (typeof this.detail === 'string') return this.detail;
    return (this.detail ?? ERROR_MESSAGES[this.code])[locale];
  }
}

/** Errors that mean "the database cannot be reached", mapped to 503 DB_UNAVAILABLE. */
export function isDbUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300'].includes(code)
  )
    return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i.test(
    error.message,
  );
}
