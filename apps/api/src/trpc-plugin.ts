import { Transform } from 'node:stream';
import { ERROR_MESSAGES, IMPORT_MAX_BYTES } from '@stockscan/contracts';
import { type FastifyTRPCPluginOptions, fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import { answerCalls, isPlainCall } from './http/trpc-calls';
import { localeFrom } from './request/locale';
import type { AppRouter } from './router';

/** Procedures named by a tRPC URL (`/trpc/a,b,c?batch=1` → [a, b, c]): what one request asks the server to run. */
export function callsInUrl(url: string, prefix: string): string[] {
  const path = (url.split('?')[0] ?? '').slice(prefix.length + 1);
  return path === '' ? [] : path.split(',');
}

/** The only procedures that carry a file (base64 in JSON): they alone get more than the default body limit. */
export const UPLOAD_PROCEDURES: ReadonlySet<string> = new Set([
  'purchasing.imports.preview',
  'purchasing.imports.commit',
]);
/** A file of IMPORT_MAX_BYTES in base64 plus the rest of its input. */
export const UPLOAD_BODY_LIMIT = Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 64 * 1024;

const tooLarge = () => Object.assign(new Error('Request body is too large'), { statusCode: 413 });

/** Passes the body through, failing with 413 past `limit` bytes (chunked bodies, which declare no length). */
function capped(payload: NodeJS.ReadableStream, limit: number): Transform {
  let seen = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? tooLarge() : null, seen > limit ? undefined : chunk);
    },
  });
  payload.on('error', (error) => stream.destroy(error));
  return payload.pipe(stream);
}

/**
 * The tRPC router at `prefix`, in its own encapsulated context so the hook below touches only its routes.
 *
 * tRPC's Fastify adapter answers with a fetch `Response`, which Fastify streams from its web ReadableStream:
 * chunked transfer-encoding, a stream reader, a write per chunk and one more for the end. Our JSON answers are
 * whole already, so they go out as one buffer with a Content-Length instead: one write, no stream machinery
 * (measured by `pnpm bench:load`, see bench/load.ts). Streamed answers (jsonl batches, which tRPC marks
 * `transfer-encoding: chunked`, and event streams) still stream.
 */
export async function registerTrpc(
  app: FastifyInstance,
  prefix: string,
  trpcOptions: FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  limits: { maxBatch: number; bodyLimit: number; stockAdapter?: boolean },
): Promise<void> {
  await app.register(async (scope) => {
    // tRPC is one route: it may read an upload's body, and each request gets the limit of what it calls.
    scope.addHook('onRoute', (route) => {
      route.bodyLimit = Math.max(UPLOAD_BODY_LIMIT, limits.bodyLimit);
    });
    // Callback hooks (no promise per request), the body checks only where there is a body.
    scope.addHook('preParsing', (req, _reply, payload, done) => {
      if (req.method === 'GET' || req.method === 'HEAD') return done(null, payload);
      const calls = callsInUrl(req.url, prefix);
      const upload = calls.length > 0 && calls.every((path) => UPLOAD_PROCEDURES.has(path));
      const limit = upload ? Math.max(UPLOAD_BODY_LIMIT, limits.bodyLimit) : limits.bodyLimit;
      const declared = Number(req.headers['content-length']);
      if (declared > limit) return done(tooLarge());
      done(null, req.headers['transfer-encoding'] ? capped(payload, limit) : payload);
    });
    // A batch larger than TRPC_MAX_BATCH is refused whole, before its body is read or any call runs: one
    // request must not carry thousands of logins (each an argon2 verification).
    scope.addHook('onRequest', (req, reply, done) => {
      if (callsInUrl(req.url, prefix).length <= limits.maxBatch) return done();
      const locale = localeFrom(req.headers['accept-language']);
      reply.code(400).send({ detail: ERROR_MESSAGES.BATCH_TOO_LARGE[locale], code: 'BATCH_TOO_LARGE' });
    });
    scope.addHook('onSend', (_req, reply, payload, done) => {
      if (!(payload instanceof Response)) return done(null, payload);
      const streamed =
        payload.headers.has('transfer-encoding') ||
        !(payload.headers.get('content-type') ?? '').startsWith('application/json');
      if (streamed) return done(null, payload);
      reply.code(payload.status);
      for (const [name, value] of payload.headers) reply.header(name, value);
      payload.arrayBuffer().then((body) => done(null, Buffer.from(body)), done);
    });
    // tRPC's own Fastify plugin, but for plain JSON calls (almost all of them), answered without its fetch API
    // round trip (http/trpc-calls.ts); `stockAdapter` keeps tRPC's for every call (tests compare the two).
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    scope.removeContentTypeParser('multipart/form-data');
    scope.addContentTypeParser('multipart/form-data', {}, (_req, body, done) => done(null, body));
    scope.all<{ Params: { path: string } }>(`${prefix}/:path`, async (req, reply) => {
      const { path } = req.params;
      if (!limits.stockAdapter && isPlainCall(req)) await answerCalls(trpcOptions, req, reply, path);
      else await fastifyRequestHandler({ ...trpcOptions, req, res: reply, path });
      return reply;
    });
  });
}
