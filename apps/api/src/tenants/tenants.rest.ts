import { ServiceCreateInput, ServiceIdInput, ServicePatch } from '@stockscan/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';
import { restRoute } from '../http/rest';
import { createService, deleteService, listServices, updateService } from './services.service';

/** REST adapters of SPEC §7 for this domain (thin: parse → service → map errors). */
export function registerTenantsRoutes(app: FastifyInstance, deps: Deps): void {
  restRoute(app, deps, {
    method: 'GET',
    url: '/api/auth/services/',
    auth: 'operator',
    handler: ({ actor }) => listServices(deps.db, actor),
  });
  restRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/services/',
    auth: 'manager',
    body: ServiceCreateInput,
    status: 201,
    handler: ({ actor, body }) => createService(deps, actor, body),
  });
  restRoute(app, deps, {
    method: 'PATCH',
    url: '/api/auth/services/:id/',
    auth: 'manager',
    params: ServiceIdInput,
    body: ServicePatch,
    handler: ({ actor, params, body }) => updateService(deps, actor, params.id, body),
  });
  restRoute(app, deps, {
    method: 'DELETE',
    url: '/api/auth/services/:id/',
    auth: 'manager',
    params: ServiceIdInput,
    status: 204,
    handler: async ({ actor, params }) => {
      await deleteService(deps, actor, params.id);
    },
  });
}
