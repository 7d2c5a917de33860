import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { ERROR_MESSAGES } from '@stockscan/contracts';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { pino } from 'pino';
import type { Config } from './config';
import type { Deps } from './deps';
import { ExportSlots } from './export-slots';
import { corsHook } from './http/cors';
import { mapError } from './http/error-body';
import { requestIdOf } from './http/request-id';
import { apiSecurityHeaders, securityHeaders } from './http/security-headers';
import { createFoodFacts } from './integrations/openfoodfacts';
import { countEmails } from './observability/count-emails';
import { closeLogDestination, logDestination } from './observability/log-destination';
import { createMetrics, requestObserver } from './observability/metrics';
import {
  hostnameOf,
  RequestEnd,
  type RequestFields,
  requestLoggerFactory,
  routeLabel,
} from './observability/request-log';
import { claimsOnceVerified, verifyAccessToken } from './request/access-token';
import { localeFrom } from './request/locale';
import { registerRestRoutes } from './rest-routes';
import { appRouter } from './router';
import { registerMetricsRoute } from './system/metrics.rest';
import { createContextFactory } from './trpc';
import { registerTrpc } from './trpc-plugin';

/**
 * The per-request layers of the HTTP stack. All on in production (main.ts sets none); bench/layers.ts switches one
 * off at a time to show what each costs a request.
 */
export interface Layers {
  /** The per-request log line (and the request's child logger). */
  requestLog: boolean;
  /** The per-route latency histogram of /metrics. */
  metrics: boolean;
  /** CORS headers (when CORS_ALLOWED_ORIGINS is set). */
  cors: boolean;
  /** CSP, nosniff, frame and referrer headers. */
  securityHeaders: boolean;
  /** A request id per request (the caller's when safe, else a UUID), echoed as x-request-id. */
  requestId: boolean;
  /** The Host header checked against ALLOWED_HOSTS. */
  hostCheck: boolean;
  /** The bearer token's signature and expiry checked (off: its claims are taken as they were first verified). */
  tokenVerification: boolean;
}

const ALL_LAYERS: Layers = {
  requestLog: true,
  metrics: true,
  cors: true,
  securityHeaders: true,
  requestId: true,
  hostCheck: true,
  tokenVerification: true,
};

export interface BuildOptions {
  /** pino options, or false to silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Called for every route as it is registered (tests list the REST surface with it). */
  onRoute?: (route: RouteOptions) => void;
  /** Benchmarks only: layers to leave out (see Layers). */
  layers?: Partial<Layers>;
  /** Tests and benchmarks: tRPC's own Fastify adapter for every call (see trpc-plugin.ts). */
  trpcStockAdapter?: boolean;
}

/** Every route's request body limit; only file uploads get more (see trpc-plugin.ts). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const API_PREFIXES = ['/api/', '/trpc', '/health', '/metrics'];

/** A path the API answers (JSON, files to download), not a page of the web. */
function isApiPath(url: string): boolean {
  return API_PREFIXES.some((prefix) => url.startsWith(prefix));
}

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.password_confirm',
  '*.token',
  '*.refresh',
  '*.access',
];

