import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';
import { checkHealth } from './health.service';

export function registerSystemRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/health', async (_req, reply) => {
    const health = await checkHealth(deps);
    if (health.db === 'ok') return health;
    return reply.code(503).send({ ...health, code: 'DB_UNAVAILABLE', detail: 'database unavailable' });
  });
}
