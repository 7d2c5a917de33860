import type { MemberRole } from '@stockscan/db';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import type { Deps } from '../deps';
import type { AccessClaims } from '../request/access-token';
import { type Actor, requireRole, resolveActor } from '../request/actor';
import { type Context, claimsFrom, contextFromRequest } from '../request/context';
import { countRefusal, mapError } from './error-body';

type Auth = 'public' | 'user' | MemberRole;

interface HandlerArgs<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  ctx: Context;
  deps: Deps;
  req: FastifyRequest;
  reply: FastifyReply;
}

type ActorFor<A extends Auth> = A extends 'public' ? null : A extends 'user' ? AccessClaims : Actor;

export interface RestRouteOptions<
  A extends Auth,
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
> {
  method: HTTPMethods;
  url: string;
  /** 'public', 'user' (any valid token) or the minimum member role. */
  auth: A;
  body?: B;
  query?: Q;
  params?: P;
  status?: number;
  handler: (
    args: HandlerArgs<z.output<B>, z.output<Q>, z.output<P>> & { actor: ActorFor<A> },
  ) => Promise<unknown> | unknown;
}

/**
 * A documented REST path: parse with a contracts schema → call the service → map errors to SPEC §5.
 * No rule lives here; the handler calls the same service function as the tRPC procedure.
 */
export function restRoute<A extends Auth, B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
  app: FastifyInstance,
  deps: Deps,
  options: RestRouteOptions<A, B, Q, P>,
): void {
  app.route({
    method: options.method,
    url: options.url,
    handler: async (req, reply) => {
      const ctx = contextFromRequest(deps, req, reply);
      try {
        const body = options.body ? options.body.parse(req.body ?? {}) : undefined;
        const query = options.query ? options.query.parse(req.query ?? {}) : undefined;
        const params = options.params ? options.params.parse(req.params ?? {}) : undefined;
        let actor: AccessClaims | Actor | null = null;
        if (options.auth !== 'public') {
          const claims = await claimsFrom(ctx);
          if (options.auth === 'user') actor = claims;
          else {
            const member = await resolveActor(deps.db, claims);
            requireRole(member, options.auth as MemberRole);
            actor = member;
          }
        }
        const result = await options.handler({
          body,
          query,
          params,
          ctx,
          deps,
          req,
          reply,
          actor: actor as ActorFor<A>,
        } as HandlerArgs<z.output<B>, z.output<Q>, z.output<P>> & { actor: ActorFor<A> });
        if (reply.sent) return reply;
        return reply.code(options.status ?? 200).send(result);
      } catch (error) {
        const mapped = mapError(error, ctx.locale, req.id);
        countRefusal(deps, mapped.body.code);
        if (mapped.unexpected) req.log.error({ err: error }, 'unexpected error');
        return reply.code(mapped.status).headers(mapped.headers).send(mapped.body);
      }
    },
  });
}
