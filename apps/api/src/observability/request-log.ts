import { hostname } from 'node:os';
import {
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';

/** Route label: the route pattern, or `trpc:<procedure>` (batched calls joined by commas). */
export function routeLabel(req: FastifyRequest): string {
  const { url } = req;
  if (url.startsWith('/trpc/')) {
    const query = url.indexOf('?');
    return `trpc:${url.slice('/trpc/'.length, query === -1 ? undefined : query)}`;
  }
  return req.routeOptions.url ?? 'unmatched';
}

type Logger = FastifyBaseLogger & { isLevelEnabled(level: string): boolean };

/**
 * The end of every request, in one place (Fastify calls it once the answer is sent, for every route and the 404s):
 * one log line with the request id, method, URL (tokens redacted), route, status and latency — instead of an
 * "incoming request" and a "request completed" line through a child logger made per request — and the latency
 * observed in the per-route histogram (where an onResponse hook ran before). Either can be left out (bench).
 */
export class RequestEnd extends LogController {
  /** The server's logger, set once it exists (Fastify creates it from the options this controller is one of). */
  log: Logger | null = null;

  constructor(
    private readonly options: {
      /**
       * Where the line goes (the server logger's destination), null when info lines are off. The line is written
       * here, not through pino: it is made of our fields only (no header, no body; the URL's tokens are taken out
       * by `describe`), so it needs neither the redaction pass nor pino's generic serialisation — a third of the
       * logging's cost per request.
       */
      lines: { write(line: string): unknown } | null;
      /** The request as the line shows it (method, URL without its tokens, host, client address). */
      describe: (request: FastifyRequest) => RequestFields;
      observe: ((route: string, method: string, status: number, seconds: number) => void) | null;
    },
  ) {
    super();
  }

  override incomingRequest(request: FastifyRequest): void {
    // The accepted request, before any work: a debugging aid (LOG_LEVEL=debug), not an operator's line.
    if (this.options.lines && this.log?.isLevelEnabled('debug'))
      this.log.debug({ reqId: request.id, req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const route = routeLabel(request);
    const ms = reply.elapsedTime;
    const status = reply.statusCode;
    this.options.observe?.(route, request.method, status, ms / 1000);
    const { lines } = this.options;
    if (!lines) return;
    if (error) {
      // An error's own fields may hold anything: through the server's logger and its redaction.
      this.log?.error(
        { reqId: request.id, req: request, route, res: reply, err: error, responseTime: ms },
        'request errored',
      );
      return;
    }
    lines.write(requestLine(request.id, this.options.describe(request), route, status, ms));
  }
}

/** What the line says of a request (a type, not an interface: pino's serializers take it as a record). */
export type RequestFields = {
  method: string;
  url: string;
  host: string | undefined;
  remoteAddress: string | undefined;
};

// pino's own line start for level info and its default base (pid, hostname): the line reads like every other.
const LINE_BASE = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`;
/** Characters JSON must escape in a string (and lone surrogates, which JSON.stringify writes as \u escapes). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** A JSON string: most values (ids, methods, routes, paths, addresses) need no escape and are only quoted. */
const text = (value: string | undefined) =>
  value === undefined ? '' : NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;

let lastTime = 0;
let lastTimeText = '0';
/** Date.now() as text, made once per millisecond (a busy server writes several lines in the same one). */
function timeText(): string {
  const now = Date.now();
  if (now !== lastTime) {
    lastTime = now;
    lastTimeText = `${now}`;
  }
  return lastTimeText;
}

/**
 * A latency in ms to the microsecond, as `${Math.round(ms * 1000) / 1000}` writes it, from integers only: the
 * shortest text of a full-precision double (Fastify's `elapsedTime`) was half of the line's cost (`pnpm bench:load`
 * profile), and a log reader has no use for the nanoseconds.
 */
export function millisecondsText(ms: number): string {
  const us = Math.round(ms * 1000);
  const fraction = us % 1000;
  const whole = (us - fraction) / 1000;
  if (fraction === 0) return `${whole}`;
  if (fraction % 100 === 0) return `${whole}.${fraction / 100}`;
  if (fraction % 10 === 0) return `${whole}.${fraction < 100 ? '0' : ''}${fraction / 10}`;
  return `${whole}.${fraction < 10 ? '00' : fraction < 100 ? '0' : ''}${fraction}`;
}

/**
 * The host without its port, as Fastify's `request.hostname` gives it (which splits the host into an array on every
 * call): `[::1]:8000` → `[::1]`, `shop.example:443` → `shop.example`.
 */
export function hostnameOf(host: string): string {
  if (host[0] === '[') return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/**
 * The "request completed" line, exactly as pino wrote it: `{"level":30,"time":…,"pid":…,"hostname":…,"reqId":…,
 * "req":{method,url,host,remoteAddress},"route":…,"res":{"statusCode":…},"responseTime":…,"msg":"request completed"}`
 * — the latency to the microsecond (`millisecondsText`).
 */
export function requestLine(
  reqId: string,
  req: RequestFields,
  route: string,
  status: number,
  ms: number,
): string {
  const host = req.host === undefined ? '' : `,"host":${text(req.host)}`;
  const address = req.remoteAddress === undefined ? '' : `,"remoteAddress":${text(req.remoteAddress)}`;
  return (
    `{"level":30,"time":${timeText()}${LINE_BASE},"reqId":${text(reqId)},"req":{"method":${text(req.method)},` +
    `"url":${text(req.url)}${host}${address}},"route":${text(route)},"res":{"statusCode":${status}},` +
    `"responseTime":${millisecondsText(ms)},"msg":"request completed"}\n`
  );
}

/**
 * `request.log`: the pino child carrying the request id, made on the first line the request writes itself (an
 * error, a warning) — most requests write none, and a child per request was most of the logging's cost.
 */
class RequestLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Record<string, unknown>,
  ) {}

  private get logger(): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.bindings);
    return this.#child;
  }

  get level(): string {
    return this.#child?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.logger.level = level;
  }

  isLevelEnabled(level: string): boolean {
    return ((this.#child ?? this.parent) as Logger).isLevelEnabled(level);
  }

  child(...args: Parameters<FastifyBaseLogger['child']>): FastifyBaseLogger {
    return this.logger.child(...args);
  }

  fatal(...args: Parameters<FastifyBaseLogger['fatal']>) {
    if (this.isLevelEnabled('fatal')) this.logger.fatal(...args);
  }
  error(...args: Parameters<FastifyBaseLogger['error']>) {
    if (this.isLevelEnabled('error')) this.logger.error(...args);
  }
  warn(...args: Parameters<FastifyBaseLogger['warn']>) {
    if (this.isLevelEnabled('warn')) this.logger.warn(...args);
  }
  info(...args: Parameters<FastifyBaseLogger['info']>) {
    if (this.isLevelEnabled('info')) this.logger.info(...args);
  }
  debug(...args: Parameters<FastifyBaseLogger['debug']>) {
    if (this.isLevelEnabled('debug')) this.logger.debug(...args);
  }
  trace(...args: Parameters<FastifyBaseLogger['trace']>) {
    if (this.isLevelEnabled('trace')) this.logger.trace(...args);
  }
  silent() {}
}

/** Fastify's childLoggerFactory: the lazy child above (route-level log options still get pino's own child). */
export const requestLoggerFactory: NonNullable<FastifyServerOptions['childLoggerFactory']> = (
  logger,
  bindings,
  options,
) =>
  options.level !== undefined || options.serializers !== undefined
    ? logger.child(bindings, options)
    : (new RequestLogger(logger, bindings) as unknown as FastifyBaseLogger);
