import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    { path: 'inventory', lazy: () => import('./CountPage').then((mod) => ({ Component: mod.CountPage })) },
    // The month's review and close (managers): part of counting, so it lives in this feature.
    {
      path: 'review',
      lazy: () => import('./review/ReviewPage').then((mod) => ({ Component: mod.ReviewPage })),
    },
    {
      path: 'inventory/spot-checks',
      lazy: () => import('./spot/SpotChecksPage').then((mod) => ({ Component: mod.SpotChecksPage })),
    },
  ],
};
