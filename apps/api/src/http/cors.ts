import type { FastifyReply, FastifyRequest } from 'fastify';

/** What a preflight may ask for: the methods the API answers a browser with. */
const ALLOWED_METHODS = 'GET,HEAD,POST';
/** How long a browser may keep a preflight's answer (s). */
const PREFLIGHT_MAX_AGE = '600';

/**
 * CORS for the web served from another origin (CORS_ALLOWED_ORIGINS), in the server's one request hook: the calling
 * origin is reflected when allowed, every answer varies on Origin, and a preflight is answered here — before any
 * authentication — with the methods, the headers it asked for and 10 minutes of caching; one without Origin or
 * Access-Control-Request-Method is refused (400). What @fastify/cors did with these options (test/cors.test.ts was
 * written against it), without its own hook, its OPTIONS route and the options object it copied for every request.
 * Returns true when it answered (a preflight).
 *
 * No `Access-Control-Allow-Credentials` (@fastify/cors's `credentials: true` sent it): the web sends its bearer
 * token in a header and the API sets no cookie, so credentials would give a cross-origin page nothing it needs —
 * least privilege, and one header less on every answer.
 */
export function corsHook(allowedOrigins: readonly string[]) {
  const anyOrigin = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins);
  return (req: FastifyRequest, reply: FastifyReply): boolean => {
    const origin = req.headers.origin;
    reply.header('vary', 'Origin');
    if (anyOrigin) reply.header('access-control-allow-origin', '*');
    else if (origin !== undefined && allowed.has(origin)) reply.header('access-control-allow-origin', origin);
    if (req.method !== 'OPTIONS') return false;

    if (!origin || !req.headers['access-control-request-method']) {
      reply.code(400).type('text/plain').send('Invalid Preflight Request');
      return true;
    }
    reply.header('access-control-allow-methods', ALLOWED_METHODS);
    reply.header('vary', 'Origin, Access-Control-Request-Headers');
    const askedHeaders = req.headers['access-control-request-headers'];
    if (askedHeaders !== undefined) reply.header('access-control-allow-headers', askedHeaders);
    reply.header('access-control-max-age', PREFLIGHT_MAX_AGE);
    reply.code(204).header('content-length', '0').send();
    return true;
  };
}
