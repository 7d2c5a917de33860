import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    { path: 'review', lazy: () => import('./ReviewPage').then((mod) => ({ Component: mod.ReviewPage })) },
  ],
};
