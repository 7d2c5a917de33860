import type { AnyRouter } from '@trpc/server';
import type { TRPCRequestInfo } from '@trpc/server/http';
import {
  type AnyProcedure,
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  TRPCError,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import type { FastifyReply, FastifyRequest } from 'fastify';

type Context = object;

export interface CallsOptions<TContext extends Context> {
  router: AnyRouter;
  createContext?: (opts: {
    req: FastifyRequest;
    res: FastifyReply;
    info: TRPCRequestInfo;
  }) => TContext | Promise<TContext>;
  onError?: (opts: {
    error: TRPCError;
    path: string | undefined;
    input: unknown;
    ctx: TContext | undefined;
    type: 'query' | 'mutation' | 'subscription' | 'unknown';
    req: FastifyRequest;
  }) => void;
}

/** Calls' signal: tRPC aborts it when the client leaves; no procedure here reads it (none streams). */
const NEVER_ABORTED = new AbortController().signal;

/** What tRPC accepts for each procedure type (its TYPE_ACCEPTED_METHOD_MAP). */
const METHODS: Record<string, string> = { query: 'GET', mutation: 'POST' };

const isJson = (contentType: string | undefined) =>
  contentType !== undefined && contentType.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';

/**
 * Whether `answerCalls` answers this request as tRPC's own adapter would: a query (GET) or mutation (POST, JSON),
 * one or a batch, answered in one JSON body. Streams (jsonl batches, subscriptions), form data and connection
 * parameters stay with tRPC's adapter.
 */
export function isPlainCall(req: FastifyRequest): boolean {
  const { headers } = req;
  if (headers['trpc-accept'] !== undefined) return false;
  if (headers.accept?.includes('application/jsonl')) return false;
  if ((req.query as Record<string, unknown>).connectionParams !== undefined) return false;
  if (req.method === 'GET') return headers['content-type'] === undefined || isJson(headers['content-type']);
  return req.method === 'POST' && isJson(headers['content-type']);
}

function isDataStream(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Symbol.asyncIterator in value) return true;
  return Object.values(value).some(
    (v) =>
      v !== null &&
      typeof v === 'object' &&
      (typeof (v as PromiseLike<unknown>).then === 'function' || Symbol.asyncIterator in v),
  );
}

/**
 * tRPC's resolveResponse for plain JSON calls (see isPlainCall), without its fetch API round trip: tRPC's Fastify
 * adapter turns each request into a WHATWG Request (URL, Headers, AbortController, AbortSignal.any per call) and
 * answers with a Response read back as a stream — most of the fixed cost of a tRPC call (`pnpm bench:layers`).
 * Same steps in the same order, same errors, statuses (tRPC's own helpers) and bodies;
 * test/trpc-calls.test.ts holds both side by side.
 */
