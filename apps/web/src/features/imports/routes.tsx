import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    {
      path: 'deliveries/import',
      lazy: () => import('./ImportPage').then((mod) => ({ Component: mod.DeliveryImportPage })),
    },
    {
      path: 'sales/import',
      lazy: () => import('./ImportPage').then((mod) => ({ Component: mod.SalesImportPage })),
    },
  ],
};
