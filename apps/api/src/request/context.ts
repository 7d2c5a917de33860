import type { Locale } from '@stockscan/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { AccessClaims } from './access-token';
import { localeFrom } from './locale';

/** What every call carries, whichever transport (tRPC or REST) received it. */
export interface Context {
  deps: Deps;
  locale: Locale;
  requestId: string;
  ip: string;
  /** Raw bearer token, verified by authed procedures only. */
  bearer: string | null;
  req: FastifyRequest;
  reply: FastifyReply;
}

export function bearerFrom(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

export function contextFromRequest(deps: Deps, req: FastifyRequest, reply: FastifyReply): Context {
  const lang = (req.query as Record<string, unknown> | undefined)?.lang;
  return {
    deps,
    locale: localeFrom(typeof lang === 'string' ? lang : req.headers['accept-language']),
    requestId: req.id,
    ip: req.ip,
    bearer: bearerFrom(req),
    req,
    reply,
  };
}

/** The verified claims of the bearer token; 401 without one. */
export async function claimsFrom(ctx: Pick<Context, 'bearer' | 'deps'>): Promise<AccessClaims> {
  if (!ctx.bearer) throw new AppError('NOT_AUTHENTICATED');
  return ctx.deps.verifyAccess(ctx.bearer);
}
