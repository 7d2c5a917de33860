import { ERROR_MESSAGES } from '@stockscan/contracts';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import type { AppRouter } from '../router';
import { localeFrom } from './locale';

/** Procedures named by a tRPC URL (`/trpc/a,b,c?batch=1` → 3): what one request asks the server to run. */
export function callsInUrl(url: string, prefix: string): number {
  const path = (url.split('?')[0] ?? '').slice(prefix.length + 1);
  return path === '' ? 0 : path.split(',').length;
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
  limits: { maxBatch: number },
): Promise<void> {
  await app.register(async (scope) => {
    // A batch larger than TRPC_MAX_BATCH is refused whole, before its body is read or any call runs: one
    // request must not carry thousands of logins (each an argon2 verification).
    scope.addHook('onRequest', async (req, reply) => {
      if (callsInUrl(req.url, prefix) <= limits.maxBatch) return;
      const locale = localeFrom(req.headers['accept-language']);
      return reply
        .code(400)
        .send({ detail: ERROR_MESSAGES.BATCH_TOO_LARGE[locale], code: 'BATCH_TOO_LARGE' });
    });
    scope.addHook('onSend', async (_req, reply, payload) => {
      if (!(payload instanceof Response)) return payload;
      const streamed =
        payload.headers.has('transfer-encoding') ||
        !(payload.headers.get('content-type') ?? '').startsWith('application/json');
      if (streamed) return payload;
      reply.code(payload.status);
      for (const [name, value] of payload.headers) reply.header(name, value);
      return Buffer.from(await payload.arrayBuffer());
    });
    await scope.register(fastifyTRPCPlugin, { prefix, trpcOptions });
  });
}
