import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';
import { restRoute } from '../http/rest';
import { getEntitlements } from './entitlements.service';

export function registerEntitlementsRoutes(app: FastifyInstance, deps: Deps): void {
  // Documented without a trailing slash (SPEC §7).
  restRoute(app, deps, {
    method: 'GET',
    url: '/api/auth/me/org/entitlements',
    auth: 'operator',
    handler: ({ actor }) => getEntitlements(deps.db, actor.tenantId, deps.now()),
  });
}
