import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    { path: 'inventory', lazy: () => import('./CountPage').then((mod) => ({ Component: mod.CountPage })) },
    {
      path: 'inventory/spot-checks',
      lazy: () => import('./spot/SpotChecksPage').then((mod) => ({ Component: mod.SpotChecksPage })),
    },
  ],
};
