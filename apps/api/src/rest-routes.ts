import type { FastifyInstance } from 'fastify';
import { registerAssistantRoutes } from './assistant/assistant.rest';
import { registerAuthRoutes } from './auth/auth.rest';
import { registerBillingRoutes } from './billing/billing.rest';
import type { Deps } from './deps';
import { registerEntitlementsRoutes } from './entitlements/entitlements.rest';
import { registerExportsRoutes } from './exports/exports.rest';
import { registerMembersRoutes } from './members/members.rest';
import { registerSystemRoutes } from './system/system.rest';
import { registerTenantsRoutes } from './tenants/tenants.rest';

/** Every documented REST path of SPEC §7, each a thin adapter over its domain's service. */
export function registerRestRoutes(app: FastifyInstance, deps: Deps): void {
  registerSystemRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerTenantsRoutes(app, deps);
  registerMembersRoutes(app, deps);
  registerBillingRoutes(app, deps);
  registerEntitlementsRoutes(app, deps);
  registerExportsRoutes(app, deps);
  registerAssistantRoutes(app, deps);
}
