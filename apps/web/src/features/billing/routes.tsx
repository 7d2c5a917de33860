import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    {
      path: 'settings/billing',
      lazy: () => import('./BillingPage').then((m) => ({ Component: m.BillingPage })),
    },
  ],
  public: [
    {
      path: 'billing/success',
      lazy: () => import('./BillingSuccessPage').then((m) => ({ Component: m.BillingSuccessPage })),
    },
    {
      path: 'billing/cancel',
      lazy: () => import('./BillingCancelPage').then((m) => ({ Component: m.BillingCancelPage })),
    },
  ],
};
