import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import type { AppRouter } from '../router';

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
): Promise<void> {
  await app.register(async (scope) => {
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
