import type { ErrorBody } from '@stockscan/contracts';
import { ERROR_MESSAGES } from '@stockscan/contracts';
import type { MemberRole } from '@stockscan/db';
import { initTRPC, TRPCError } from '@trpc/server';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import type { Deps } from './deps';
import { AppError, isDbUnavailable } from './errors';
import { countRefusal, mapError } from './http/error-body';
import { type Actor, requireRole, resolveActor } from './request/actor';
import { type Context, claimsFrom, contextFromRequest } from './request/context';

// 1) Context: the request context (request/context.ts) built from Fastify's request ---------------------------

export const createContextFactory =
  (deps: Deps) =>
  ({ req, res }: CreateFastifyContextOptions): Context =>
    contextFromRequest(deps, req, res);

// 2) initTRPC + error formatter -----------------------------------------------------------------------------

const TRPC_CODE_BY_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const OUR_CODE_BY_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, keyof typeof ERROR_MESSAGES>> = {
  PARSE_ERROR: 'VALIDATION_ERROR',
  BAD_REQUEST: 'VALIDATION_ERROR',
  UNAUTHORIZED: 'NOT_AUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'NOT_FOUND',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
};

/** Is this an error we understand (ours, zod's, the db being down) rather than a bug? */
const isKnown = (cause: unknown) =>
  cause instanceof AppError || cause instanceof ZodError || isDbUnavailable(cause);

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? 'fr';
    const requestId = ctx?.requestId ?? '';
    const mapped = isKnown(error.cause)
      ? mapError(error.cause, locale, requestId)
      : (() => {
          const code = OUR_CODE_BY_TRPC[error.code];
          return code
            ? { status: shape.data.httpStatus, body: { detail: ERROR_MESSAGES[code][locale], code } }
            : mapError(error, locale, requestId);
        })();
    if (ctx) countRefusal(ctx.deps, mapped.body.code);
    const { detail: _detail, code: _code, fields, request_id: _rid, ...extra } = mapped.body as ErrorBody;
    return {
      ...shape,
      message: mapped.body.detail,
      data: {
        code: mapped.body.code,
        // tRPC reads `httpStatus` to set the response status (503, 410… which JSON-RPC codes cannot tell apart).
        httpStatus: mapped.status,
        http_status: mapped.status,
        ...(fields ? { fields } : {}),
        ...extra,
        ...(mapped.status >= 500 ? { request_id: requestId } : {}),
        path: shape.data.path,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3) Procedure builders ---------------------------------------------------------------------------------------

/** Turns our errors into TRPCErrors with the right HTTP status; the formatter adds `code` and `fields`. */
const mapAppErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      for (const [name, value] of Object.entries(cause.headers ?? {})) ctx.reply.header(name, value);
      throw new TRPCError({
        code: TRPC_CODE_BY_STATUS[cause.status] ?? 'INTERNAL_SERVER_ERROR',
        message: cause.message,
        cause,
      });
    }
    if (isDbUnavailable(cause))
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'database unavailable', cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapAppErrors);

/** A logged-in user, whatever the tenant. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const claims = await claimsFrom(ctx);
  return next({ ctx: { claims } });
});

/** A member of the token's tenant with at least `minimum` role: ctx.actor scopes every query. */
export function tenantProcedure(minimum: MemberRole = 'operator') {
  // authedProcedure's step and this one in a single middleware: each tRPC middleware level copies the context
  // and the call's options (~a tenth of a plain call's own cost, `pnpm bench:layers`).
  return publicProcedure.use(async ({ ctx, next }) => {
    const claims = await claimsFrom(ctx);
    const actor: Actor = await resolveActor(ctx.deps.db, claims);
    requireRole(actor, minimum);
    return next({ ctx: { claims, actor } });
  });
}
