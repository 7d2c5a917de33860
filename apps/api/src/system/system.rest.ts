import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';
import { restRoute } from '../http/rest';
import { checkHealth } from './health.service';
import { publicConfig } from './public-config.service';

export function registerSystemRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/health', async (_req, reply) => {
    const health = await checkHealth(deps);
    if (health.db === 'ok') return health;
    return reply.code(503).send({ ...health, code: 'DB_UNAVAILABLE', detail: 'database unavailable' });
  });
  // SPEC §2: what the web must not hard-code (trial, payments, legal identity); same answer as system.config.
  restRoute(app, deps, {
    method: 'GET',
    url: '/api/config/public',
    auth: 'public',
    handler: () => publicConfig(deps.config),
  });
}
