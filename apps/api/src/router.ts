import { assistantRouter } from './assistant/assistant.router';
import { authRouter } from './auth/auth.router';
import { billingRouter } from './billing/billing.router';
import { entitlementsRouter } from './entitlements/entitlements.router';
import { exportsRouter } from './exports/exports.router';
import { inventoryRouter } from './inventory/inventory.router';
import { membersRouter } from './members/members.router';
import { purchasingRouter } from './purchasing/purchasing.router';
import { systemRouter } from './system/system.router';
import { servicesRouter, tenantsRouter } from './tenants/tenants.router';
import { router } from './trpc';

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  tenants: tenantsRouter,
  services: servicesRouter,
  members: membersRouter,
  billing: billingRouter,
  entitlements: entitlementsRouter,
  inventory: inventoryRouter,
  purchasing: purchasingRouter,
  exports: exportsRouter,
  assistant: assistantRouter,
});

export type AppRouter = typeof appRouter;