const SECRET_QUERY_PARAMS = /([?&](?:token|access|refresh|session_id)=)[^&#]*/gi;

/** Signed links (export downloads, invitations, resets) carry their token in the query: never log it. */
export function redactQuery(url: string): string {
  return url.replace(SECRET_QUERY_PARAMS, '$1[redacted]');
}

const INFO = pino.levels.values.info!;

function serializeRequest(req: { method: string; url: string; host?: string; ip?: string }): RequestFields {
  return {
    method: req.method,
    url: req.url.includes('?') ? redactQuery(req.url) : req.url,
    host: req.host === undefined ? undefined : hostnameOf(req.host),
    remoteAddress: req.ip,
  };
}

/**
 * Only what TRUST_PROXY names: trusting every hop would let the client write its own address. A hop count is
 * applied by us (Fastify 5 ignores numbers): the socket peer and the n-1 entries before it are proxies, so
 * the API must only be reachable through them; proxy addresses/CIDRs are the safer form.
 */
function trustProxyOption(
  trust: Config['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+-[\w-]{8}\.\w+(?:\.br|\.gz)?$/;

/**
 * Vite's assets/ files carry a content hash in their name: a browser keeps them a year without asking again.
 * Anything else (index.html, favicon…) is revalidated on each visit so a deployment is seen at once.
 */
export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The pages the web build wrote with their first render in the HTML (apps/web/prerender-pages.ts: pages.json,
 * `/` is index.html) and the hashes of their inline stylesheets (allowed by the CSP), and the empty page every
 * other route of the app gets (shell.html; index.html for a build without prerendered pages). Read once: a path
 * from a request is only ever looked up here.
 */
function prerenderedPages(webDist: string | null): {
  byPath: Map<string, string>;
  styleHashes: string[];
  shell: string;
} {
  const manifest = webDist ? join(webDist, 'pages.json') : null;
  const read =
    manifest && existsSync(manifest)
      ? (JSON.parse(readFileSync(manifest, 'utf8')) as {
          pages: Record<string, string>;
          styleHashes: string[];
        })
      : { pages: {}, styleHashes: [] };
  return {
    byPath: new Map(Object.entries(read.pages)),
    styleHashes: read.styleHashes,
    shell: webDist && existsSync(join(webDist, 'shell.html')) ? 'shell.html' : 'index.html',
  };
}

function defaultWebDist(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // dist/main.js and src/server.ts both sit one level under apps/api.
  return resolve(here, '../../web/dist');
}

/** What callers provide; buildServer adds the config, this server's metrics, export slots and token check. */
export type ServerDeps = Omit<Deps, 'config' | 'metrics' | 'exportSlots' | 'foodFacts' | 'verifyAccess'>;

/** The whole HTTP surface; main.ts and tests build it the same way with their own deps. */
export async function buildServer(config: Config, deps: ServerDeps, options: BuildOptions = {}) {
  const layers: Layers = { ...ALL_LAYERS, ...options.layers };
  const metrics = createMetrics();
  const exportSlots = new ExportSlots({
    perTenant: config.exports.maxConcurrentPerTenant,
    perInstance: config.exports.maxConcurrentPerInstance,
  });
  const fullDeps: Deps = {
    ...deps,
    mailer: countEmails(deps.mailer, metrics),
    config,
    metrics,
    exportSlots,
    foodFacts: createFoodFacts(config),
    verifyAccess: layers.tokenVerification
      ? (token) => verifyAccessToken(token, config.appSecret, deps.now())
      : claimsOnceVerified((token) => verifyAccessToken(token, config.appSecret, deps.now())),
  };
  const logging = options.logger !== false;
  const customLogger = typeof options.logger === 'object' ? options.logger : {};
  const level = customLogger.level ?? config.logLevel;
  const ownStream =
    logging && level !== 'silent' && !customLogger.stream
      ? logDestination(process.stdout.isTTY || pino.levels.values[level]! < INFO)
      : undefined;
  const stream = customLogger.stream ?? ownStream;
  const observe = layers.metrics
    ? requestObserver(metrics.httpDuration, new Set(Object.keys(appRouter._def.procedures)))
    : null;
  // The end of each request: its log line and its latency in the histogram, in one callback (no hook). Fastify
  // calls it only when there is a logger: without one (tests), an onResponse hook observes instead (below).
  const requestEnd = new RequestEnd({
    lines: logging && layers.requestLog && stream && pino.levels.values[level]! <= INFO ? stream : null,
    describe: serializeRequest,
    observe: logging ? observe : null,
  });
  const app: FastifyInstance = Fastify({
    logger: logging
      ? {
          level: config.logLevel,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          serializers: { req: serializeRequest },
          ...customLogger,
          ...(stream ? { stream } : {}),
        }
      : false,
    logController: requestEnd,
    ...(logging ? { childLoggerFactory: requestLoggerFactory } : {}),
    routerOptions: { maxParamLength: 5000 },
    // The id comes from genReqId only: a client's x-request-id is checked there, never copied as it is.
    requestIdHeader: false,
    genReqId: layers.requestId ? requestIdOf : () => 'none',
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: trustProxyOption(config.trustProxy),
    return503OnClosing: true,
  });
  requestEnd.log = logging ? (app.log as RequestEnd['log']) : null;
  if (ownStream)
    app.addHook('onClose', (_app, done) => {
      closeLogDestination(ownStream);
      done();
    });
  const { onRoute } = options;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  if (!logging && observe)
    app.addHook('onResponse', (req, reply, done) => {
      observe(routeLabel(req), req.method, reply.statusCode, reply.elapsedTime / 1000);
      done();
    });

  const webDist = config.webDistDir ?? defaultWebDist();
  const hasWeb = existsSync(join(webDist, 'index.html'));
  const pages = prerenderedPages(hasWeb ? webDist : null);

  // What every answer carries, the Host check and CORS, in one hook without a promise.
  // API answers get the API set, everything else (pages, files, their 404s) the page set.
  const headers = layers.securityHeaders
    ? { page: securityHeaders(config, pages.styleHashes), api: apiSecurityHeaders(config) }
    : null;
  const hostCheck = layers.hostCheck && config.allowedHosts.length > 0;
  const cors =
    layers.cors && config.corsAllowedOrigins.length > 0 ? corsHook(config.corsAllowedOrigins) : null;
  app.addHook('onRequest', (req, reply, done) => {
    const api = isApiPath(req.url);
    if (headers) reply.headers(api ? headers.api : headers.page);
    if (layers.requestId) reply.header('x-request-id', req.id);
    if (hostCheck && req.url !== '/health') {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      if (!config.allowedHosts.includes(host)) {
        reply.code(400).send({ detail: `Host not allowed: ${host}`, code: 'VALIDATION_ERROR' });
        return;
      }
    }
    if (cors?.(req, reply)) return; // a preflight, answered
    // A file may go out compressed (its own Vary says so, below): with CORS's Vary written here, the reply's
    // wins over the file's, so it names both — no onSend hook on every answer to merge them.
    if (cors && hasWeb && !api) reply.header('vary', 'Origin, Accept-Encoding');
    done();
  });

  app.setErrorHandler((error, req, reply) => {
    const locale = localeFrom(req.headers['accept-language']);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 404 ? 'NOT_FOUND' : 'VALIDATION_ERROR';
      const detail =
        code === 'VALIDATION_ERROR'
          ? `${ERROR_MESSAGES.VALIDATION_ERROR[locale]} (${error instanceof Error ? error.message : 'bad request'})`
          : ERROR_MESSAGES[code][locale];
      return reply.code(status).send({ detail, code });
    }
    const mapped = mapError(error, locale, req.id);
    if (mapped.unexpected) req.log.error({ err: error }, 'unexpected error');
    return reply.code(mapped.status).headers(mapped.headers).send(mapped.body);
  });

  await registerTrpc(
    app,
    '/trpc',
    {
      router: appRouter,
      createContext: createContextFactory(fullDeps),
      onError({ error, path, ctx }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          ctx?.req.log.error({ err: error.cause ?? error, path }, 'unexpected tRPC error');
        }
      },
    },
    {
      maxBatch: config.trpcMaxBatch,
      bodyLimit: DEFAULT_BODY_LIMIT,
      stockAdapter: options.trpcStockAdapter ?? false,
    },
  );

  // The runbook's curl lines send `-d '{…}'` without a JSON Content-Type (curl says form-urlencoded): the REST
  // adapters read any body that parses as JSON; anything else reaches their schema as text (400, not 415).
  // Added after tRPC so its scope keeps its own parsers.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(null, text);
    }
  });
  registerRestRoutes(app, fullDeps);
  registerMetricsRoute(app, fullDeps);

  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz copies (apps/web/precompress.ts): sent as the browser accepts them.
      preCompressed: true,
      // Ours below; left on, send's own `public, max-age=0` would be written over it.
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader('cache-control', cacheControlFor(path));
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    const isApi = isApiPath(req.url);
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (hasWeb && req.method === 'GET' && !isApi && wantsHtml) {
      // A page the build prerendered (its first render in the HTML), else the empty page the app renders into.
      return reply.sendFile(pages.byPath.get(req.url) ?? pages.shell);
    }
    const locale = localeFrom(req.headers['accept-language']);
    return reply.code(404).send({ detail: ERROR_MESSAGES.NOT_FOUND[locale], code: 'NOT_FOUND' });
  });

  return Object.assign(app, { deps: fullDeps });
}
