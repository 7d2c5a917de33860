import type { FeatureRoutes } from '../../app/route-types';

export const routes: FeatureRoutes = {
  app: [
    { index: true, lazy: () => import('./DashboardPage').then((mod) => ({ Component: mod.DashboardPage })) },
  ],
};
