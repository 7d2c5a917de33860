import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    { path: 'inventory', lazy: () => import('./CountPage').then((mod) => ({ Component: mod.CountPage })) },
  ],
};
