import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    {
      path: 'deliveries',
      lazy: () => import('./DeliveriesPage').then((mod) => ({ Component: mod.DeliveriesPage })),
    },
    {
      path: 'transfers',
      lazy: () => import('./TransfersPage').then((mod) => ({ Component: mod.TransfersPage })),
    },
    {
      path: 'orders',
      lazy: () => import('./OrdersPage').then((mod) => ({ Component: mod.OrdersPage })),
    },
    {
      path: 'consumption',
      lazy: () => import('./ConsumptionPage').then((mod) => ({ Component: mod.ConsumptionPage })),
    },
  ],
};
