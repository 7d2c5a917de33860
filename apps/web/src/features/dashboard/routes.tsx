import type { FeatureRoutes } from '../../shared/feature-routes';

export const routes: FeatureRoutes = {
  app: [
    { index: true, lazy: () => import('./DashboardPage').then((mod) => ({ Component: mod.DashboardPage })) },
  ],
};
