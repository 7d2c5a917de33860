import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * GET /metrics (Prometheus text). With METRICS_TOKEN: `Authorization: Bearer <token>` required;
 * without it: only from the loopback interface (scraped by a local agent), 404 otherwise — and never behind a
 * trusted proxy (TRUST_PROXY), where every client reaches us through a local socket.
 */
export function registerMetricsRoute(app: FastifyInstance, deps: Deps): void {
  app.get('/metrics', async (req, reply) => {
    const token = deps.config.metricsToken;
    const allowed = token
      ? req.headers.authorization === `Bearer ${token}`
      : deps.config.trustProxy === false && LOOPBACK.has(req.socket.remoteAddress ?? '');
    if (!allowed) return reply.code(404).send({ detail: 'Not found.', code: 'NOT_FOUND' });
    return reply
      .header('content-type', deps.metrics.registry.contentType)
      .send(await deps.metrics.registry.metrics());
  });
}