export async function answerCalls<TContext extends Context>(
  options: CallsOptions<TContext>,
  req: FastifyRequest,
  reply: FastifyReply,
  path: string,
): Promise<void> {
  const { router } = options;
  const config = router._def._config;
  // As tRPC reads them (URLSearchParams: the first of repeated names, '+' as a space).
  const q = req.url.indexOf('?');
  const query = new URLSearchParams(q === -1 ? '' : req.url.slice(q + 1));
  const isBatch = query.get('batch') === '1';
  let info: TRPCRequestInfo | undefined;
  let ctx: TContext | undefined;

  let parsing: Promise<Record<number, unknown>> | undefined;
  let inputs: Record<number, unknown> | undefined;
  const readInputs = (paths: string[]) => {
    parsing ??= (async () => {
      try {
        const text = req.method === 'GET' ? query.get('input') : (req.body as string | undefined);
        const raw: unknown =
          req.method === 'GET' ? (text ? JSON.parse(text) : undefined) : JSON.parse(text ?? '');
        const all: Record<number, unknown> = Object.create(null);
        if (raw === undefined) return all;
        if (!isBatch) all[0] = config.transformer.input.deserialize(raw);
        else {
          if (raw === null || typeof raw !== 'object')
            throw new TRPCError({
              code: 'BAD_REQUEST',
              message: '"input" needs to be an object when doing a batch call',
            });
          for (const index of paths.keys()) {
            const input = (raw as Record<number, unknown>)[index];
            if (input !== undefined) all[index] = config.transformer.input.deserialize(input);
          }
        }
        return all;
      } catch (cause) {
        if (cause instanceof TRPCError) throw cause;
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: cause instanceof Error ? cause.message : 'Invalid input',
          cause,
        });
      }
    })().then((all) => {
      inputs = all;
      return all;
    });
    return parsing;
  };

  const send = (json: unknown) => {
    const vary = reply.getHeader('vary');
    void reply
      .code(getHTTPStatusCode(json as Parameters<typeof getHTTPStatusCode>[0]))
      // Kept beside what is there already (CORS: Origin), where tRPC's adapter wrote over it.
      .header('vary', vary ? `${vary}, trpc-accept, accept` : 'trpc-accept, accept')
      .header('content-type', 'application/json')
      // A Buffer: Fastify would add `; charset=utf-8` to a string's JSON type (tRPC's answer has none).
      .send(
        Buffer.from(
          JSON.stringify(transformTRPCResponse(config, json as Parameters<typeof transformTRPCResponse>[1])),
        ),
      );
  };
  const shape = (error: TRPCError, call: TRPCRequestInfo['calls'][number] | undefined) =>
    getErrorShape({
      config,
      ctx,
      error,
      input: call?.result(),
      path: call?.path,
      type: call?.procedure?._def.type ?? 'unknown',
    });

  try {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch (cause) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Invalid URL-encoding in path "${path}"`, cause });
    }
    const paths = isBatch ? decoded.split(',') : [decoded];
    const calls = await Promise.all(
      paths.map(async (callPath, index) => ({
        batchIndex: index,
        path: callPath,
        procedure: (await getProcedureAtPath(router, callPath)) as AnyProcedure | null,
        getRawInput: async () => (await readInputs(paths))[index],
        result: () => inputs?.[index],
      })),
    );
    const types = new Set(calls.flatMap((call) => (call.procedure ? [call.procedure._def.type] : [])));
    if (types.size > 1)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Cannot mix procedure types in call: ${Array.from(types).join(', ')}`,
      });
    info = {
      isBatchCall: isBatch,
      accept: null,
      calls,
      type: types.values().next().value ?? 'unknown',
      connectionParams: null,
      signal: NEVER_ABORTED,
      url: null,
    };
    // As tRPC: a context that cannot be made fails each call that exists and accepts the method.
    let ctxError: TRPCError | undefined;
    try {
      ctx = await options.createContext?.({ req, res: reply, info });
    } catch (cause) {
      ctxError = getTRPCErrorFromUnknown(cause);
    }

    const results = await Promise.all(
      calls.map(async (call): Promise<[TRPCError, undefined] | [undefined, unknown]> => {
        const { procedure } = call;
        try {
          if (!procedure)
            throw new TRPCError({ code: 'NOT_FOUND', message: `No procedure found on path "${call.path}"` });
          if (METHODS[procedure._def.type] !== req.method)
            throw new TRPCError({
              code: 'METHOD_NOT_SUPPORTED',
              message: `Unsupported ${req.method}-request to ${procedure._def.type} procedure at path "${call.path}"`,
            });
          if (ctxError) throw ctxError;
          const data: unknown = await procedure({
            path: call.path,
            getRawInput: call.getRawInput,
            ctx,
            type: procedure._def.type,
            signal: undefined,
            batchIndex: call.batchIndex,
          });
          return [undefined, data];
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          options.onError?.({
            error,
            path: call.path,
            input: call.result(),
            ctx,
            type: procedure?._def.type ?? 'unknown',
            req,
          });
          return [error, undefined];
        }
      }),
    );
    // A stream-like answer needs a streaming link: the whole request fails (one call) or that call (a batch).
    const streamed = () =>
      new TRPCError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
      });
    if (!isBatch && results[0]![0] === undefined && isDataStream(results[0]![1])) throw streamed();
    const json = results.map(([error, data], index) => {
      const failure = error ?? (isDataStream(data) ? streamed() : undefined);
      return failure ? { error: shape(failure, calls[index]) } : { result: { data } };
    });
    send(isBatch ? json : json[0]);
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    const type = info?.type ?? 'unknown';
    options.onError?.({ error, path: undefined, input: undefined, ctx, type, req });
    send({ error: getErrorShape({ config, ctx, error, input: undefined, path: undefined, type }) });
  }
}
